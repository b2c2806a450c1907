"""One programme, two editions meeting on a session topic with two questions, and
one person in each role: participant of A (and a colleague), participant of B,
facilitator of A, coordinator."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale

from learning.catalogue.models import SessionTopicPage
from learning.editions.models import Edition, Meeting
from learning.enrolments.models import Participant
from learning.forum.models import Thread
from learning.forum.services import thread_ensure_for_edition
from tests.factories.learning import (
    EditionFactory,
    EnrolmentFactory,
    MeetingFactory,
    ParticipantFactory,
    programme_tree,
)
from tests.factories.users import UserFactory
from tests.shared_world import built_once_per_module, copy_or_build

QUESTIONS = ["When did listening change your work?", "What would you try next?"]


@dataclass
class ForumWorld:
    topic: SessionTopicPage
    edition_a: Edition
    edition_b: Edition
    meeting_a: Meeting
    meeting_b: Meeting
    participant_a: Participant
    colleague_a: Participant
    participant_b: Participant
    facilitator: object
    coordinator: object

    def thread(self, edition: Edition, index: int = 0) -> Thread:
        """The thread of QUESTIONS[index] in the edition."""
        return Thread.objects.get(
            edition=edition, session_topic=self.topic, title=QUESTIONS[index]
        )


def coordinator_make(email: str = "coordinator@example.org"):
    user = UserFactory(email=email, is_staff=True)
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="editions", codename="change_edition"
        )
    )
    user.groups.add(group)
    return user


def topic_with_questions(topic: SessionTopicPage) -> SessionTopicPage:
    topic.forum_questions = [("question", text) for text in QUESTIONS]
    topic.save()
    topic.refresh_from_db()
    return topic


@pytest.fixture(scope="module")
def _forum_world_once(request, django_db_setup, django_db_blocker):
    yield from built_once_per_module(request, django_db_blocker, forum_world)


@pytest.fixture
def world(_forum_world_once, db) -> ForumWorld:
    """Built once per module where its tests share it (tests/shared_world.py)."""
    return copy_or_build(_forum_world_once, forum_world)


def forum_world() -> ForumWorld:
    """Build the world (also used by the browser test, with its own database)."""
    tree = programme_tree(modules=1, topics_per_module=1)
    topic = topic_with_questions(tree.topics[1][0])
    starts = timezone.now() + timedelta(days=3)
    edition_a = EditionFactory(programme=tree.programme, title="Edition A")
    edition_b = EditionFactory(programme=tree.programme, title="Edition B")
    meeting_a = MeetingFactory(edition=edition_a, session_topic=topic, starts_at=starts)
    meeting_b = MeetingFactory(edition=edition_b, session_topic=topic, starts_at=starts)
    enrolment_a = EnrolmentFactory(edition=edition_a)
    participant_a = ParticipantFactory(
        enrolment=enrolment_a, user=UserFactory(email="participant-a@example.org")
    )
    colleague_a = ParticipantFactory(
        enrolment=enrolment_a, user=UserFactory(email="colleague-a@example.org")
    )
    participant_b = ParticipantFactory(
        enrolment=EnrolmentFactory(edition=edition_b),
        user=UserFactory(email="participant-b@example.org"),
    )
    facilitator = UserFactory(email="facilitator@example.org")
    edition_a.facilitators.add(facilitator)
    for edition in (edition_a, edition_b):
        thread_ensure_for_edition(edition=edition)
    return ForumWorld(
        topic=topic,
        edition_a=edition_a,
        edition_b=edition_b,
        meeting_a=meeting_a,
        meeting_b=meeting_b,
        participant_a=participant_a,
        colleague_a=colleague_a,
        participant_b=participant_b,
        facilitator=facilitator,
        coordinator=coordinator_make(),
    )


def finish_edition(edition: Edition) -> Edition:
    """Move the edition's dates into the past, so that it has finished."""
    now = timezone.now()
    Edition.objects.filter(pk=edition.pk).update(
        enrolment_opens_at=now - timedelta(days=400),
        enrolment_closes_at=now - timedelta(days=300),
        starts_on=(now - timedelta(days=200)).date(),
        ends_on=(now - timedelta(days=10)).date(),
    )
    edition.refresh_from_db()
    return edition


def translate_questions(topic: SessionTopicPage, texts: list[str]) -> SessionTopicPage:
    """A Spanish copy of the topic whose questions (same block ids) read `texts`."""
    es = Locale.objects.get_or_create(language_code="es")[0]
    spanish = topic.copy_for_translation(es, copy_parents=True)
    spanish.forum_questions = [
        {"type": "question", "value": text, "id": block.id}
        for block, text in zip(topic.forum_questions, texts, strict=True)
    ]
    spanish.save()
    return spanish
