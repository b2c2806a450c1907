"""One edition of a three-module programme and the people who prepare for it.

Organisation A (participant A and a colleague) chose modules 1 and 2;
organisation C (participant C) chose modules 1 and 3. Meetings: one past on
module 1, then module 1 in 3 days, module 3 in 5 days, module 2 in 10 days.
Each topic has two materials and two forum questions.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from learning.catalogue.models import SessionTopicPage
from learning.editions.models import Edition, Meeting
from learning.enrolments.models import Participant
from tests.factories.learning import (
    EditionFactory,
    EnrolmentFactory,
    MeetingFactory,
    ParticipantFactory,
    programme_tree,
)
from tests.factories.users import UserFactory
from tests.shared_world import built_once_per_module, copy_or_build

MATERIAL_KEYS = ["reading", "slides"]
QUESTION_KEYS = ["q-listen", "q-next"]


@dataclass
class PrepWorld:
    edition: Edition
    topics: dict[int, list[SessionTopicPage]]
    past: Meeting
    module_1: Meeting
    module_3: Meeting
    module_2: Meeting
    participant_a: Participant
    colleague_a: Participant
    participant_c: Participant
    facilitator: object


def topic_prepare(topic: SessionTopicPage) -> SessionTopicPage:
    """Give the topic two materials (links) and two questions, with fixed ids."""
    topic.materials = [
        {
            "type": "presentation",
            "id": key,
            "value": {
                "title": f"{key.title()} of {topic.title}",
                "document": None,
                "url": f"https://example.org/{topic.slug}/{key}",
                "description": "",
            },
        }
        for key in MATERIAL_KEYS
    ]
    topic.forum_questions = [
        {"type": "question", "id": key, "value": f"{key} about {topic.title}?"}
        for key in QUESTION_KEYS
    ]
    topic.save()
    topic.refresh_from_db()
    return topic


def enrolled(edition: Edition, modules, *emails: str) -> list[Participant]:
    enrolment = EnrolmentFactory(edition=edition)
    enrolment.modules.set(modules)
    return [
        ParticipantFactory(enrolment=enrolment, user=UserFactory(email=email))
        for email in emails
    ]


def prep_world() -> PrepWorld:
    """Build the world (also used by the browser test, with its own database)."""
    tree = programme_tree(modules=3, topics_per_module=2)
    for topics in tree.topics.values():
        for topic in topics:
            topic_prepare(topic)
    now = timezone.now()
    edition = EditionFactory(
        programme=tree.programme,
        title="Edition P",
        enrolment_opens_at=now - timedelta(days=60),
        enrolment_closes_at=now - timedelta(days=30),
        starts_on=(now - timedelta(days=20)).date(),
        ends_on=(now + timedelta(days=100)).date(),
    )
    modules = tree.modules

    def meeting(module: int, topic: int, days: float) -> Meeting:
        return MeetingFactory(
            edition=edition,
            session_topic=tree.topics[module][topic],
            starts_at=now + timedelta(days=days),
        )

    past = meeting(1, 1, -5)
    module_1 = meeting(1, 0, 3)
    module_3 = meeting(3, 0, 5)
    module_2 = meeting(2, 0, 10)
    participant_a, colleague_a = enrolled(
        edition, modules[:2], "participant-a@example.org", "colleague-a@example.org"
    )
    (participant_c,) = enrolled(
        edition, [modules[0], modules[2]], "participant-c@example.org"
    )
    facilitator = UserFactory(email="facilitator@example.org")
    edition.facilitators.add(facilitator)
    return PrepWorld(
        edition=edition,
        topics=tree.topics,
        past=past,
        module_1=module_1,
        module_3=module_3,
        module_2=module_2,
        participant_a=participant_a,
        colleague_a=colleague_a,
        participant_c=participant_c,
        facilitator=facilitator,
    )


@pytest.fixture(scope="module")
def _prep_world_once(request, django_db_setup, django_db_blocker):
    yield from built_once_per_module(request, django_db_blocker, prep_world)


@pytest.fixture
def world(_prep_world_once, db) -> PrepWorld:
    """Built once per module where its tests share it (tests/shared_world.py)."""
    return copy_or_build(_prep_world_once, prep_world)
