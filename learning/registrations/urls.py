from django.urls import path

from . import views

app_name = "registrations"

urlpatterns = [
    path("<int:edition_id>/register/", views.registration_form, name="register"),
    path("<int:edition_id>/register/done/", views.registration_done, name="done"),
    path("cancel/<str:token>/", views.registration_cancel_page, name="cancel"),
]
