"""Reads of attendance: per participant, per meeting, per module."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from learning.catalogue.models import ModulePage
from learning.core.types import AnyUser
from learning.editions.models import Edition, Meeting
from learning.editions.selectors import edition_schedule, meeting_titles_localize
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.membership import (
    edition_list_facilitated,
    edition_list_for_member,
    participant_list_members,
)
from learning.enrolments.models import Participant

from .enums import AttendanceStatus
from .models import Attendance
from .permissions import attendance_can_mark


@dataclass(frozen=True)
class ModuleAttendance:
    """A participant's attendance in one module they chose.

    `attended` counts "present" marks. An excused absence leaves the count: the
    rate is attended / (held - excused), the rule certificates apply too
    (learning/certificates/selectors/eligibility.py).
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


def meeting_list_for_marker(*, user: AnyUser | None) -> QuerySet[Meeting]:
    """Meetings of the editions the user facilitates, in time order.

    Coordinators mark attendance in the admin; this list is the facilitators'.
    """
    return (
        Meeting.objects.filter(edition__in=edition_list_facilitated(user=user))
        .select_related("edition", "session_topic")
        .order_by("starts_at", "pk")
    )


def meeting_get_for_marker(*, user: AnyUser | None, pk: int) -> Meeting:
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
    *, user: AnyUser | None, now: datetime | None = None
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
                    for meeting in meeting_titles_localize(
                        meetings=meetings.order_by("starts_at", "pk")
                    )
                ],
                modules=attendance_by_module_for_participant(
                    participant=participant, now=now
                ),
            )
        )
    return result


# Coordinators' report ---------------------------------------------------------------


@dataclass
class Tally:
    """Present, absent, excused and unmarked marks, and the resulting rate."""

    label: str
    present: int = 0
    absent: int = 0
    excused: int = 0
    unmarked: int = 0

    def add(self, status: str) -> None:
        if status == AttendanceStatus.PRESENT:
            self.present += 1
        elif status == AttendanceStatus.ABSENT:
            self.absent += 1
        elif status == AttendanceStatus.EXCUSED:
            self.excused += 1
        else:
            self.unmarked += 1

    @property
    def counted(self) -> int:
        """Marks that count towards the rate: excused absences leave the count."""
        return self.present + self.absent + self.unmarked

    @property
    def percent(self) -> int | None:
        return self.present * 100 // self.counted if self.counted else None


@dataclass
class AttendanceReport:
    edition: Edition
    meetings: list[tuple[Meeting, Tally]]
    modules: list[Tally]
    organisations: list[Tally]
    people: list[tuple[Participant, Tally]]


def attendance_report_for_edition(
    *, edition: Edition, now: datetime | None = None
) -> AttendanceReport:
    """Attendance of the edition's held meetings by meeting, module and organisation.

    A participant counts at a meeting when their organisation chose its module
    (meetings outside any module count for everyone). Six queries, whatever the
    number of meetings and people.
    """
    now = now or timezone.now()
    members = list(
        participant_list_members(edition=edition)
        .select_related("enrolment__organisation")
        .prefetch_related("enrolment__modules")
        .order_by("enrolment__organisation__name", "name", "pk")
    )
    chosen = {
        member.pk: {module.pk for module in member.enrolment.modules.all()}
        for member in members
    }
    marks = {
        (participant_id, meeting_id): status
        for participant_id, meeting_id, status in Attendance.objects.filter(
            meeting__edition=edition
        ).values_list("participant_id", "meeting_id", "status")
    }
    meetings: list[tuple[Meeting, Tally]] = []
    modules: dict[int, Tally] = {}
    organisations: dict[int, Tally] = {}
    people = {member.pk: Tally(label=member.name) for member in members}
    for group in edition_schedule(edition=edition):
        module_id: int | None = group.module.pk if group.module else None
        if group.module is not None and module_id is not None:
            modules.setdefault(module_id, Tally(label=group.module.localized.title))
        for meeting in group.meetings:
            if meeting.starts_at > now:
                continue
            tally = Tally(label=meeting.display_title)
            for member in members:
                if module_id is not None and module_id not in chosen[member.pk]:
                    continue
                status = marks.get((member.pk, meeting.pk), "")
                organisation = member.enrolment.organisation
                for bucket in (
                    tally,
                    people[member.pk],
                    organisations.setdefault(
                        organisation.pk, Tally(label=organisation.name)
                    ),
                    *([modules[module_id]] if module_id is not None else []),
                ):
                    bucket.add(status)
            meetings.append((meeting, tally))
    return AttendanceReport(
        edition=edition,
        meetings=meetings,
        modules=[tally for tally in modules.values() if tally.counted or tally.excused],
        organisations=sorted(organisations.values(), key=lambda t: t.label),
        people=[(member, people[member.pk]) for member in members],
    )
