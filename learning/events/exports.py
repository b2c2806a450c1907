"""The columns of the RSVP spreadsheet a coordinator downloads per event."""

from collections import OrderedDict
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import EventRsvp

RSVP_EXPORT_HEADINGS = {
    "event": _("Learning event"),
    "answer": _("Answer"),
    "name": _("Name"),
    "email": _("Email address"),
    "institution": _("Institution"),
    "country": _("Country"),
    "language": _("Language"),
    "answered_at": _("Answered at"),
    "changed_at": _("Changed at"),
}
RSVP_EXPORT_FIELDS = list(RSVP_EXPORT_HEADINGS)


def rsvp_answer_label(*, attending: bool) -> str:
    """The answer as the coordinators read it."""
    return str(_("Attending") if attending else _("Not attending"))


def rsvp_export_row(rsvp: EventRsvp) -> "OrderedDict[str, Any]":
    """One spreadsheet row; times in the organiser's zone, as the event is planned."""
    event = rsvp.event
    zone = ZoneInfo(event.time_zone)
    return OrderedDict(
        [
            ("event", event.label),
            ("answer", rsvp_answer_label(attending=rsvp.attending)),
            ("name", rsvp.name),
            ("email", rsvp.email),
            ("institution", rsvp.institution),
            ("country", rsvp.country),
            ("language", rsvp.language),
            ("answered_at", _in_zone(rsvp.created_at, zone)),
            ("changed_at", _in_zone(rsvp.updated_at, zone)),
        ]
    )


def _in_zone(moment: datetime, zone: ZoneInfo) -> datetime:
    # Spreadsheets hold no zone: the organiser's wall clock is what they expect.
    return timezone.localtime(moment, zone).replace(tzinfo=None)
