"""Two facilitators saving the same person's mark at once leave one mark."""

import pytest

from learning.attendance.enums import AttendanceStatus
from learning.attendance.models import Attendance
from learning.attendance.services import attendance_mark
from tests.learning.concurrency import require_concurrent_database, run_at_once

pytestmark = pytest.mark.django_db(transaction=True)


def test_simultaneous_marks_leave_one_row_with_one_of_the_statuses(world):
    require_concurrent_database()
    second = world.coordinator
    statuses = [AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED] * 4

    outcome = run_at_once(
        attendance_mark,
        [
            {
                "meeting": world.meeting_a,
                "participant": world.participant_a,
                "status": status,
                "actor": world.facilitator if i % 2 else second,
            }
            for i, status in enumerate(statuses)
        ],
    )

    assert outcome.errors == []
    (mark,) = Attendance.objects.filter(participant=world.participant_a)
    assert mark.status in {AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED}
