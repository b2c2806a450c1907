"""Writes of learning events: scheduling one, answering its invitation."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from learning.core.localization import language_name
from learning.core.occurrence import aware_validate
from learning.core.openings import opening_decide, opening_validate
from learning.core.person import person_validate
from learning.core.signup import (
    Refusal,
    SignUpResult,
    capacity_validate,
    parent_lock,
    parent_lock_and_count,
    record_save,
    window_open_validate,
)
from learning.core.types import AuthUser

from .emails import (
    background_documents_notify,
    event_changed_notify,
    learning_note_notify,
    recordings_notify,
    rsvp_confirmation_notify,
    rsvp_link_notify,
)
from .models import Event, EventRecording, EventRsvp, LearningEventPage
from .selectors import event_page_source_get

# Log actions of the coordinators' admin (registered in wagtail_hooks).
LOG_BACKGROUND_SENT = "events.background_sent"
LOG_NOTE_ANNOUNCED = "events.learning_note_announced"
LOG_RECORDING_SAVED = "events.recording_saved"
LOG_RECORDING_DELETED = "events.recording_deleted"
LOG_RECORDINGS_ANNOUNCED = "events.recordings_announced"

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
        "interpretation_languages",
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
    interpretation_languages: list[str] | None = None,
    actor: AuthUser | None = None,
) -> Event:
    """Give an event page (any translation) a date and an RSVP deadline.

    The Event points at the source page, whichever its language.
    """
    aware_validate(starts_at, rsvp_closes_at)
    source = event_page_source_get(page=page)
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
        interpretation_languages=_interpretation_clean(
            interpretation_languages or [], floor=source.locale.language_code
        ),
    )
    with transaction.atomic():
        event.full_clean()
        event.save()
        log(instance=event, action="wagtail.create", user=actor)
        # RSVPs open once the gate lets them.
        opening_decide(subject=event)
    return event


def event_update(
    *, event: Event, actor: AuthUser | None = None, **changes: Any
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
        event = parent_lock(Event.objects.select_related("page__locale"), pk=event.pk)
        sequence = event.sequence
        rescheduled = any(
            name in changes and changes[name] != getattr(event, name)
            for name in ("starts_at", "rsvp_closes_at")
        )
        if "interpretation_languages" in changes:
            changes["interpretation_languages"] = _interpretation_clean(
                changes["interpretation_languages"] or [], floor=event.floor_language
            )
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
        if rescheduled:
            # New dates ask the gate again: a held event whose pages are now
            # ready opens; an open one stays open (OPEN is final).
            opening_decide(subject=event)
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
    person = person_validate(
        name=name,
        email=email,
        consent=consent,
        institution=institution,
        country=country,
        language=language,
    )
    window_open_validate(now=now, closes_at=event.rsvp_closes_at, closed=_CLOSED)
    opening_validate(subject=event)
    with transaction.atomic():
        event, taken = parent_lock_and_count(
            Event.objects, pk=event.pk, counted_rows=_attending
        )
        rsvp = event.rsvps.filter(email=person.email).first()
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
                    name=person.name,
                    email=person.email,
                    institution=person.institution,
                    country=person.country,
                    language=person.language,
                    consent_at=now,
                )
            )
            rsvp_confirmation_notify(rsvp=rsvp)
    return RsvpResult(
        object=rsvp,
        created=created,
        name=person.name,
        email=person.email,
        attending=attending,
        language=person.language,
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


def event_background_send(*, event: Event, actor: AuthUser | None) -> int:
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


_NOT_HELD = Refusal(
    _("A recording can be added once the event has ended."), code="event_not_held"
)


def event_recording_save(
    *,
    event: Event,
    language: str,
    url: str,
    actor: AuthUser | None,
    now: datetime | None = None,
) -> EventRecording:
    """Add or replace the recording of one language track of an ended event.

    The tracks are the event's own language and its interpreted ones.
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = parent_lock(Event.objects.select_related("page__locale"), pk=event.pk)
        if event.ends_at > now:
            raise _NOT_HELD.error()
        if language not in event.track_languages():
            raise ValidationError(
                _("The event has no %(language)s track."),
                code="unknown_track",
                params={"language": language_name(language)},
            )
        recording = event.recordings.filter(language=language).first()
        recording = recording or EventRecording(event=event, language=language)
        recording.url = url.strip()
        recording.full_clean()
        recording.save()
        log(
            instance=event,
            action=LOG_RECORDING_SAVED,
            user=actor,
            data={"language": language, "url": recording.url},
        )
    return recording


def event_recording_delete(
    *, recording: EventRecording, actor: AuthUser | None
) -> None:
    """Remove one language track's recording (a wrong link, say)."""
    with transaction.atomic():
        event = parent_lock(Event.objects, pk=recording.event_id)
        data = {"language": recording.language, "url": recording.url}
        recording.delete()
        log(instance=event, action=LOG_RECORDING_DELETED, user=actor, data=data)


def event_recordings_announce(
    *, event: Event, actor: AuthUser | None, now: datetime | None = None
) -> int:
    """Tell everyone who registered as attending that the recordings are out, once.

    A coordinator's action rather than automatic: tracks arrive one by one,
    and people are told once, when the coordinator says they are all in.
    Returns how many were told.
    """
    now = now or timezone.now()
    with transaction.atomic():
        # The lock makes two coordinators clicking at once announce one time.
        event = parent_lock(Event.objects.select_related("page"), pk=event.pk)
        if event.recordings_announced_at:
            raise ValidationError(
                _("The recordings were announced already."),
                code="recordings_announced",
            )
        if not event.recordings.exists():
            raise ValidationError(
                _("The event has no recording yet."), code="no_recordings"
            )
        attendees = list(_attending(event))
        if not attendees:
            raise ValidationError(
                _("Nobody registered as attending the event."), code="no_attendees"
            )
        event.recordings_announced_at = now
        event.save(update_fields=["recordings_announced_at", "updated_at"])
        for rsvp in attendees:
            recordings_notify(rsvp=rsvp)
        log(
            instance=event,
            action=LOG_RECORDINGS_ANNOUNCED,
            user=actor,
            data={"recipients": len(attendees)},
        )
    return len(attendees)


def _interpretation_clean(codes: list[str], *, floor: str) -> list[str]:
    """The interpreted languages without repeats and without the event's own."""
    return list(dict.fromkeys(code for code in codes if code != floor))


def _attending(event: Event) -> QuerySet[EventRsvp]:
    return event.rsvps.filter(attending=True)
