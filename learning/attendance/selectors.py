"""Reads of attendance: per participant, per meeting, per module."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet
from django.utils import timezone

from learning.catalogue.models import ModulePage
from learning.editions.membership import (
    edition_list_facilitated,
    edition_list_for_member,
    participant_list_members,
)
from learning.editions.models import Meeting
from learning.editions.selectors import edition_schedule
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Participant

from .enums import AttendanceStatus
from .models import Attendance
from .permissions import attendance_can_mark


@dataclass(frozen=True)
class ModuleAttendance:
    """A participant's attendance in one module they chose.

    `attended` counts "present" marks. An excused absence leaves the count: the
    rate is attended / (held - excused), the rule certificates apply too
    (learning/certificates/selectors.py).
    """

    module: ModulePage
    meetings_held: int
    attended: int
    excused: int

    @property
    def counted(self) -> int:
        """Held meetings that count: those without an excused absence."""
        return self.meetings_held - self.excused

    @property
    def rate(self) -> float | None:
        """Share of the counted meetings attended, 0..1; None when none counts."""
        if self.counted <= 0:
            return None
        return self.attended / self.counted

    @property
    def percent(self) -> int | None:
        """Whole percent, rounded down (as certificates compare it)."""
        if self.counted <= 0:
            return None
        return self.attended * 100 // self.counted


def attendance_by_module_for_participant(
    *, participant: Participant, now: datetime | None = None
) -> list[ModuleAttendance]:
    """Attendance in each module the participant's organisation chose, in order.

    A meeting counts as held once it has started. Four queries.
    """
    now = now or timezone.now()
    chosen = {
        module.pk: module
        for module in participant.enrolment.modules.order_by("module_number", "path")
    }
    marks = dict(
        Attendance.objects.filter(participant=participant).values_list(
            "meeting_id", "status"
        )
    )
    by_module = {pk: [0, 0, 0] for pk in chosen}  # held, present, excused
    for group in edition_schedule(edition=participant.edition):
        if group.module is None or group.module.pk not in chosen:
            continue
        counts = by_module[group.module.pk]
        for meeting in group.meetings:
            if meeting.starts_at > now:
                continue
            counts[0] += 1
            status = marks.get(meeting.pk)
            counts[1] += status == AttendanceStatus.PRESENT
            counts[2] += status == AttendanceStatus.EXCUSED
    return [
        ModuleAttendance(
            module=module,
            meetings_held=by_module[pk][0],
            attended=by_module[pk][1],
            excused=by_module[pk][2],
        )
        for pk, module in chosen.items()
    ]


# The facilitators' quick page -------------------------------------------------


@dataclass(frozen=True)
class SheetRow:
    """One member on the attendance sheet, with their current mark (or none)."""

    participant: Participant
    status: str


@dataclass(frozen=True)
class SheetGroup:
    organisation: str
    rows: list[SheetRow]


def meeting_list_for_marker(*, user: AbstractBaseUser | None) -> QuerySet[Meeting]:
    """Meetings of the editions the user facilitates, in time order.

    Coordinators mark attendance in the admin; this list is the facilitators'.
    """
    return (
        Meeting.objects.filter(edition__in=edition_list_facilitated(user=user))
        .select_related("edition", "session_topic")
        .order_by("starts_at", "pk")
    )


def meeting_get_for_marker(*, user: AbstractBaseUser | None, pk: int) -> Meeting:
    """The meeting when the user may mark it; `Meeting.DoesNotExist` otherwise.

    Facilitators of its edition and coordinators may; for everyone else the
    meeting does not exist (participants included).
    """
    meeting = (
        Meeting.objects.filter(edition__in=edition_list_for_member(user=user))
        .select_related("edition", "edition__programme", "session_topic")
        .get(pk=pk)
    )
    if not attendance_can_mark(user=user, edition=meeting.edition):
        raise Meeting.DoesNotExist
    return meeting


def attendance_sheet_for_meeting(*, meeting: Meeting) -> list[SheetGroup]:
    """The edition's members grouped by organisation, with their marks; 2 queries."""
    marks = dict(
        Attendance.objects.filter(meeting=meeting).values_list(
            "participant_id", "status"
        )
    )
    members = (
        participant_list_members(edition=meeting.edition)
        .select_related("enrolment__organisation")
        .order_by("enrolment__organisation__name", "name", "pk")
    )
    groups: dict[int, SheetGroup] = {}
    for participant in members:
        organisation = participant.enrolment.organisation
        group = groups.setdefault(
            organisation.pk, SheetGroup(organisation=organisation.name, rows=[])
        )
        group.rows.append(
            SheetRow(participant=participant, status=marks.get(participant.pk, ""))
        )
    return list(groups.values())


# A participant's own attendance --------------------------------------------------


@dataclass(frozen=True)
class OwnMeeting:
    meeting: Meeting
    status: str


@dataclass
class OwnAttendance:
    """A participant's attendance in one edition: each held meeting and each module."""

    participant: Participant
    meetings: list[OwnMeeting]
    modules: list[ModuleAttendance]


def attendance_list_for_user(
    *, user: AbstractBaseUser | None, now: datetime | None = None
) -> list[OwnAttendance]:
    """The user's own attendance in each edition they belong to."""
    now = now or timezone.now()
    if user is None or not user.is_authenticated:
        return []
    participants = (
        Participant.objects.filter(
            user=user,
            is_active=True,
            enrolment__status=EnrolmentStatus.CONFIRMED,
        )
        .select_related("edition", "enrolment")
        .order_by("-edition__starts_on", "pk")
    )
    result = []
    for participant in participants:
        marks = dict(
            Attendance.objects.filter(participant=participant).values_list(
                "meeting_id", "status"
            )
        )
        meetings = participant.edition.meetings.filter(
            starts_at__lte=now
        ).select_related("session_topic")
        result.append(
            OwnAttendance(
                participant=participant,
                meetings=[
                    OwnMeeting(meeting=meeting, status=marks.get(meeting.pk, ""))
                    for meeting in meetings.order_by("starts_at", "pk")
                ],
                modules=attendance_by_module_for_participant(
                    participant=participant, now=now
                ),
            )
        )
    return result
