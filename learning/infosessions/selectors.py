"""Reads of information sessions."""

from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from learning.catalogue.models import ProgrammePage
from learning.catalogue.selectors import page_source_get

from .models import InfoSession, InfoSessionQuerySet, InfoSessionRegistration


def infosession_list_upcoming(
    *, programme: ProgrammePage, now: datetime | None = None
) -> InfoSessionQuerySet:
    """Sessions about the programme (any translation) yet to start, with counts."""
    return (
        InfoSession.objects.filter(
            programme=page_source_get(page=programme),
            starts_at__gt=now or timezone.now(),
        )
        .with_registrations()
        .order_by("starts_at", "pk")
    )


def infosession_places_left(*, session: InfoSession) -> int:
    """Places left (uses a `registration_count` annotation when present)."""
    count = getattr(session, "registration_count", None)
    if count is None:
        count = session.registrations.count()
    return max(session.capacity - count, 0)


def infosession_list_with_registrations() -> InfoSessionQuerySet:
    """Every session with its programme and `registration_count`, for the admin."""
    return InfoSession.objects.select_related("programme").with_registrations()


def infosession_registration_list() -> QuerySet[InfoSessionRegistration]:
    """Every sign-up with its session, for the admin's list and exports."""
    return InfoSessionRegistration.objects.select_related("session")
