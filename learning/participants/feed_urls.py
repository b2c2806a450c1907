"""The calendar feed lives outside the language prefix: calendar apps keep its URL."""

from django.urls import path

from . import views

app_name = "participant_calendar"

urlpatterns = [
    path("<str:token>.ics", views.calendar_feed, name="feed"),
]
