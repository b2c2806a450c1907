"""A dated online occurrence: the shape meetings, information sessions and the
formats to come (events, member-led sessions) share, with its calendar event."""

import uuid
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.core.calendar import CalendarEvent

# One cap for every format: an online occurrence longer than two hours is a typo.
OCCURRENCE_MAX_MINUTES = 120
# Calendars match an event to its update by this uid; never change the domain.
CALENDAR_UID_DOMAIN = "mutual-learning"
OCCURRENCE_CALENDAR_FIELDS = frozenset(
    {"title", "starts_at", "duration_minutes", "join_url"}
)


def calendar_uid(uid: uuid.UUID) -> str:
    """The iCalendar UID of an occurrence, stable across reschedules."""
    return f"{uid}@{CALENDAR_UID_DOMAIN}"


def aware_validate(*moments: datetime) -> None:
    """Refuse a date and time without a time zone (code `naive_datetime`)."""
    # People join from many time zones: a time without one is a bug.
    if any(timezone.is_naive(moment) for moment in moments):
        raise ValidationError(
            _("A date and time needs a time zone."), code="naive_datetime"
        )


def duration_field(**kwargs: Any) -> "models.PositiveSmallIntegerField[int, int]":
    """The duration in minutes, from one minute up to the one cap."""
    return models.PositiveSmallIntegerField(
        _("duration in minutes"),
        validators=[MinValueValidator(1), MaxValueValidator(OCCURRENCE_MAX_MINUTES)],
        **kwargs,
    )


class DatedOccurrence(models.Model):
    """Abstract: an online meeting at a time, with a join link and a calendar event."""

    uid = models.UUIDField(
        _("calendar identifier"), default=uuid.uuid4, unique=True, editable=False
    )
    sequence = models.PositiveIntegerField(
        _("calendar revision"),
        default=0,
        editable=False,
        help_text=_("Grows when the time or link changes, so calendars update."),
    )
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = duration_field()
    join_url = models.URLField(_("join link"), max_length=500, blank=True)

    # A change to one of these is news for calendars that already hold it.
    calendar_fields: frozenset[str] = OCCURRENCE_CALENDAR_FIELDS

    class Meta:
        abstract = True

    @property
    def ends_at(self) -> datetime:
        """When the occurrence ends."""
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def calendar_uid(self) -> str:
        """The iCalendar UID, the same in every feed and attachment."""
        return calendar_uid(self.uid)

    def changes_apply(self, changes: Mapping[str, Any]) -> None:
        """Set `changes`; bump `sequence` when calendars holding it must update."""
        if any(
            getattr(self, name) != value
            for name, value in changes.items()
            if name in self.calendar_fields
        ):
            self.sequence += 1
        for name, value in changes.items():
            setattr(self, name, value)

    def calendar_event(
        self, *, summary: str, description: str = "", url: str = "", location: str = ""
    ) -> CalendarEvent:
        """This occurrence as one calendar event, for a feed or an attachment."""
        return CalendarEvent(
            uid=self.calendar_uid,
            summary=summary,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            description=description,
            url=url,
            location=location,
            sequence=self.sequence,
        )
