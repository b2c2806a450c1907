"""Reads of information sessions."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from learning.catalogue.models import ProgrammePage
from learning.catalogue.selectors import page_source_get
from learning.core.openings import opening_is_held

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


def infosession_upcoming_changes_at(
    *, sessions: Iterable[InfoSession], now: datetime
) -> datetime | None:
    """When a list of `infosession_list_upcoming` next changes with the clock
    alone: its first session starts (and leaves the list). None: never."""
    return min((s.starts_at for s in sessions if s.starts_at > now), default=None)


def infosession_places_left(*, session: InfoSession) -> int:
    """Places left (uses a `registration_count` annotation when present)."""
    count = getattr(session, "registration_count", None)
    if count is None:
        count = session.registrations.count()
    return max(session.capacity - count, 0)


@dataclass(frozen=True)
class InfoSessionSignUpState:
    """Whether a session takes sign-ups now, as its page and the API show it.

    `is_held`: the translation gate holds the sign-up ("not_open"), so the page
    says why instead of a form.
    """

    places_left: int
    has_started: bool
    is_held: bool

    @property
    def status(self) -> str:
        """ "open", "full", "not_open" (the gate holds it) or "closed"."""
        if self.has_started:
            return "closed"
        if self.is_held:
            return "not_open"
        return "open" if self.places_left else "full"

    @property
    def is_open(self) -> bool:
        return self.status == "open"


def infosession_signup_state(
    *, session: InfoSession, now: datetime | None = None
) -> InfoSessionSignUpState:
    """The session's sign-up state (uses the `with_registrations` annotations
    when present). Callers: the programme page, the sign-up page and the API."""
    started = session.starts_at <= (now or timezone.now())
    return InfoSessionSignUpState(
        places_left=infosession_places_left(session=session),
        has_started=started,
        is_held=not started and opening_is_held(subject=session),
    )


def infosession_list_with_registrations() -> InfoSessionQuerySet:
    """Every session with its programme and `registration_count`, for the admin."""
    return InfoSession.objects.select_related("programme").with_registrations()


def infosession_registration_list() -> QuerySet[InfoSessionRegistration]:
    """Every sign-up with its session, for the admin's list and exports."""
    return InfoSessionRegistration.objects.select_related("session")
