from django.urls import path

from . import views

app_name = "mel"

urlpatterns = [
    path("", views.survey_list, name="survey-list"),
    path("<str:token>/", views.survey_answer, name="survey-answer"),
]
