"""The edition's indicators cost the same number of queries for 5 and for 50
organisations of 3 people over 15 meetings (rows written in bulk)."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning.attendance.enums import AttendanceStatus
from learning.attendance.models import Attendance
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Enrolment, Organisation, Participant
from learning.mel.indicators import edition_report
from tests.factories.certificates import FinishedEditionFactory
from tests.factories.learning import MeetingFactory, programme_tree

from .indicator_world import deck

pytestmark = pytest.mark.django_db


def add_organisations(edition, meetings, modules, *, start: int, count: int) -> None:
    """`count` organisations of 3 members, each marked present at every meeting."""
    now = timezone.now()
    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Org {i}", normalised_name=f"org {i}", domain=f"o{i}.org")
        for i in range(start, start + count)
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(
            edition=edition,
            organisation=org,
            status=EnrolmentStatus.CONFIRMED,
            consent_at=now,
            status_changed_at=now,
        )
        for org in orgs
    )
    Through = Enrolment.modules.through
    Through.objects.bulk_create(
        Through(enrolment=e, modulepage=m) for e in enrolments for m in modules
    )
    users = get_user_model().objects.bulk_create(
        get_user_model()(email=f"p{e.pk}-{n}@example.org", username=f"p{e.pk}-{n}")
        if hasattr(get_user_model(), "username")
        else get_user_model()(email=f"p{e.pk}-{n}@example.org")
        for e in enrolments
        for n in range(3)
    )
    members = Participant.objects.bulk_create(
        Participant(
            enrolment=enrolments[i // 3],
            edition=edition,
            user=user,
            name=user.email,
            email=user.email,
        )
        for i, user in enumerate(users)
    )
    Attendance.objects.bulk_create(
        Attendance(meeting=m, participant=p, status=AttendanceStatus.PRESENT)
        for m in meetings
        for p in members
    )


def test_indicator_queries_do_not_grow_with_organisations():
    tree = programme_tree(modules=3, topics_per_module=5)
    topics = [topic for number in (1, 2, 3) for topic in tree.topics[number]]
    for topic in topics:
        topic.materials = [deck("d1"), deck("d2")]
        topic.save()
    edition = FinishedEditionFactory(programme=tree.programme)
    start = timezone.now() - timedelta(days=60)
    meetings = [
        MeetingFactory(
            edition=edition, session_topic=topic, starts_at=start + timedelta(days=i)
        )
        for i, topic in enumerate(topics)
    ]
    add_organisations(edition, meetings, tree.modules, start=0, count=5)

    with CaptureQueriesContext(connection) as five:
        small = edition_report(edition=edition)
    add_organisations(edition, meetings, tree.modules, start=5, count=45)
    with CaptureQueriesContext(connection) as fifty:
        large = edition_report(edition=edition)

    assert small.get("attendance_rate").total.whole == 5 * 3 * 15
    assert large.get("attendance_rate").total.whole == 50 * 3 * 15
    assert len(fifty) == len(five)
    assert len(five) <= 30
