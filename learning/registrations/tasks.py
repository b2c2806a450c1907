"""Background task that sends the seminar-registration emails; it takes ids."""

from datetime import datetime, time, timedelta
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django_tasks import task

from learning.core.calendar import CalendarEvent
from learning.core.occurrence import CALENDAR_UID_DOMAIN
from learning.editions.models import Edition
from learning.notifications.emails import (
    Attachment,
    calendar_attachment,
    email_language,
    email_send,
    site_url,
)

from .enums import RegistrationStatus
from .links import registration_token_make
from .models import Registration

KINDS = ("confirmation", "link", "place", "cancelled")
# A day of a run without planned sessions is shown in calendars as a working day.
DAY_HOURS = (time(9, 0), time(17, 0))


@task()
def registration_email_send(*, registration_id: int, kind: str) -> None:
    """Send one of the KINDS of email; the run's .ics when a place is theirs."""
    if kind not in KINDS:
        raise ValueError(kind)
    registration = Registration.objects.select_related("edition__programme").get(
        pk=registration_id
    )
    attach = kind in ("confirmation", "place") and (
        registration.status == RegistrationStatus.CONFIRMED
    )
    email_send(
        template=f"registration_{kind}",
        to=[registration.email],
        language=registration.language,
        context=_context(registration),
        attachments=[_calendar_file(registration)] if attach else [],
    )


def _context(registration: Registration) -> dict[str, Any]:
    edition = registration.edition
    with translation.override(email_language(language=registration.language)):
        programme = edition.programme.localized
        return {
            "registration": registration,
            "edition": edition,
            "run_label": edition.label,
            "location": edition.location_label,
            "programme_title": programme.title,
            "programme_url": _absolute(programme.url),
            "waitlisted": registration.status == RegistrationStatus.WAITLISTED,
            "confirmed": registration.status == RegistrationStatus.CONFIRMED,
            "cancel_url": registration_cancel_url(registration=registration),
        }


def registration_cancel_url(*, registration: Registration) -> str:
    """The cancel link in its person's language ("" when not routed)."""
    token = registration_token_make(registration=registration)
    try:
        with translation.override(email_language(language=registration.language)):
            path = reverse("registrations:cancel", kwargs={"token": token})
    except NoReverseMatch:
        # A site that installs the plugin without its public pages.
        return ""
    return site_url() + path


def run_calendar_events(*, edition: Edition, summary: str) -> list[CalendarEvent]:
    """Every day of the run: its sessions, or the whole day when none is planned."""
    location = edition.location_label
    meetings = list(edition.meetings.select_related("session_topic"))
    if meetings:
        return [
            meeting.calendar_event(
                summary=f"{meeting.display_title} · {summary}", location=location
            )
            for meeting in meetings
        ]
    days = (edition.ends_on - edition.starts_on).days + 1
    return [_day_event(edition, index, summary, location) for index in range(days)]


def _day_event(edition: Edition, index: int, summary: str, location: str) -> Any:
    day = edition.starts_on + timedelta(days=index)
    starts, ends = (datetime.combine(day, at, tzinfo=edition.zone) for at in DAY_HOURS)
    return CalendarEvent(
        uid=f"edition-{edition.pk}-day-{day.isoformat()}@{CALENDAR_UID_DOMAIN}",
        summary=summary,
        starts_at=starts,
        ends_at=ends,
        location=location,
    )


def _calendar_file(registration: Registration) -> Attachment:
    edition = registration.edition
    with translation.override(email_language(language=registration.language)):
        summary = f"{edition.programme.localized.title} · {edition.label}"
    return calendar_attachment(
        events=run_calendar_events(edition=edition, summary=summary),
        name=summary,
        filename="seminar.ics",
    )


def _absolute(url: str | None) -> str:
    if not url:
        return ""
    return url if url.startswith("http") else site_url() + url
