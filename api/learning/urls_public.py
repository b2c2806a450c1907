"""Public learning endpoints: editions, information sessions, enrolment,
certificate verification."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import public

router = SimpleRouter()
router.register("editions", public.EditionViewSet, basename="edition")
router.register("info-sessions", public.InfoSessionViewSet, basename="info-session")

urlpatterns = [
    path("", include(router.urls)),
    path(
        "editions/<int:id>/enrolments/",
        public.EnrolmentCreateView.as_view(),
        name="edition-enrolments",
    ),
    path(
        "enrolment-offers/<str:token>/accept/",
        public.EnrolmentOfferAcceptView.as_view(),
        name="enrolment-offer-accept",
    ),
    path(
        "enrolment-offers/<str:token>/decline/",
        public.EnrolmentOfferDeclineView.as_view(),
        name="enrolment-offer-decline",
    ),
    path(
        "info-sessions/<int:id>/registrations/",
        public.RegistrationCreateView.as_view(),
        name="info-session-registrations",
    ),
    path(
        "editions/<int:id>/calendar.ics",
        public.EditionCalendarView.as_view(),
        name="edition-calendar",
    ),
    path(
        "meetings/<int:id>/calendar.ics",
        public.MeetingCalendarView.as_view(),
        name="meeting-calendar",
    ),
    path(
        "certificates/verify/<str:code>/",
        public.CertificateVerifyView.as_view(),
        name="certificate-verify",
    ),
]
