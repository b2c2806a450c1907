"""Attendance from a Zoom participant report: a preview first, then the marks.

The preview matches the report's people to the edition's members by email and
reads "present" for whoever stayed long enough, "absent" for the others (an
existing "excused" stays for members not in the report). A report may be partial
(a second Zoom account, a reconnection), so an import never lowers a mark already
saved (present → excused → absent) unless the facilitator chooses so: with one
option for the whole report, or row by row on the preview. Nothing is saved until
the facilitator confirms the (possibly corrected) marks, which go through
attendance_mark_many.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from learning.core import conf
from learning.core.types import AuthUser
from learning.editions.models import Meeting
from learning.enrolments.membership import participant_list_members
from learning.enrolments.models import Participant

from .enums import AttendanceSource, AttendanceStatus
from .models import Attendance
from .permissions import AttendancePermissionDenied, attendance_can_mark
from .services import MarkResult, attendance_mark_many
from .zoom import ReportPerson, zoom_report_read

# How strongly a mark says someone took part; an import lowers one only by choice.
_RANK: dict[str, int] = {
    AttendanceStatus.ABSENT: 0,
    AttendanceStatus.EXCUSED: 1,
    AttendanceStatus.PRESENT: 2,
}


def attendance_mark_lowers(*, current: str, new: str) -> bool:
    """Whether `new` would replace the saved mark `current` with a lower one.

    An unknown `new` is not lower: attendance_mark_many refuses it with its code.
    """
    if not current or new not in _RANK:
        return False
    return _RANK[new] < _RANK[current]


@dataclass(frozen=True)
class PreviewRow:
    """A member of the edition, what the report says and what is proposed."""

    participant: Participant
    minutes: int | None  # None: not in the report
    proposed: str
    current: str
    reported: str  # what the report alone says
    current_minutes: int | None = None

    @property
    def kept(self) -> bool:
        """The saved mark stays although the report says less."""
        return self.proposed != self.reported

    @property
    def lowers(self) -> bool:
        return attendance_mark_lowers(current=self.current, new=self.proposed)

    @property
    def changes(self) -> bool:
        """Saving the proposal changes a saved mark (as attendance_mark_many counts)."""
        if not self.current:
            return False
        return self.proposed != self.current or (
            self.minutes is not None and self.minutes != self.current_minutes
        )

    @property
    def reported_label(self) -> str:
        return str(AttendanceStatus(self.reported).label)

    @property
    def current_label(self) -> str:
        return str(AttendanceStatus(self.current).label) if self.current else ""


@dataclass
class ImportPreview:
    meeting: Meeting
    present_minutes: int
    lower_marks: bool = False
    rows: list[PreviewRow] = field(default_factory=list)
    unmatched: list[ReportPerson] = field(default_factory=list)

    @property
    def matched_count(self) -> int:
        return sum(1 for row in self.rows if row.minutes is not None)

    @property
    def new_count(self) -> int:
        return sum(1 for row in self.rows if not row.current)

    @property
    def changed_count(self) -> int:
        return sum(1 for row in self.rows if row.changes)

    @property
    def lowered_count(self) -> int:
        return sum(1 for row in self.rows if row.lowers)

    @property
    def kept_count(self) -> int:
        return sum(1 for row in self.rows if row.kept)


def present_minutes_for(*, meeting: Meeting) -> int:
    """Minutes in the meeting that make someone present (half of it by default)."""
    share = conf.attendance_present_share()
    return max(1, math.ceil(meeting.duration_minutes * share))


def attendance_import_preview(
    *,
    meeting: Meeting,
    data: bytes,
    actor: AuthUser,
    lower_marks: bool = False,
) -> ImportPreview:
    """Read the report and propose a mark for every member; saves nothing.

    Saved marks higher than the report's are kept unless `lower_marks`.
    """
    _marker_check(meeting=meeting, actor=actor)
    people = zoom_report_read(data=data)
    members = list(
        participant_list_members(edition=meeting.edition)
        .select_related("user", "enrolment__organisation")
        .order_by("enrolment__organisation__name", "name", "pk")
    )
    preview = ImportPreview(
        meeting=meeting,
        present_minutes=present_minutes_for(meeting=meeting),
        lower_marks=lower_marks,
    )
    minutes = _minutes_by_member(people=people, members=members, preview=preview)
    current = {
        mark.participant_id: mark
        for mark in Attendance.objects.filter(meeting=meeting).only(
            "participant_id", "status", "minutes_present"
        )
    }
    preview.rows = [
        _row(
            preview=preview,
            member=member,
            stayed=minutes.get(member.pk),
            mark=current.get(member.pk),
        )
        for member in members
    ]
    return preview


def _minutes_by_member(
    *, people: list[ReportPerson], members: list[Participant], preview: ImportPreview
) -> dict[int, int]:
    """Minutes per member, matched by email; the unmatched go on the preview."""
    by_email: dict[str, Participant] = {}
    for member in members:
        by_email[member.email.lower()] = member
        if member.user_id:
            by_email.setdefault(member.user.email.lower(), member)
    minutes: dict[int, int] = {}
    for person in people:
        matched = by_email.get(person.email) if person.email else None
        if matched is None:
            preview.unmatched.append(person)
        else:
            minutes[matched.pk] = minutes.get(matched.pk, 0) + person.minutes
    return minutes


def _row(
    *,
    preview: ImportPreview,
    member: Participant,
    stayed: int | None,
    mark: Attendance | None,
) -> PreviewRow:
    was = mark.status if mark else ""
    if stayed is not None and stayed >= preview.present_minutes:
        reported = AttendanceStatus.PRESENT
    elif was == AttendanceStatus.EXCUSED and stayed is None:
        reported = AttendanceStatus.EXCUSED  # the report does not contradict it
    else:
        reported = AttendanceStatus.ABSENT
    lowers = attendance_mark_lowers(current=was, new=reported)
    return PreviewRow(
        participant=member,
        minutes=stayed,
        proposed=was if lowers and not preview.lower_marks else reported,
        current=was,
        reported=reported,
        current_minutes=mark.minutes_present if mark else None,
    )


def attendance_import_apply(
    *,
    meeting: Meeting,
    marks: Mapping[int, str],
    minutes: Mapping[int, int | None],
    actor: AuthUser,
    seen: Mapping[int, str] | None = None,
    unmatched: int = 0,
) -> MarkResult:
    """Save the confirmed marks of an imported report, all or nothing, logged.

    `seen` holds the mark each participant had on the preview ("" for none). A
    mark lower than the saved one is applied only where the facilitator saw
    that saved mark and chose the lower one; a mark saved since the preview
    (or one the caller did not show) is kept and counted in `kept`.
    """
    _marker_check(meeting=meeting, actor=actor)
    seen = seen or {}
    with transaction.atomic():
        # Lock as attendance_mark_many does, so no mark is saved in between.
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        kept = _unseen_lowerings(meeting=meeting, marks=marks, seen=seen)
        result = attendance_mark_many(
            meeting=meeting,
            marks={pk: status for pk, status in marks.items() if pk not in kept},
            actor=actor,
            source=AttendanceSource.ZOOM_IMPORT,
            minutes={pk: value for pk, value in minutes.items() if pk not in kept},
        )
        result.kept = len(kept)
        log(
            instance=meeting,
            action="attendance.import",
            user=actor,
            data={
                "created": result.created,
                "changed": result.changed,
                "kept": result.kept,
                "unmatched": unmatched,
            },
        )
    return result


def _unseen_lowerings(
    *, meeting: Meeting, marks: Mapping[int, str], seen: Mapping[int, str]
) -> set[int]:
    """Participants whose saved mark `marks` would lower without it being seen."""
    saved = dict(
        Attendance.objects.filter(
            meeting=meeting, participant_id__in=list(marks)
        ).values_list("participant_id", "status")
    )
    return {
        pk
        for pk, status in marks.items()
        if attendance_mark_lowers(current=saved.get(pk, ""), new=status)
        and seen.get(pk) != saved[pk]
    }


def _marker_check(*, meeting: Meeting, actor: AuthUser) -> None:
    if not attendance_can_mark(user=actor, edition=meeting.edition):
        raise AttendancePermissionDenied(
            _("Only the edition's facilitators and coordinators mark attendance."),
            code="not_a_facilitator",
        )
