"""The next-meeting selector: modules chosen, excused meetings, the last meeting,
an edition not started and a finished one, marks, and flat query counts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning.attendance.enums import AttendanceStatus
from learning.attendance.models import Attendance
from learning.editions.models import Edition, Meeting
from learning.enrolments.enums import EnrolmentStatus
from learning.forum.models import Thread
from learning.forum.services import post_create, thread_ensure_for_edition
from learning.materials.services import material_mark_reviewed
from learning.preparation.selectors import (
    preparation_for_edition,
    preparation_list_for_user,
)
from tests.factories.learning import MeetingFactory

from .conftest import MATERIAL_KEYS, QUESTION_KEYS, PrepWorld

pytestmark = pytest.mark.django_db


def prep(world: PrepWorld, participant, **kwargs):
    return preparation_for_edition(
        user=participant.user, edition_id=world.edition.pk, language="en", **kwargs
    )


def ids(meetings) -> list[int]:
    return [m.shown.meeting.pk for m in meetings]


def test_next_meeting_is_the_first_of_the_chosen_modules(world):
    result = prep(world, world.participant_a)
    assert result.next.shown.meeting == world.module_1
    # Module 3 is not theirs; the past meeting is over.
    assert ids(result.following) == [world.module_2.pk]
    result_c = prep(world, world.participant_c)
    assert ids(result_c.following) == [world.module_3.pk]


def test_the_card_lists_materials_and_questions_with_counts(world):
    result = prep(world, world.participant_a).next
    assert [m.key for m in result.materials] == MATERIAL_KEYS
    assert [q.key for q in result.questions] == QUESTION_KEYS
    assert (result.reviewed_count, result.answered_count) == (0, 0)
    assert not result.is_ready


def test_marks_change_the_counts_and_only_the_persons_own(world):
    topic = world.module_1.session_topic
    material_mark_reviewed(
        user=world.participant_a.user,
        edition=world.edition,
        session_topic=topic,
        material_key=MATERIAL_KEYS[0],
    )
    thread_ensure_for_edition(edition=world.edition)
    thread = Thread.objects.get(
        edition=world.edition, session_topic=topic, question_key=QUESTION_KEYS[1]
    )
    post_create(thread=thread, author=world.participant_a.user, body="My answer.")
    mine = prep(world, world.participant_a).next
    assert (mine.reviewed_count, mine.answered_count) == (1, 1)
    assert [q.answered for q in mine.questions] == [False, True]
    colleague = prep(world, world.colleague_a).next
    assert (colleague.reviewed_count, colleague.answered_count) == (0, 0)


def test_everything_done_is_ready(world):
    topic = world.module_1.session_topic
    for key in MATERIAL_KEYS:
        material_mark_reviewed(
            user=world.participant_a.user,
            edition=world.edition,
            session_topic=topic,
            material_key=key,
        )
    thread_ensure_for_edition(edition=world.edition)
    for thread in Thread.objects.filter(edition=world.edition, session_topic=topic):
        post_create(thread=thread, author=world.participant_a.user, body="Done.")
    assert prep(world, world.participant_a).next.is_ready


def test_an_excused_meeting_is_not_the_next_one(world):
    Attendance.objects.create(
        meeting=world.module_1,
        participant=world.participant_a,
        status=AttendanceStatus.EXCUSED,
    )
    result = prep(world, world.participant_a)
    assert result.next.shown.meeting == world.module_2
    excused = result.following[0]
    assert excused.shown.meeting == world.module_1 and excused.is_excused
    # The colleague was not excused.
    assert prep(world, world.colleague_a).next.shown.meeting == world.module_1


def test_the_last_meeting_has_nothing_after_it(world):
    later = timezone.now() + timedelta(days=4)
    result = prep(world, world.participant_a, now=later)
    assert result.next.shown.meeting == world.module_2
    assert result.following == []


def test_an_edition_not_started_gives_its_first_meeting(world):
    now = timezone.now()
    Edition.objects.filter(pk=world.edition.pk).update(
        starts_on=(now + timedelta(days=2)).date()
    )
    Meeting.objects.filter(pk=world.past.pk).delete()
    assert prep(world, world.participant_a).next.shown.meeting == world.module_1


def test_a_finished_edition_has_no_next_meeting(world):
    result = prep(world, world.participant_a, now=timezone.now() + timedelta(days=30))
    assert result.next is None and result.following == []


def test_without_a_confirmed_place_there_is_no_card(world):
    world.participant_a.enrolment.status = EnrolmentStatus.WAITLISTED
    world.participant_a.enrolment.save()
    assert prep(world, world.participant_a) is None


def test_a_later_meeting_on_the_same_topic_asks_no_questions(world):
    again = MeetingFactory(
        edition=world.edition,
        session_topic=world.module_1.session_topic,
        starts_at=timezone.now() + timedelta(days=7),
    )
    result = prep(world, world.participant_a)
    later = next(m for m in result.following if m.shown.meeting == again)
    assert [m.key for m in later.materials] == MATERIAL_KEYS
    assert later.questions == []


def test_questions_follow_the_readers_language(world):
    from wagtail.models import Locale

    from learning.catalogue.models import SessionTopicPage

    topic = world.module_1.session_topic
    es = Locale.objects.get_or_create(language_code="es")[0]
    spanish = topic.copy_for_translation(es, copy_parents=True)
    spanish.forum_questions = [
        {"type": "question", "id": key, "value": f"¿Pregunta {key}?"}
        for key in QUESTION_KEYS
    ]
    spanish.save()
    assert SessionTopicPage.objects.filter(translation_key=topic.translation_key)
    result = preparation_for_edition(
        user=world.participant_a.user, edition_id=world.edition.pk, language="es"
    )
    assert result.next.questions[0].text == "¿Pregunta q-listen?"


def _queries(world) -> int:
    with CaptureQueriesContext(connection) as captured:
        preparation_list_for_user(user=world.participant_a.user, language="en")
    return len(captured.captured_queries)


def test_query_count_is_flat_in_the_number_of_meetings(world):
    before = _queries(world)
    for days in range(11, 19):
        for module, index in ((1, 1), (2, 0), (2, 1)):
            MeetingFactory(
                edition=world.edition,
                session_topic=world.topics[module][index],
                starts_at=timezone.now() + timedelta(days=days),
            )
    assert _queries(world) == before
