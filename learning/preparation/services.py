"""Writes: a person's reminder setting, and the reminders before each meeting.

A reminder goes out at most once per person and meeting: its row is written in
the same transaction that enqueues the email (on commit), and a unique
constraint keeps a second run, or a concurrent one, from sending it again.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from learning.core.types import AuthUser
from learning.editions.models import Edition, Meeting
from learning.notifications.services import task_enqueue_on_commit

from .models import MeetingReminder, ReminderPreference
from .selectors import (
    PersonReadiness,
    meeting_readiness_for_edition,
    reminder_days_for_users,
)
from .selectors.reminders import MAX_REMINDER_DAYS
from .tasks import meeting_reminder_email_send


def reminder_preference_set(*, user: AuthUser, days: int) -> ReminderPreference:
    """Set how many days before each meeting the user is reminded (0: never)."""
    if not 0 <= days <= MAX_REMINDER_DAYS:
        raise ValidationError(
            _("Choose from 0 to %(max)d days.") % {"max": MAX_REMINDER_DAYS},
            code="reminder_days_invalid",
        )
    preference, _created = ReminderPreference.objects.update_or_create(
        user=user, defaults={"days_before": days}
    )
    return preference


def meeting_reminders_send(*, now: datetime) -> int:
    """Remind each expected participant of what is still to do before a meeting.

    Due once the person's chosen days before the meeting have come; none for
    people who turned reminders off, are excused, have everything done, or
    whose account is closed.
    Returns how many reminders were sent.
    """
    horizon = now + timedelta(days=MAX_REMINDER_DAYS)
    meetings = Meeting.objects.filter(
        starts_at__gt=now, starts_at__lte=horizon, session_topic__isnull=False
    ).values_list("edition_id", "pk")
    by_edition: dict[int, list[int]] = {}
    for edition_id, meeting_id in meetings:
        by_edition.setdefault(edition_id, []).append(meeting_id)
    sent = 0
    for edition in Edition.objects.filter(pk__in=by_edition):
        sent += _edition_reminders(
            edition=edition, meeting_ids=by_edition[edition.pk], now=now
        )
    return sent


def _edition_reminders(
    *, edition: Edition, meeting_ids: list[int], now: datetime
) -> int:
    readiness = meeting_readiness_for_edition(
        edition=edition,
        language=settings.LANGUAGE_CODE,
        now=now,
        meeting_ids=meeting_ids,
    )
    people = {p.participant.user_id for item in readiness for p in item.people}
    days = reminder_days_for_users(user_ids=people)
    done = set(
        MeetingReminder.objects.filter(meeting_id__in=meeting_ids).values_list(
            "meeting_id", "user_id"
        )
    )
    sent = 0
    for item in readiness:
        for person in item.people:
            user_id = person.participant.user_id
            if (item.meeting.pk, user_id) in done:
                continue
            if _due(person, meeting=item.meeting, days=days[user_id], now=now):
                sent += _reminder_record(meeting=item.meeting, person=person, now=now)
    return sent


def _due(
    person: PersonReadiness, *, meeting: Meeting, days: int, now: datetime
) -> bool:
    # A closed (e.g. erased) account gets no reminder and no new record of one.
    if not person.participant.user.is_active:
        return False
    if days <= 0 or person.is_excused or person.is_ready:
        return False
    return meeting.starts_at - timedelta(days=days) <= now


def _reminder_record(
    *, meeting: Meeting, person: PersonReadiness, now: datetime
) -> int:
    """Write the reminder's row and enqueue its email; 0 when another run did."""
    try:
        with transaction.atomic():
            MeetingReminder.objects.create(
                meeting=meeting,
                user_id=person.participant.user_id,
                sent_at=now,
                materials_pending=person.materials_pending,
                questions_pending=person.questions_pending,
            )
            task_enqueue_on_commit(
                meeting_reminder_email_send,
                meeting_id=meeting.pk,
                user_id=person.participant.user_id,
            )
    except IntegrityError:
        return 0
    return 1
