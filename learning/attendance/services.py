"""Writes of attendance marks; every change is logged in Wagtail's audit log."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from learning.core.types import AuthUser
from learning.editions.models import Meeting
from learning.enrolments.membership import participant_list_members
from learning.enrolments.models import Participant

from .enums import AttendanceSource, AttendanceStatus
from .models import Attendance
from .permissions import AttendancePermissionDenied, attendance_can_mark

# Marks can be made from shortly before a meeting starts (people join early).
MARK_OPENS_BEFORE = timedelta(hours=1)


@dataclass
class MarkResult:
    """What a batch of marks changed."""

    created: int = 0
    changed: int = 0
    unchanged: int = 0
    kept: int = 0  # an import's lower marks not applied (see imports.py)
    marks: list[Attendance] = field(default_factory=list)


def attendance_mark(
    *,
    meeting: Meeting,
    participant: Participant,
    status: str,
    actor: AuthUser,
    source: str = AttendanceSource.QUICK_PAGE,
    minutes_present: int | None = None,
    now: datetime | None = None,
) -> Attendance:
    """Mark one participant at one meeting (create or change the mark)."""
    result = attendance_mark_many(
        meeting=meeting,
        marks={participant.pk: status},
        actor=actor,
        source=source,
        minutes={participant.pk: minutes_present} if minutes_present else None,
        now=now,
    )
    return result.marks[0]


def attendance_mark_many(
    *,
    meeting: Meeting,
    marks: Mapping[int, str],
    actor: AuthUser,
    source: str = AttendanceSource.QUICK_PAGE,
    minutes: Mapping[int, int | None] | None = None,
    now: datetime | None = None,
) -> MarkResult:
    """Mark several participants (by participant id) at a meeting, all or nothing.

    Only the meeting's facilitators and coordinators mark; only members of the
    meeting's edition can be marked. Marks of one meeting are made one batch at
    a time (the meeting's row is locked), so two facilitators saving at once
    leave one mark per participant, the later one winning.
    """
    now = now or timezone.now()
    if not attendance_can_mark(user=actor, edition=meeting.edition):
        raise AttendancePermissionDenied(
            _("Only the edition's facilitators and coordinators mark attendance."),
            code="not_a_facilitator",
        )
    _status_validate(marks.values())
    _source_validate(source)
    if now < meeting.starts_at - MARK_OPENS_BEFORE:
        raise ValidationError(
            _("Attendance can be marked from one hour before the meeting starts."),
            code="meeting_not_started",
        )
    minutes = minutes or {}
    result = MarkResult()
    with transaction.atomic():
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        members = {
            participant.pk: participant
            for participant in participant_list_members(edition=meeting.edition).filter(
                pk__in=list(marks)
            )
        }
        strangers = set(marks) - set(members)
        if strangers:
            raise ValidationError(
                _("Only participants of this edition can be marked."),
                code="not_a_member",
            )
        existing = {
            mark.participant_id: mark
            for mark in Attendance.objects.filter(
                meeting=meeting, participant_id__in=list(marks)
            )
        }
        for participant_id, status in marks.items():
            mark = existing.get(participant_id)
            old = mark.status if mark else ""
            present = minutes.get(participant_id)
            if mark is None:
                mark = Attendance.objects.create(
                    meeting=meeting,
                    participant=members[participant_id],
                    status=status,
                    source=source,
                    minutes_present=present,
                    marked_by=actor,
                )
                result.created += 1
            elif mark.status != status or (
                present is not None and mark.minutes_present != present
            ):
                mark.status = status
                mark.source = source
                if present is not None:
                    mark.minutes_present = present
                mark.marked_by = actor
                mark.save()
                result.changed += 1
            else:
                result.unchanged += 1
                result.marks.append(mark)
                continue
            log(
                instance=mark,
                action="attendance.mark",
                user=actor,
                data={
                    "meeting": meeting.pk,
                    "participant": participant_id,
                    "old": old,
                    "new": status,
                    "source": source,
                },
            )
            result.marks.append(mark)
    return result


def _status_validate(statuses: Iterable[str]) -> None:
    allowed = set(AttendanceStatus.values)
    if any(status not in allowed for status in statuses):
        raise ValidationError(
            _("Choose present, absent or excused."), code="invalid_status"
        )


def _source_validate(source: str) -> None:
    if source not in AttendanceSource.values:
        raise ValidationError(_("Unknown source of the mark."), code="invalid_source")
