"""Two editions of one programme, a meeting each, and the people around them.

Edition A: participants A1 and A2 (two organisations) and the facilitator;
edition B: participant B. The coordinator holds `editions.change_edition`.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

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


@dataclass
class World:
    edition_a: Edition
    edition_b: Edition
    meeting_a: Meeting
    meeting_b: Meeting
    participant_a: Participant
    participant_a2: Participant
    participant_b: Participant
    facilitator: object
    coordinator: object


@pytest.fixture(scope="module")
def _attendance_world_once(request, django_db_setup, django_db_blocker):
    yield from built_once_per_module(request, django_db_blocker, attendance_world)


@pytest.fixture
def world(_attendance_world_once, db) -> World:
    """Built once per module where its tests share it (tests/shared_world.py)."""
    return copy_or_build(_attendance_world_once, attendance_world)


def attendance_world() -> World:
    """Editions A and B, a meeting each, their participants and the staff."""
    tree = programme_tree(modules=2, topics_per_module=1)
    started = timezone.now() - timedelta(minutes=20)
    editions, meetings = [], []
    for _ in range(2):
        edition = EditionFactory(programme=tree.programme)
        editions.append(edition)
        meetings.append(
            MeetingFactory(
                edition=edition, session_topic=tree.topics[1][0], starts_at=started
            )
        )
    people = {
        key: UserFactory(email=f"{key}@example.org")
        for key in ("participant-a", "participant-a2", "participant-b")
    }
    participant_a = ParticipantFactory(
        enrolment=EnrolmentFactory(edition=editions[0]),
        user=people["participant-a"],
        name="Amina Diallo",
    )
    participant_a2 = ParticipantFactory(
        enrolment=EnrolmentFactory(edition=editions[0]),
        user=people["participant-a2"],
        name="Carlos Ruiz",
    )
    participant_b = ParticipantFactory(
        enrolment=EnrolmentFactory(edition=editions[1]),
        user=people["participant-b"],
        name="Bruno Castillo",
    )
    for participant in (participant_a, participant_a2, participant_b):
        participant.enrolment.modules.set(tree.modules)
    facilitator = UserFactory(email="facilitator@example.org", is_staff=True)
    editions[0].facilitators.add(facilitator)
    coordinator = UserFactory(email="coordinator@example.org", is_staff=True)
    coordinator.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="editions", codename="change_edition"
        )
    )
    return World(
        edition_a=editions[0],
        edition_b=editions[1],
        meeting_a=meetings[0],
        meeting_b=meetings[1],
        participant_a=participant_a,
        participant_a2=participant_a2,
        participant_b=participant_b,
        facilitator=facilitator,
        coordinator=coordinator,
    )
