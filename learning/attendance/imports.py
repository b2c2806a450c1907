"""Attendance from a Zoom participant report: a preview first, then the marks.

The preview matches the report's people to the edition's members by email and
proposes "present" for whoever stayed long enough, "absent" for members not in
the report (an existing "excused" stays). Nothing is saved until the facilitator
confirms the (possibly corrected) marks, which go through attendance_mark_many.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from learning.editions.membership import participant_list_members
from learning.editions.models import Meeting
from learning.enrolments.models import Participant

from .enums import AttendanceSource, AttendanceStatus
from .models import Attendance
from .permissions import AttendancePermissionDenied, attendance_can_mark
from .services import MarkResult, attendance_mark_many
from .zoom import ReportPerson, zoom_report_read

DEFAULT_PRESENT_SHARE = 0.5


@dataclass(frozen=True)
class PreviewRow:
    """A member of the edition, what the report says and what is proposed."""

    participant: Participant
    minutes: int | None  # None: not in the report
    proposed: str
    current: str


@dataclass
class ImportPreview:
    meeting: Meeting
    present_minutes: int
    rows: list[PreviewRow] = field(default_factory=list)
    unmatched: list[ReportPerson] = field(default_factory=list)

    @property
    def matched_count(self) -> int:
        return sum(1 for row in self.rows if row.minutes is not None)


def present_minutes_for(*, meeting: Meeting) -> int:
    """Minutes in the meeting that make someone present (half of it by default)."""
    share = float(
        getattr(settings, "LEARNING_ATTENDANCE_PRESENT_SHARE", DEFAULT_PRESENT_SHARE)
    )
    return max(1, math.ceil(meeting.duration_minutes * share))


def attendance_import_preview(
    *, meeting: Meeting, data: bytes, actor: AbstractBaseUser
) -> ImportPreview:
    """Read the report and propose a mark for every member; saves nothing."""
    _marker_check(meeting=meeting, actor=actor)
    people = zoom_report_read(data=data)
    members = list(
        participant_list_members(edition=meeting.edition)
        .select_related("user", "enrolment__organisation")
        .order_by("enrolment__organisation__name", "name", "pk")
    )
    by_email: dict[str, Participant] = {}
    for member in members:
        by_email[member.email.lower()] = member
        if member.user_id:
            by_email.setdefault(member.user.email.lower(), member)
    minutes: dict[int, int] = {}
    preview = ImportPreview(
        meeting=meeting, present_minutes=present_minutes_for(meeting=meeting)
    )
    for person in people:
        member = by_email.get(person.email) if person.email else None
        if member is None:
            preview.unmatched.append(person)
        else:
            minutes[member.pk] = minutes.get(member.pk, 0) + person.minutes
    current = dict(
        Attendance.objects.filter(meeting=meeting).values_list(
            "participant_id", "status"
        )
    )
    for member in members:
        stayed = minutes.get(member.pk)
        was = current.get(member.pk, "")
        if stayed is not None and stayed >= preview.present_minutes:
            proposed = AttendanceStatus.PRESENT
        elif was == AttendanceStatus.EXCUSED and stayed is None:
            proposed = AttendanceStatus.EXCUSED
        else:
            proposed = AttendanceStatus.ABSENT
        preview.rows.append(
            PreviewRow(
                participant=member, minutes=stayed, proposed=proposed, current=was
            )
        )
    return preview


def attendance_import_apply(
    *,
    meeting: Meeting,
    marks: Mapping[int, str],
    minutes: Mapping[int, int | None],
    actor: AbstractBaseUser,
    unmatched: int = 0,
) -> MarkResult:
    """Save the confirmed marks of an imported report, all or nothing, logged."""
    with transaction.atomic():
        result = attendance_mark_many(
            meeting=meeting,
            marks=marks,
            actor=actor,
            source=AttendanceSource.ZOOM_IMPORT,
            minutes=minutes,
        )
        log(
            instance=meeting,
            action="attendance.import",
            user=actor,
            data={
                "created": result.created,
                "changed": result.changed,
                "unmatched": unmatched,
            },
        )
    return result


def _marker_check(*, meeting: Meeting, actor: AbstractBaseUser) -> None:
    if not attendance_can_mark(user=actor, edition=meeting.edition):
        raise AttendancePermissionDenied(
            _("Only the edition's facilitators and coordinators mark attendance."),
            code="not_a_facilitator",
        )
