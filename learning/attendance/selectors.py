"""Reads of attendance: per participant, per meeting, per module."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from learning.catalogue.models import ModulePage
from learning.editions.selectors import edition_schedule
from learning.enrolments.models import Participant

from .enums import AttendanceStatus
from .models import Attendance


@dataclass(frozen=True)
class ModuleAttendance:
    """A participant's attendance in one module they chose.

    `attended` counts "present" marks only: an excused absence is shown
    (`excused`) but does not count towards the rate.
    """

    module: ModulePage
    meetings_held: int
    attended: int
    excused: int

    @property
    def rate(self) -> float | None:
        """Share of the held meetings attended, 0..1; None before any was held."""
        if not self.meetings_held:
            return None
        return self.attended / self.meetings_held

    @property
    def percent(self) -> int | None:
        rate = self.rate
        return None if rate is None else round(rate * 100)


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
