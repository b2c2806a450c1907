"""Public learning endpoints: editions, information sessions, learning events
and their RSVPs, calls for proposals, enrolment, certificate verification."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import (
    calls,
    certificates,
    editions,
    enrolments,
    events,
    infosessions,
    registrations,
)

router = SimpleRouter()
router.register("editions", editions.EditionViewSet, basename="edition")
router.register(
    "info-sessions", infosessions.InfoSessionViewSet, basename="info-session"
)

urlpatterns = [
    path("", include(router.urls)),
    path(
        "editions/<int:id>/enrolments/",
        enrolments.EnrolmentCreateView.as_view(),
        name="edition-enrolments",
    ),
    path(
        "editions/<int:id>/registrations/",
        registrations.EditionRegistrationsView.as_view(),
        name="edition-registrations",
    ),
    path(
        "enrolment-offers/<str:token>/accept/",
        enrolments.EnrolmentOfferAcceptView.as_view(),
        name="enrolment-offer-accept",
    ),
    path(
        "enrolment-offers/<str:token>/decline/",
        enrolments.EnrolmentOfferDeclineView.as_view(),
        name="enrolment-offer-decline",
    ),
    path(
        "info-sessions/<int:id>/registrations/",
        infosessions.RegistrationCreateView.as_view(),
        name="info-session-registrations",
    ),
    path("events/", events.EventListView.as_view(), name="events"),
    path("events/<int:id>/", events.EventDetailView.as_view(), name="event"),
    path("events/<int:id>/rsvps/", events.EventRsvpsView.as_view(), name="event-rsvps"),
    path("calls/", calls.CallListView.as_view(), name="calls"),
    path("calls/<int:id>/", calls.CallDetailView.as_view(), name="call"),
    path(
        "event-rsvps/<str:token>/",
        events.RsvpAnswerView.as_view(),
        name="event-rsvp-answer",
    ),
    path(
        "editions/<int:id>/calendar.ics",
        editions.EditionCalendarView.as_view(),
        name="edition-calendar",
    ),
    path(
        "meetings/<int:id>/calendar.ics",
        editions.MeetingCalendarView.as_view(),
        name="meeting-calendar",
    ),
    path(
        "certificates/verify/<str:code>/",
        certificates.CertificateVerifyView.as_view(),
        name="certificate-verify",
    ),
]
