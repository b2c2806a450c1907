"""Attendance per chosen module: what certificates and participants read."""

from datetime import timedelta

import pytest
from django.utils import timezone

from learning.attendance.enums import AttendanceStatus
from learning.attendance.models import Attendance
from learning.attendance.selectors import attendance_by_module_for_participant
from tests.factories.learning import (
    EditionFactory,
    EnrolmentFactory,
    MeetingFactory,
    ParticipantFactory,
    programme_tree,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    tree = programme_tree(modules=3, topics_per_module=2)
    edition = EditionFactory(programme=tree.programme)
    enrolment = EnrolmentFactory(edition=edition)
    enrolment.modules.set([tree.modules[0], tree.modules[2]])
    participant = ParticipantFactory(enrolment=enrolment)
    past = timezone.now() - timedelta(days=30)
    meetings = {
        number: [
            MeetingFactory(
                edition=edition, session_topic=topic, starts_at=past + timedelta(days=i)
            )
            for i, topic in enumerate(topics)
        ]
        for number, topics in tree.topics.items()
    }
    return tree, participant, meetings


def _mark(participant, meeting, status):
    Attendance.objects.create(meeting=meeting, participant=participant, status=status)


def test_only_chosen_modules_count_and_excused_is_not_present(world):
    tree, participant, meetings = world
    _mark(participant, meetings[1][0], AttendanceStatus.PRESENT)
    _mark(participant, meetings[1][1], AttendanceStatus.EXCUSED)
    _mark(participant, meetings[3][0], AttendanceStatus.PRESENT)
    _mark(participant, meetings[3][1], AttendanceStatus.PRESENT)
    _mark(participant, meetings[2][0], AttendanceStatus.PRESENT)  # not chosen

    rows = attendance_by_module_for_participant(participant=participant)

    assert [row.module for row in rows] == [tree.modules[0], tree.modules[2]]
    module_1, module_3 = rows
    assert (module_1.meetings_held, module_1.attended, module_1.excused) == (2, 1, 1)
    # The excused absence leaves the count: 1 of 1 counted meeting.
    assert (module_1.counted, module_1.percent) == (1, 100)
    assert (module_3.meetings_held, module_3.attended) == (2, 2)
    assert module_3.rate == 1.0


def test_meetings_not_yet_held_do_not_count(world):
    _tree, participant, meetings = world
    later = timezone.now() + timedelta(days=3)
    meetings[1][1].starts_at = later
    meetings[1][1].save()
    _mark(participant, meetings[1][0], AttendanceStatus.PRESENT)

    module_1 = attendance_by_module_for_participant(participant=participant)[0]

    assert (module_1.meetings_held, module_1.attended) == (1, 1)
    assert module_1.percent == 100


def test_before_any_meeting_the_rate_is_unknown(world):
    _tree, participant, _meetings = world
    before = timezone.now() - timedelta(days=60)

    rows = attendance_by_module_for_participant(participant=participant, now=before)

    assert all(row.rate is None and row.percent is None for row in rows)


def test_another_participants_marks_do_not_count(world):
    _tree, participant, meetings = world
    colleague = ParticipantFactory(enrolment=participant.enrolment)
    _mark(colleague, meetings[1][0], AttendanceStatus.PRESENT)

    module_1 = attendance_by_module_for_participant(participant=participant)[0]

    assert module_1.attended == 0


def test_the_query_count_does_not_grow_with_meetings(
    world, django_assert_max_num_queries
):
    _tree, participant, _meetings = world

    with django_assert_max_num_queries(6):
        attendance_by_module_for_participant(participant=participant)
