"""The callers of the role and scope matrix, and the world they act in.

Edition A (open, a meeting that started 20 minutes ago) has participant A and
the facilitator; edition B has participant B. The coordinator holds
`editions.change_edition`. People call with personal tokens (as a mobile app
does); apps call with their keys. Use `world` and `caller(world, actor)`:

    @pytest.mark.parametrize("actor", ACTORS)
    def test_something(world, actor): api = caller(world, actor); ...
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from rest_framework.test import APIClient
from wagtail.models import Page

from api.keys import api_client_revoke, personal_token_create
from api.models import Scope
from learning.editions.models import Edition, Meeting
from learning.enrolments.models import Participant
from tests.cms.conftest import bilingual_roots
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
from tests.shared_world import built_once_per_module, copy_or_build, module_items

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
    home_pages: dict[str, Page]
    keys: dict[str, str] = field(default_factory=dict)
    # tests/api/conftest.py's, where every test of the module asks for it too.
    catalogue: object | None = None


@pytest.fixture(scope="module")
def _shared_world(
    request, django_db_setup, django_db_blocker
) -> Iterator[World | None]:
    """The world built once for the module, where its tests share it
    (tests/shared_world.py)."""
    with_catalogue = all(
        "catalogue" in getattr(item, "fixturenames", ())
        for item in module_items(request)
    )
    yield from built_once_per_module(
        request, django_db_blocker, partial(_world_at_home, with_catalogue)
    )


@pytest.fixture
def world(_shared_world, db) -> World:
    """The world of the matrix; its `home_pages` are the `home_pages` fixture's
    (tests/api/conftest.py) in every test that asks for both."""
    return copy_or_build(_shared_world, _world_at_home)


def _world_at_home(with_catalogue: bool = False) -> World:
    home_pages, locales = bilingual_roots()
    world = world_build(home_pages)
    if with_catalogue:
        from tests.api.conftest import catalogue_build

        world.catalogue = catalogue_build(home_pages, locales)
    return world


def world_build(home_pages: dict[str, Page]) -> World:
    """Editions A and B with their people and the callers' keys, under home_pages."""
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
        home_pages=home_pages,
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
