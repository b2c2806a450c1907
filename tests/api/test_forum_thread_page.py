"""The forum's thread page through /api/v1/ at speed: its queries stay flat in
the thread's length and the page's depth (keyset, never OFFSET), and the rows it
is built from answer exactly what PostSerializer answers for the same posts."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIRequestFactory

from api.learning.serializers_forum import PostSerializer
from learning.forum.models import Post
from learning.forum.rendering import post_cook
from learning.forum.selectors import post_cursor_at, post_page_for_thread
from learning.forum.services import post_flag, post_hide
from tests.api.roles import COORDINATOR, FACILITATOR, PARTICIPANT_A, caller
from tests.factories.forum import PostFactory, ThreadFactory
from tests.factories.learning import ParticipantFactory
from tests.factories.users import UserFactory

# The personal token (1) and the reader's permissions (2, the coordinator check)
# plus the thread, the reader's role (up to 2 EXISTS) and the page of posts.
PAGE_MAX_QUERIES = 7


def _url(thread, **query):
    params = "&".join(f"{name}={value}" for name, value in query.items())
    return f"/api/v1/forum/threads/{thread.pk}/posts/?{params}"


def _long_thread(world, count):
    """A thread of `count` cooked posts, as bulk loads write them."""
    thread = ThreadFactory(edition=world.edition_a, reply_count=count)
    start = timezone.now() - timedelta(days=2)
    posts = []
    for number in range(count):
        post = Post(
            thread=thread,
            author=world.participant_a.user,
            participant=world.participant_a,
            body_markdown=f"Answer **{number}**",
            created_at=start + timedelta(seconds=number),
        )
        post_cook(post=post)
        posts.append(post)
    Post.objects.bulk_create(posts)
    return thread


def _queries(api, url):
    with CaptureQueriesContext(connection) as context:
        response = api.get(url)
    assert response.status_code == 200, response.content
    return [query["sql"] for query in context.captured_queries], response.json()


@pytest.mark.parametrize("actor", [PARTICIPANT_A, FACILITATOR, COORDINATOR])
def test_the_page_costs_the_same_in_a_short_and_a_long_thread_at_any_depth(
    world, actor
):
    short, long = _long_thread(world, 5), _long_thread(world, 400)
    ordered = list(Post.objects.filter(thread=long).order_by("created_at", "pk"))
    api = caller(world, actor)
    api.get(_url(short))  # warm-up: writes the token's last use

    pages = {
        "short": _url(short, limit=20),
        "first": _url(long, limit=20),
        "middle": _url(long, limit=20, cursor=post_cursor_at(post=ordered[200])),
        "last": _url(long, limit=20, cursor=post_cursor_at(post=ordered[380])),
    }
    counts, bodies = {}, {}
    for name, url in pages.items():
        sql, bodies[name] = _queries(api, url)
        counts[name] = len(sql)
        assert not any("OFFSET" in statement.upper() for statement in sql), name

    assert len(set(counts.values())) == 1, counts
    assert counts["last"] <= PAGE_MAX_QUERIES
    assert bodies["middle"]["results"][0]["id"] == ordered[200].pk
    assert [post["id"] for post in bodies["last"]["results"]] == [
        post.pk for post in ordered[380:]
    ]
    assert bodies["last"]["next"] is None


@pytest.fixture
def mixed_thread(world):
    """Posts of every kind a reader meets: recent and editable, another
    member's, a facilitator's, hidden, flagged, erased, quoting, uncooked."""
    # Hiding a post takes it off the stored reply count.
    thread = ThreadFactory(edition=world.edition_a, reply_count=5)
    colleague = ParticipantFactory(
        enrolment=world.participant_a.enrolment,
        user=UserFactory(email="nadia@example.org", first_name="Nadia"),
        name="",
    )
    now = timezone.now()
    own = PostFactory(
        thread=thread,
        author=world.participant_a.user,
        participant=world.participant_a,
        created_at=now - timedelta(minutes=1),
        language="en",
    )
    post_cook(post=own)
    own.save()
    theirs = PostFactory(
        thread=thread,
        author=colleague.user,
        participant=colleague,
        created_at=now - timedelta(minutes=50),
        quote=own,
    )
    hidden = PostFactory(
        thread=thread,
        author=colleague.user,
        participant=colleague,
        created_at=now - timedelta(minutes=40),
    )
    PostFactory(
        thread=thread,
        author=world.facilitator,
        created_at=now - timedelta(minutes=30),
        edited_at=now - timedelta(minutes=29),
    )
    PostFactory(
        thread=thread,
        author=colleague.user,
        participant=colleague,
        created_at=now - timedelta(minutes=20),
        erased_at=now,
        body_markdown="",
    )
    post_flag(post=theirs, user=world.participant_a.user)
    post_hide(post=hidden, actor=world.facilitator)
    return thread


@pytest.mark.parametrize(
    ("actor", "reader"),
    [(PARTICIPANT_A, "participant"), (FACILITATOR, "facilitator")],
)
def test_the_page_answers_what_post_serializer_answers(
    world, mixed_thread, actor, reader
):
    user = world.participant_a.user if reader == "participant" else world.facilitator

    response = caller(world, actor).get(_url(mixed_thread, limit=50))

    page = post_page_for_thread(user=user, thread=mixed_thread, limit=50)
    request = APIRequestFactory().get("/")
    request.user = user
    expected = PostSerializer(
        page.items, many=True, context={"request": request, "now": timezone.now()}
    ).data
    assert response.json()["results"] == json.loads(JSONRenderer().render(expected))
    results = response.json()["results"]
    assert len(results) == (4 if reader == "participant" else 5)
    assert results[-1]["can_edit"] is (reader == "participant")
    flags = {post["flag_count"] for post in results}
    assert flags == ({None} if reader == "participant" else {0, 1})
