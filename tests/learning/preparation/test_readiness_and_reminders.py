"""Readiness per meeting by organisation, and the reminder before each meeting:
once per person and meeting, in their language, off on request, none when done."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning.attendance.enums import AttendanceStatus
from learning.attendance.models import Attendance
from learning.forum.models import Thread
from learning.forum.services import post_create, thread_ensure_for_edition
from learning.materials.services import material_mark_reviewed
from learning.preparation.models import MeetingReminder
from learning.preparation.selectors import meeting_readiness_for_edition
from learning.preparation.services import (
    meeting_reminders_send,
    reminder_preference_set,
)
from tests.factories.learning import MeetingFactory

from .conftest import MATERIAL_KEYS, PrepWorld

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """The job's run, with its emails sent as after a commit."""

    def run(now) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return meeting_reminders_send(now=now)

    return run


def do_everything(world: PrepWorld, participant, meeting) -> None:
    topic = meeting.session_topic
    for key in MATERIAL_KEYS:
        material_mark_reviewed(
            user=participant.user,
            edition=world.edition,
            session_topic=topic,
            material_key=key,
        )
    thread_ensure_for_edition(edition=world.edition)
    for thread in Thread.objects.filter(edition=world.edition, session_topic=topic):
        post_create(thread=thread, author=participant.user, body="Ready.")


def readiness(world: PrepWorld):
    return {
        item.meeting.pk: item
        for item in meeting_readiness_for_edition(edition=world.edition, language="en")
    }


def test_readiness_lists_the_expected_people_by_organisation(world):
    items = readiness(world)
    assert list(items) == [world.module_1.pk, world.module_3.pk, world.module_2.pk]
    people = {p.participant for p in items[world.module_1.pk].people}
    assert people == {world.participant_a, world.colleague_a, world.participant_c}
    assert {p.participant for p in items[world.module_3.pk].people} == {
        world.participant_c
    }
    assert len(items[world.module_1.pk].organisations) == 2


def test_readiness_shows_who_reviewed_and_answered_what(world):
    do_everything(world, world.participant_a, world.module_1)
    item = readiness(world)[world.module_1.pk]
    by_person = {p.participant: p for p in item.people}
    assert by_person[world.participant_a].is_ready
    assert by_person[world.participant_a].reviewed == frozenset(MATERIAL_KEYS)
    assert by_person[world.colleague_a].materials_pending == 2
    assert by_person[world.colleague_a].questions_pending == 2
    assert item.ready_count == 1


def test_readiness_query_count_is_flat_in_meetings(world):
    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            meeting_readiness_for_edition(edition=world.edition, language="en")
        return len(captured.captured_queries)

    before = count()
    for days in range(11, 17):
        MeetingFactory(
            edition=world.edition,
            session_topic=world.topics[2][1],
            starts_at=timezone.now() + timedelta(days=days),
        )
    assert count() == before


def test_reminders_go_two_days_before_to_those_with_something_to_do(world, send):
    do_everything(world, world.colleague_a, world.module_1)
    now = world.module_1.starts_at - timedelta(days=2, minutes=-5)
    assert send(now) == 2  # participant A and C
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["participant-a@example.org", "participant-c@example.org"]
    body = mail.outbox[0].body
    assert "Still to review" in body and "/preparation/" in body


def test_a_reminder_goes_once_per_person_and_meeting(world, send):
    now = world.module_1.starts_at - timedelta(days=1)
    first = send(now)
    assert first == 3
    assert send(now + timedelta(hours=1)) == 0
    assert len(mail.outbox) == 3
    assert MeetingReminder.objects.count() == 3


def test_no_reminder_too_early(world, send):
    now = world.module_1.starts_at - timedelta(days=2, hours=1)
    assert send(now) == 0


def test_a_person_can_choose_the_day_or_turn_reminders_off(world, send):
    reminder_preference_set(user=world.participant_a.user, days=0)
    reminder_preference_set(user=world.colleague_a.user, days=3)
    now = world.module_1.starts_at - timedelta(days=2, hours=12)
    send(now)
    assert [m.to[0] for m in mail.outbox] == ["colleague-a@example.org"]


def test_reminder_days_are_checked(world):
    with pytest.raises(ValidationError) as error:
        reminder_preference_set(user=world.participant_a.user, days=30)
    assert error.value.code == "reminder_days_invalid"


def test_no_reminder_for_the_excused(world, send):
    Attendance.objects.create(
        meeting=world.module_1,
        participant=world.participant_c,
        status=AttendanceStatus.EXCUSED,
    )
    send(world.module_1.starts_at - timedelta(days=1))
    assert "participant-c@example.org" not in [m.to[0] for m in mail.outbox]


def test_the_reminder_is_in_the_persons_language(world, send):
    user = world.participant_c.user
    user.preferred_language = "es"
    user.save()
    send(world.module_1.starts_at - timedelta(days=1))
    (message,) = [m for m in mail.outbox if m.to == [user.email]]
    assert "/es/" in message.body
    # Needs the Spanish catalogue (es_pending/prep.json merged by the lead).
    assert "Todavía por revisar" in message.body
