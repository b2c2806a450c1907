from django.urls import path

from . import views

app_name = "infosessions"

urlpatterns = [
    path("<int:session_id>/sign-up/", views.infosession_sign_up, name="sign-up"),
    path(
        "<int:session_id>/sign-up/done/",
        views.infosession_sign_up_done,
        name="done",
    ),
]
