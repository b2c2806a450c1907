from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("<int:event_id>/rsvp/", views.event_rsvp, name="rsvp"),
    path("<int:event_id>/rsvp/done/", views.event_rsvp_done, name="rsvp-done"),
    path("rsvp/<str:token>/", views.event_rsvp_change, name="rsvp-change"),
]
