"""The demo's attendance: the past edition marked once, some above and some below."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.demo.attendance import ensure_attendance
from learning.attendance.models import Attendance
from learning.attendance.selectors import attendance_by_module_for_participant
from tests.factories.learning import (
    EditionFactory,
    EnrolmentFactory,
    MeetingFactory,
    ParticipantFactory,
    programme_tree,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_edition():
    tree = programme_tree(modules=2, topics_per_module=4)
    edition = EditionFactory(programme=tree.programme, slug="demo-past")
    start = timezone.now() - timedelta(days=100)
    for number, topics in tree.topics.items():
        for i, topic in enumerate(topics):
            MeetingFactory(
                edition=edition,
                session_topic=topic,
                starts_at=start + timedelta(weeks=number * 4 + i),
            )
    facilitator = UserFactory(email="facilitator@example.org", is_staff=True)
    edition.facilitators.add(facilitator)
    people = []
    for n in range(10):
        email = "participant-b@example.org" if n == 3 else f"person{n}@example.org"
        enrolment = EnrolmentFactory(edition=edition)
        enrolment.modules.set(tree.modules)
        people.append(
            ParticipantFactory(
                enrolment=enrolment, user=UserFactory(email=email), email=email
            )
        )
    return edition, people


def test_the_past_edition_is_marked_once(past_edition):
    created, _reused = ensure_attendance()
    again = ensure_attendance()

    assert created == 10 * 8  # ten people, eight meetings held
    assert again == (0, 80)
    assert Attendance.objects.count() == 80


def test_some_people_are_above_the_threshold_and_some_below(past_edition):
    _edition, people = past_edition

    ensure_attendance()

    def lowest(person):
        rows = attendance_by_module_for_participant(participant=person)
        return min(row.percent for row in rows)

    rates = {person.email: lowest(person) for person in people}
    assert rates["participant-b@example.org"] == 100
    assert any(rate >= 75 for rate in rates.values())
    assert any(rate < 75 for rate in rates.values())


def test_nothing_without_the_past_edition_or_the_facilitator(db):
    assert ensure_attendance() == (0, 0)
