from django.urls import path

from . import views

app_name = "preparation"

urlpatterns = [
    path("<int:edition_id>/readiness/", views.readiness, name="readiness"),
    path(
        "<int:edition_id>/answer/<int:topic_id>/<str:key>/",
        views.answer,
        name="answer",
    ),
]
