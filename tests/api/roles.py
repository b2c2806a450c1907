"""The callers of the role and scope matrix, and the world they act in.

Edition A (open, a meeting that started 20 minutes ago) has participant A and
the facilitator; edition B has participant B. The coordinator holds
`editions.change_edition`. People call with personal tokens (as a mobile app
does); apps call with their keys. Use `world` and `caller(world, actor)`:

    @pytest.mark.parametrize("actor", ACTORS)
    def test_something(world, actor): api = caller(world, actor); ...
"""

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from rest_framework.test import APIClient

from api.keys import api_client_revoke, personal_token_create
from api.models import Scope
from learning.editions.models import Edition, Meeting
from learning.enrolments.models import Participant
from tests.factories.api import ApiClientFactory
from tests.factories.learning import (
    EditionFactory,
    EnrolmentFactory,
    MeetingFactory,
    ParticipantFactory,
    ProgrammeTree,
    programme_tree,
)
from tests.factories.users import UserFactory

ANONYMOUS = "anonymous"
PARTICIPANT_A = "participant_a"
PARTICIPANT_B = "participant_b"
FACILITATOR = "facilitator"
COORDINATOR = "coordinator"
CONTENT_CLIENT = "content_client"
LEARNING_CLIENT = "learning_client"
REVOKED_KEY = "revoked_key"

ACTORS = [
    ANONYMOUS,
    PARTICIPANT_A,
    PARTICIPANT_B,
    FACILITATOR,
    COORDINATOR,
    CONTENT_CLIENT,
    LEARNING_CLIENT,
    REVOKED_KEY,
]
PEOPLE = [PARTICIPANT_A, PARTICIPANT_B, FACILITATOR, COORDINATOR]
APPS = [CONTENT_CLIENT, LEARNING_CLIENT]


@dataclass
class World:
    tree: ProgrammeTree
    edition_a: Edition
    edition_b: Edition
    meeting_a: Meeting
    meeting_b: Meeting
    participant_a: Participant
    participant_b: Participant
    facilitator: object
    coordinator: object
    keys: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def world(home_pages) -> World:
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
    participant_a = ParticipantFactory(
        enrolment=EnrolmentFactory(edition=editions[0]),
        user=UserFactory(email="participant-a@example.org"),
        name="Amina Diallo",
    )
    participant_b = ParticipantFactory(
        enrolment=EnrolmentFactory(edition=editions[1]),
        user=UserFactory(email="participant-b@example.org"),
        name="Bruno Castillo",
    )
    for participant in (participant_a, participant_b):
        participant.enrolment.modules.set(tree.modules)
    facilitator = UserFactory(email="facilitator@example.org", is_staff=True)
    editions[0].facilitators.add(facilitator)
    coordinator = UserFactory(email="coordinator@example.org", is_staff=True)
    coordinator.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="editions", codename="change_edition"
        )
    )
    world = World(
        tree=tree,
        edition_a=editions[0],
        edition_b=editions[1],
        meeting_a=meetings[0],
        meeting_b=meetings[1],
        participant_a=participant_a,
        participant_b=participant_b,
        facilitator=facilitator,
        coordinator=coordinator,
    )
    people = {
        PARTICIPANT_A: participant_a.user,
        PARTICIPANT_B: participant_b.user,
        FACILITATOR: facilitator,
        COORDINATOR: coordinator,
    }
    for actor, user in people.items():
        _token, key = personal_token_create(user=user, name="matrix")
        world.keys[actor] = key
    world.keys[CONTENT_CLIENT] = ApiClientFactory(scopes=[Scope.CONTENT_READ]).key
    every_scope = [Scope.CONTENT_READ, Scope.LEARNING_READ, Scope.LEARNING_WRITE]
    world.keys[LEARNING_CLIENT] = ApiClientFactory(
        scopes=[Scope.LEARNING_READ, Scope.LEARNING_WRITE]
    ).key
    revoked = ApiClientFactory(scopes=every_scope)
    api_client_revoke(client=revoked, user=coordinator)
    world.keys[REVOKED_KEY] = revoked.key
    return world


def caller(world: World, actor: str) -> APIClient:
    """An API client acting as `actor` (a Bearer key, or nothing for anonymous)."""
    api = APIClient()
    if actor != ANONYMOUS:
        api.credentials(HTTP_AUTHORIZATION=f"Bearer {world.keys[actor]}")
    return api
