"""Writes of learning events: scheduling one, answering its invitation."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from learning.catalogue.selectors import page_source_get
from learning.core.consent import consent_validate
from learning.core.names import name_normalise
from learning.core.occurrence import aware_validate
from learning.core.signup import (
    Refusal,
    SignUpResult,
    capacity_validate,
    email_normalise,
    parent_lock,
    parent_lock_and_count,
    record_save,
    window_open_validate,
)

from .emails import (
    background_documents_notify,
    event_changed_notify,
    learning_note_notify,
    rsvp_confirmation_notify,
    rsvp_link_notify,
)
from .models import Event, EventRsvp, LearningEventPage

# Log actions of the coordinators' admin (registered in wagtail_hooks).
LOG_BACKGROUND_SENT = "events.background_sent"
LOG_NOTE_ANNOUNCED = "events.learning_note_announced"

_CLOSED = Refusal(
    _("Answers for this event closed at its RSVP deadline."), code="rsvp_closed"
)
_FULL = Refusal(_("This event has no places left."), code="event_full")

# What a coordinator may change on a scheduled event.
EVENT_EDITABLE_FIELDS = frozenset(
    {
        "starts_at",
        "duration_minutes",
        "join_url",
        "time_zone",
        "rsvp_closes_at",
        "capacity",
    }
)


@dataclass(frozen=True)
class RsvpResult(SignUpResult[EventRsvp]):
    """What an answer led to.

    `name`, `email`, `attending` and `language` are what was submitted
    (normalised): a caller answers with them, so that answering with someone
    else's address looks exactly like a new answer and shows nothing of the
    first. `rsvp` and `created` (False for a repeat) are for the platform.
    """

    name: str
    email: str
    attending: bool
    language: str

    @property
    def rsvp(self) -> EventRsvp:
        return self.object


def event_schedule(
    *,
    page: LearningEventPage,
    starts_at: datetime,
    rsvp_closes_at: datetime,
    time_zone: str = "UTC",
    duration_minutes: int = 90,
    join_url: str = "",
    capacity: int | None = None,
    actor: AbstractBaseUser | None = None,
) -> Event:
    """Give an event page (its default-language page) a date and an RSVP deadline."""
    aware_validate(starts_at, rsvp_closes_at)
    source = page_source_get(page=page)
    if Event.objects.filter(page=source).exists():
        raise ValidationError(
            _("This event page already has a date."), code="event_scheduled"
        )
    event = Event(
        page=source,
        starts_at=starts_at,
        rsvp_closes_at=rsvp_closes_at,
        time_zone=time_zone,
        duration_minutes=duration_minutes,
        join_url=join_url,
        capacity=capacity,
    )
    event.full_clean()
    event.save()
    log(instance=event, action="wagtail.create", user=actor)
    return event


def event_update(
    *, event: Event, actor: AbstractBaseUser | None = None, **changes: Any
) -> Event:
    """Change an event's date, deadline, link or places.

    People attending get their calendar entry again when the time or link moved.
    """
    unknown = set(changes) - EVENT_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    aware_validate(
        *(changes[name] for name in ("starts_at", "rsvp_closes_at") if name in changes)
    )
    with transaction.atomic():
        event = parent_lock(Event.objects, pk=event.pk)
        sequence = event.sequence
        event.changes_apply(changes)
        if "capacity" in changes and event.capacity is not None:
            attending = event.rsvps.filter(attending=True).count()
            if attending > event.capacity:
                raise ValidationError(
                    {
                        "capacity": ValidationError(
                            _(
                                "%(count)s people are attending already: give at "
                                "least as many places."
                            ),
                            code="capacity_below_attending",
                            params={"count": attending},
                        )
                    }
                )
        event.full_clean()
        event.save()
        log(instance=event, action="wagtail.edit", user=actor)
        if event.sequence != sequence:
            for rsvp in event.rsvps.filter(attending=True):
                event_changed_notify(rsvp=rsvp)
    return event


def rsvp_submit(
    *,
    event: Event,
    attending: bool,
    name: str,
    email: str,
    institution: str,
    country: str,
    language: str,
    consent: bool,
    now: datetime | None = None,
) -> RsvpResult:
    """Answer an event's invitation.

    The same email again changes nothing: its person is sent their change link
    (only the link in that email changes an answer, so nobody changes another's).
    """
    now = now or timezone.now()
    email = email_normalise(email)
    name = _answer_validate(name=name, email=email, consent=consent)
    institution = name_normalise(institution, field="institution")
    language = language or settings.LANGUAGE_CODE
    window_open_validate(now=now, closes_at=event.rsvp_closes_at, closed=_CLOSED)
    with transaction.atomic():
        event, taken = parent_lock_and_count(
            Event.objects, pk=event.pk, counted_rows=_attending
        )
        rsvp = event.rsvps.filter(email=email).first()
        created = rsvp is None
        if rsvp is not None:
            rsvp_link_notify(rsvp=rsvp)
        else:
            if attending and event.capacity is not None:
                capacity_validate(taken=taken, capacity=event.capacity, full=_FULL)
            rsvp = record_save(
                EventRsvp(
                    event=event,
                    attending=attending,
                    name=name,
                    email=email,
                    institution=institution,
                    country=country.strip(),
                    language=language,
                    consent_at=now,
                )
            )
            rsvp_confirmation_notify(rsvp=rsvp)
    return RsvpResult(
        object=rsvp,
        created=created,
        name=name,
        email=email,
        attending=attending,
        language=language,
    )


def rsvp_change(
    *, rsvp: EventRsvp, attending: bool, now: datetime | None = None
) -> EventRsvp:
    """Change an answer before the deadline (from the link in its email)."""
    now = now or timezone.now()
    window_open_validate(now=now, closes_at=rsvp.event.rsvp_closes_at, closed=_CLOSED)
    with transaction.atomic():
        event, taken = parent_lock_and_count(
            Event.objects, pk=rsvp.event_id, counted_rows=_attending
        )
        rsvp = EventRsvp.objects.select_for_update().get(pk=rsvp.pk)
        if rsvp.attending == attending:
            return rsvp
        if attending and event.capacity is not None:
            capacity_validate(taken=taken, capacity=event.capacity, full=_FULL)
        rsvp.attending = attending
        rsvp.save(update_fields=["attending", "updated_at"])
        rsvp_confirmation_notify(rsvp=rsvp)
    return rsvp


def event_background_send(*, event: Event, actor: AbstractBaseUser | None) -> int:
    """Email everyone attending the event's background documents; return how many.

    One email per person, in their language, once the transaction commits.
    """
    if not event.page.background_documents_to_send():
        raise ValidationError(
            _("The event page has no background documents to send."),
            code="no_background_documents",
        )
    with transaction.atomic():
        event = parent_lock(Event.objects.select_related("page"), pk=event.pk)
        attendees = list(_attending(event))
        if not attendees:
            raise ValidationError(
                _("Nobody is attending the event yet."), code="no_attendees"
            )
        for rsvp in attendees:
            background_documents_notify(rsvp=rsvp)
        log(
            instance=event,
            action=LOG_BACKGROUND_SENT,
            user=actor,
            data={"recipients": len(attendees)},
        )
    return len(attendees)


def event_learning_note_announce(*, event: Event, now: datetime | None = None) -> int:
    """Tell everyone who attended that the event's learning note is out, once.

    Nothing happens before the event has taken place (a note announced for a
    future event would confuse its readers), while the note or the event page is
    not live, or when it was announced already; returns how many were told.
    """
    now = now or timezone.now()
    with transaction.atomic():
        # The lock makes two publications at once (the note and a translation)
        # announce one time only.
        event = parent_lock(Event.objects.select_related("page"), pk=event.pk)
        if (
            event.starts_at > now
            or event.learning_note_announced_at
            or event.learning_note_live() is None
        ):
            return 0
        event.learning_note_announced_at = now
        event.save(update_fields=["learning_note_announced_at", "updated_at"])
        attendees = list(_attending(event))
        for rsvp in attendees:
            learning_note_notify(rsvp=rsvp)
        log(
            instance=event,
            action=LOG_NOTE_ANNOUNCED,
            data={"recipients": len(attendees)},
        )
    return len(attendees)


def _answer_validate(*, name: str, email: str, consent: bool) -> str:
    """Check the person's answers; return their name, normalised."""
    consent_validate(consent=consent)
    name = name_normalise(name, field="name")
    if not name:
        raise ValidationError(_("Please give your name."), code="name_required")
    validate_email(email)
    return name


def _attending(event: Event) -> QuerySet[EventRsvp]:
    return event.rsvps.filter(attending=True)
