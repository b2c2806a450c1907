"""The preparation through the API: `me/` gains the next meeting with what to
prepare, and `forum/threads/` orders participants' threads by deadline."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from learning.forum.models import Thread
from learning.forum.services import post_create, thread_ensure_for_edition
from tests.factories.forum import ThreadFactory
from tests.learning.preparation.conftest import (
    _prep_world_once,  # noqa: F401
    prep_world,
)
from tests.shared_world import copy_or_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(_prep_world_once, db):  # noqa: F811
    """Built once for the module (tests/shared_world.py)."""
    return copy_or_build(_prep_world_once, prep_world)


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def test_me_gives_the_next_meeting_with_its_preparation(world):
    topic = world.module_1.session_topic
    thread_ensure_for_edition(edition=world.edition)
    thread = Thread.objects.get(
        edition=world.edition, session_topic=topic, question_key="q-listen"
    )
    post_create(thread=thread, author=world.participant_a.user, body="Mine.")
    body = client_for(world.participant_a.user).get("/api/v1/me/").json()
    (edition,) = body["next_meetings"]
    assert edition["edition"]["id"] == world.edition.pk
    nxt = edition["next"]
    assert nxt["meeting"]["id"] == world.module_1.pk
    assert nxt["materials_reviewed"] == 0 and len(nxt["materials"]) == 2
    assert nxt["questions_answered"] == 1
    assert [q["answered"] for q in nxt["questions"]] == [True, False]
    assert nxt["questions"][0]["answer_url"].endswith(
        f"/preparation/{world.edition.pk}/answer/{topic.pk}/q-listen/"
    )
    assert [m["meeting"]["id"] for m in edition["following"]] == [world.module_2.pk]


def test_me_for_a_facilitator_has_no_next_meetings(world):
    body = client_for(world.facilitator).get("/api/v1/me/").json()
    assert body["next_meetings"] == []


def threads_in_order(world, user, query=""):
    response = client_for(user).get(
        f"/api/v1/forum/threads/?edition={world.edition.pk}{query}"
    )
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def question_threads(world) -> dict[int, list[int]]:
    """Meeting id -> its question threads' ids."""
    thread_ensure_for_edition(edition=world.edition)
    return {
        meeting.pk: list(
            Thread.objects.filter(
                edition=world.edition, session_topic=meeting.session_topic
            )
            .order_by("question_key")
            .values_list("pk", flat=True)
        )
        for meeting in (world.past, world.module_1, world.module_3, world.module_2)
    }


def test_participants_get_their_modules_by_nearest_deadline(world):
    threads = question_threads(world)
    pinned = ThreadFactory(edition=world.edition, title="Welcome", is_pinned=True)
    general = ThreadFactory(
        edition=world.edition,
        title="Coffee",
        last_activity_at=timezone.now() + timedelta(minutes=1),
    )
    order = threads_in_order(world, world.participant_a.user)
    # Pinned, module 1 (3 days), module 2 (10 days), the past meeting, the rest;
    # module 3 is not theirs.
    assert order[0] == pinned.pk
    assert set(order[1:3]) == set(threads[world.module_1.pk])
    assert set(order[3:5]) == set(threads[world.module_2.pk])
    assert set(order[5:7]) == set(threads[world.past.pk])
    assert order[7:] == [general.pk]
    assert not set(order) & set(threads[world.module_3.pk])


def test_scope_all_shows_every_module_and_paging_keeps_the_order(world):
    threads = question_threads(world)
    order = threads_in_order(world, world.participant_a.user, "&scope=all")
    assert set(threads[world.module_3.pk]) <= set(order)
    client = client_for(world.participant_a.user)
    first = client.get(
        f"/api/v1/forum/threads/?edition={world.edition.pk}&scope=all&limit=3"
    ).json()
    second = client.get(first["next"]).json()
    assert [r["id"] for r in first["results"] + second["results"]] == order[:6]


def test_facilitators_keep_the_full_view_by_activity(world):
    threads = question_threads(world)
    every = {pk for ids in threads.values() for pk in ids}
    order = threads_in_order(world, world.facilitator)
    assert set(order) == every
    deadline = threads_in_order(world, world.facilitator, "&ordering=deadline")
    assert set(deadline[:2]) == set(threads[world.module_1.pk])


def test_an_unknown_ordering_is_refused(world):
    response = client_for(world.participant_a.user).get(
        f"/api/v1/forum/threads/?edition={world.edition.pk}&ordering=random"
    )
    assert response.status_code == 400
