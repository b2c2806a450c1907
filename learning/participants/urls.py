from django.urls import path

from . import views

app_name = "participants"

urlpatterns = [
    path("", views.programme_home, name="home"),
    path("calendar/new/", views.calendar_feed_new, name="calendar-new"),
]
