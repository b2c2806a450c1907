"""The forum through /api/v1/: members only, the site's rules (hidden posts,
post-first mode, locks, the edit window), sanitised HTML, cursor paging, and
what a page of posts costs the database."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from api.keys import personal_token_create
from learning.forum.enums import ThreadMode
from learning.forum.models import Post, PostFlag, ThreadFollow
from learning.forum.services import post_create, post_hide, thread_lock
from tests.api.roles import (
    COORDINATOR,
    FACILITATOR,
    PARTICIPANT_A,
    PARTICIPANT_B,
    caller,
)
from tests.factories.forum import PostFactory, ThreadFactory
from tests.factories.learning import ParticipantFactory
from tests.factories.users import UserFactory
from tests.learning.forum.conftest import finish_edition


@pytest.fixture
def thread(world):
    return ThreadFactory(edition=world.edition_a, title="How do you listen?")


@pytest.fixture
def colleague(world):
    """Another participant of edition A (same organisation as participant A)."""
    return ParticipantFactory(
        enrolment=world.participant_a.enrolment,
        user=UserFactory(email="colleague-a@example.org"),
        name="Carla Mendes",
    )


def _as(user) -> APIClient:
    """An API client with a new personal token of `user`."""
    _token, key = personal_token_create(user=user, name="test")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return api


def _posts_url(thread):
    return f"/api/v1/forum/threads/{thread.pk}/posts/"


def _write(api, thread, body, **extra):
    return api.post(_posts_url(thread), {"body": body, **extra}, format="json")


# Membership ---------------------------------------------------------------------


def test_a_participant_lists_the_threads_of_their_edition(world, thread):
    ThreadFactory(edition=world.edition_b, title="Edition B's thread")

    response = caller(world, PARTICIPANT_A).get(
        "/api/v1/forum/threads/", {"edition": world.edition_a.pk}
    )

    assert response.status_code == 200
    body = response.json()
    assert [item["title"] for item in body["results"]] == ["How do you listen?"]
    assert body["results"][0]["edition"] == world.edition_a.pk
    assert body["next"] is None


def test_threads_are_cursor_paged_pinned_first(world):
    older, newer = (
        ThreadFactory(
            edition=world.edition_a,
            last_activity_at=timezone.now() - timedelta(days=days),
        )
        for days in (2, 1)
    )
    pinned = ThreadFactory(
        edition=world.edition_a,
        is_pinned=True,
        last_activity_at=timezone.now() - timedelta(days=9),
    )
    api = caller(world, PARTICIPANT_A)

    first = api.get(
        "/api/v1/forum/threads/", {"edition": world.edition_a.pk, "limit": 2}
    ).json()
    second = api.get(first["next"]).json()

    assert [t["id"] for t in first["results"]] == [pinned.pk, newer.pk]
    assert f"edition={world.edition_a.pk}" in first["next"]
    assert [t["id"] for t in second["results"]] == [older.pk]
    assert second["next"] is None


def test_naming_another_edition_is_refused_as_not_a_member(world, thread):
    ThreadFactory(edition=world.edition_b, title="Edition B's thread")

    response = caller(world, PARTICIPANT_A).get(
        "/api/v1/forum/threads/", {"edition": world.edition_b.pk}
    )

    assert response.status_code == 403
    assert response.json()["code"] == "not_a_member"
    assert "Edition B" not in response.content.decode()


def test_an_edition_that_does_not_exist_answers_like_a_foreign_one(world):
    response = caller(world, PARTICIPANT_A).get(
        "/api/v1/forum/threads/", {"edition": 999_999}
    )

    assert response.status_code == 403
    assert response.json()["code"] == "not_a_member"


def test_the_thread_list_needs_an_edition(world):
    response = caller(world, PARTICIPANT_A).get("/api/v1/forum/threads/")

    assert response.status_code == 400
    assert response.json()["fields"]["edition"][0]["code"] == "required"


def test_another_editions_thread_and_posts_are_not_found(world, thread):
    post = PostFactory(thread=thread, author=world.participant_a.user)
    api = caller(world, PARTICIPANT_B)

    assert api.get(f"/api/v1/forum/threads/{thread.pk}/").status_code == 404
    assert api.get(_posts_url(thread)).status_code == 404
    assert _write(api, thread, "Intruding").status_code == 404
    edit = api.patch(f"/api/v1/forum/posts/{post.pk}/", {"body": "x"}, format="json")
    assert edit.status_code == 404
    assert api.post(f"/api/v1/forum/posts/{post.pk}/flag/").status_code == 404
    assert api.post(f"/api/v1/forum/threads/{thread.pk}/follow/").status_code == 404
    assert not Post.objects.filter(body_markdown="Intruding").exists()
    assert not PostFlag.objects.exists()


def test_the_thread_detail_tells_the_readers_standing(world, thread):
    api = caller(world, PARTICIPANT_A)
    api.post(f"/api/v1/forum/threads/{thread.pk}/follow/")

    body = api.get(f"/api/v1/forum/threads/{thread.pk}/").json()

    assert body["title"] == "How do you listen?"
    assert body["is_followed"] is True
    assert body["can_moderate"] is False
    assert body["waiting_for_first_post"] is False
    assert (
        caller(world, FACILITATOR)
        .get(f"/api/v1/forum/threads/{thread.pk}/")
        .json()["can_moderate"]
    )


# Writing ------------------------------------------------------------------------


def test_a_post_is_answered_as_sanitised_html_never_raw(world, thread):
    body = (
        "**Hello** <script>alert('x')</script>\n\n"
        '<img src=x onerror="alert(1)"> [site](javascript:alert(2))'
    )

    response = _write(caller(world, PARTICIPANT_A), thread, body)

    assert response.status_code == 201, response.content
    created = response.json()
    html = created["body_html"]
    assert "<strong>Hello</strong>" in html
    assert "<script" not in html
    assert "<img" not in html
    assert "javascript:" not in html
    assert "<script" not in response.content.decode()
    assert created["author"] == {
        "name": "Amina Diallo",
        "organisation": world.participant_a.enrolment.organisation.name,
        "is_participant": True,
    }
    assert created["is_own"] is True
    assert created["can_edit"] is True
    assert created["created_at"].endswith("Z")
    # The text is stored as written; the HTML is made at display time.
    assert Post.objects.get(pk=created["id"]).body_markdown == body


def test_a_reply_can_quote_a_readable_post_of_the_thread(world, thread, colleague):
    quoted = post_create(thread=thread, author=colleague.user, body="First answer")
    other = PostFactory(thread=ThreadFactory(edition=world.edition_a))
    api = caller(world, PARTICIPANT_A)

    response = _write(api, thread, "> First answer\n\nAgreed", quote=quoted.pk)
    wrong = _write(api, thread, "Quoting elsewhere", quote=other.pk)
    missing = _write(api, thread, "Quoting nothing", quote=999_999)

    assert response.status_code == 201
    assert response.json()["quote"] == quoted.pk
    assert "<blockquote>" in response.json()["body_html"]
    assert wrong.status_code == 400
    assert wrong.json()["code"] == "invalid_quote"
    assert missing.status_code == 400
    assert missing.json()["code"] == "invalid_quote"


def test_an_empty_post_is_refused_with_its_field(world, thread):
    response = _write(caller(world, PARTICIPANT_A), thread, "")

    assert response.status_code == 400
    assert "body" in response.json()["fields"]
    assert not Post.objects.exists()


def test_a_locked_thread_takes_no_posts(world, thread):
    thread_lock(thread=thread, actor=world.facilitator)

    response = _write(caller(world, PARTICIPANT_A), thread, "Too late?")

    assert response.status_code == 400
    assert response.json()["code"] == "thread_locked"
    assert not Post.objects.exists()


def test_a_finished_editions_forum_takes_no_posts_nor_edits(world, thread):
    api = caller(world, PARTICIPANT_A)
    post_id = _write(api, thread, "While it ran").json()["id"]
    finish_edition(world.edition_a)

    refused = _write(api, thread, "Months later")
    edit = api.patch(f"/api/v1/forum/posts/{post_id}/", {"body": "Changed"})
    detail = api.get(f"/api/v1/forum/threads/{thread.pk}/").json()
    listing = api.get(f"/api/v1/forum/threads/?edition={world.edition_a.pk}").json()
    posts = api.get(_posts_url(thread)).json()["results"]

    assert refused.status_code == 400
    assert refused.json()["code"] == "edition_finished"
    assert edit.status_code == 400
    assert edit.json()["code"] == "edition_finished"
    assert detail["is_read_only"] is True
    assert [item["is_read_only"] for item in listing["results"]] == [True]
    assert [post["can_edit"] for post in posts] == [False]
    assert list(Post.objects.values_list("body_markdown", flat=True)) == [
        "While it ran"
    ]


def test_an_answer_after_the_meeting_is_marked_late(world):
    # Edition A's meeting on this topic started 20 minutes ago.
    thread = ThreadFactory(
        edition=world.edition_a, session_topic=world.meeting_a.session_topic
    )

    answer = _write(caller(world, PARTICIPANT_A), thread, "Sorry, after it")
    summary = _write(caller(world, FACILITATOR), thread, "What we said")
    listed = caller(world, PARTICIPANT_A).get(_posts_url(thread)).json()["results"]
    detail = caller(world, PARTICIPANT_A).get(f"/api/v1/forum/threads/{thread.pk}/")

    assert answer.status_code == 201
    assert answer.json()["is_late"] is True
    assert summary.json()["is_late"] is False
    assert [post["is_late"] for post in listed] == [True, False]
    assert detail.json()["is_read_only"] is False


def test_the_author_edits_within_the_window(world, thread):
    api = caller(world, PARTICIPANT_A)
    post_id = _write(api, thread, "Frist").json()["id"]

    response = api.patch(
        f"/api/v1/forum/posts/{post_id}/", {"body": "First *draft*"}, format="json"
    )

    assert response.status_code == 200
    assert "<em>draft</em>" in response.json()["body_html"]
    assert response.json()["edited_at"] is not None
    assert Post.objects.get(pk=post_id).body_markdown == "First *draft*"


def test_an_edit_after_the_window_keeps_the_services_code(world, thread):
    old = PostFactory(
        thread=thread,
        author=world.participant_a.user,
        body_markdown="Old",
        created_at=timezone.now() - timedelta(hours=2),
    )

    response = caller(world, PARTICIPANT_A).patch(
        f"/api/v1/forum/posts/{old.pk}/", {"body": "New"}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "edit_window_closed"
    old.refresh_from_db()
    assert old.body_markdown == "Old"


def test_only_the_author_edits(world, thread, colleague):
    post = post_create(thread=thread, author=colleague.user, body="Mine")

    response = caller(world, PARTICIPANT_A).patch(
        f"/api/v1/forum/posts/{post.pk}/", {"body": "Hijacked"}, format="json"
    )

    assert response.status_code == 403
    assert response.json()["code"] == "not_the_author"
    post.refresh_from_db()
    assert post.body_markdown == "Mine"


def test_a_reader_flags_a_post_once_and_not_their_own(world, thread, colleague):
    post = post_create(thread=thread, author=colleague.user, body="Off topic")
    own = post_create(thread=thread, author=world.participant_a.user, body="Mine")
    api = caller(world, PARTICIPANT_A)

    first = api.post(f"/api/v1/forum/posts/{post.pk}/flag/", {"reason": "spam"})
    again = api.post(f"/api/v1/forum/posts/{post.pk}/flag/", {"reason": "spam"})
    mine = api.post(f"/api/v1/forum/posts/{own.pk}/flag/")

    assert first.status_code == 201
    assert first.json()["reason"] == "spam"
    assert again.status_code == 400
    assert again.json()["code"] == "already_flagged"
    assert mine.status_code == 400
    assert mine.json()["code"] == "own_post"
    assert PostFlag.objects.filter(post=post).count() == 1


def test_follow_and_unfollow(world, thread):
    api = caller(world, PARTICIPANT_A)
    url = f"/api/v1/forum/threads/{thread.pk}/follow/"

    followed = api.post(url)
    assert followed.status_code == 200
    assert followed.json() == {"thread": thread.pk, "is_followed": True}
    assert ThreadFollow.objects.filter(thread=thread).count() == 1

    assert api.delete(url).status_code == 204
    assert not ThreadFollow.objects.exists()


# Reading: hidden posts, post-first, cursor ------------------------------------------


def test_hidden_posts_are_for_moderators_and_their_author(world, thread, colleague):
    post = post_create(thread=thread, author=colleague.user, body="Rude")
    post_hide(post=post, actor=world.facilitator)
    fine = PostFactory(thread=thread, author=world.participant_a.user)

    seen = caller(world, PARTICIPANT_A).get(_posts_url(thread)).json()["results"]
    moderated = caller(world, FACILITATOR).get(_posts_url(thread)).json()["results"]
    own = _as(colleague.user).get(_posts_url(thread)).json()["results"]

    assert [p["id"] for p in seen] == [fine.pk]
    assert seen[0]["flag_count"] is None
    assert [(p["id"], p["is_hidden"]) for p in moderated] == [
        (post.pk, True),
        (fine.pk, False),
    ]
    assert moderated[0]["flag_count"] == 0
    assert [p["id"] for p in own] == [post.pk, fine.pk]


def test_post_first_shows_others_answers_only_after_posting(world, colleague):
    thread = ThreadFactory(edition=world.edition_a, mode=ThreadMode.POST_FIRST)
    post_create(thread=thread, author=colleague.user, body="My colleague's answer")
    api = caller(world, PARTICIPANT_A)

    before = api.get(_posts_url(thread)).json()["results"]
    detail = api.get(f"/api/v1/forum/threads/{thread.pk}/").json()
    _write(api, thread, "My own answer")
    after = api.get(_posts_url(thread)).json()["results"]

    assert before == []
    assert detail["waiting_for_first_post"] is True
    assert [p["author"]["name"] for p in after] == ["Carla Mendes", "Amina Diallo"]
    # Moderators read everything, without posting.
    coordinator = caller(world, COORDINATOR).get(_posts_url(thread)).json()
    assert len(coordinator["results"]) == 2


def _posts(thread, author, count):
    start = timezone.now() - timedelta(hours=1)
    # Two posts share each moment, so the cursor must break ties by id.
    return [
        PostFactory(
            thread=thread, author=author, created_at=start + timedelta(seconds=n // 2)
        )
        for n in range(count)
    ]


def test_cursor_paging_returns_each_post_once(world, thread):
    posts = _posts(thread, world.participant_a.user, 25)
    api = caller(world, PARTICIPANT_A)

    seen, url, pages = [], _posts_url(thread) + "?limit=10", 0
    while url:
        body = api.get(url).json()
        seen += [p["id"] for p in body["results"]]
        url, pages = body["next"], pages + 1
        if url:
            assert url.startswith("http://testserver/api/v1/forum/threads/")
            assert "cursor=" in url
            assert "limit=10" in url

    assert pages == 3
    assert seen == [post.pk for post in posts]


@pytest.mark.parametrize("limit", ["0", "101", "ten"])
def test_a_page_size_out_of_range_is_refused(world, thread, limit):
    response = caller(world, PARTICIPANT_A).get(_posts_url(thread), {"limit": limit})

    assert response.status_code == 400
    assert "limit" in response.json()["fields"]


def test_a_malformed_cursor_gives_the_first_page(world, thread):
    post = PostFactory(thread=thread, author=world.participant_a.user)

    response = caller(world, PARTICIPANT_A).get(
        _posts_url(thread), {"cursor": "not-a-cursor!"}
    )

    assert response.status_code == 200
    assert [p["id"] for p in response.json()["results"]] == [post.pk]


# What a page costs ------------------------------------------------------------------

# A person's request costs 1 query before the page does anything: the token
# lookup (one SELECT with its user; `last_used_at` is written at most every five
# minutes, so only on the warm-up request here). The page itself then costs 2:
# the thread with the reader's role in its edition (EXISTS flags, the
# coordinator's permission among them, and in "post first" mode whether the
# reader has posted), and the page of posts with authors and organisations.
PERSON_FIXED = 1
PAGE_MAX = 2


def _page_queries(api, url):
    with CaptureQueriesContext(connection) as context:
        response = api.get(url)
    assert response.status_code == 200, response.content
    return len(context.captured_queries), response.json()


def _three_pages(world, actor, thread):
    """Queries of a first page of 10, of 50, and of the last page (via cursor)."""
    api = caller(world, actor)
    url = _posts_url(thread)
    _page_queries(api, url)  # warm-up: writes the token's last use
    ten, first = _page_queries(api, url + "?limit=10")
    fifty, second = _page_queries(api, url + "?limit=50")
    last, final = _page_queries(api, second["next"].replace("limit=50", "limit=100"))
    assert len(first["results"]) == 10
    assert len(second["results"]) == 50
    assert final["next"] is None
    return ten, fifty, last


@pytest.mark.parametrize("actor", [PARTICIPANT_A, FACILITATOR, COORDINATOR])
def test_a_page_of_posts_costs_the_same_for_10_and_50_posts(world, thread, actor):
    _posts(thread, world.participant_a.user, 120)

    ten, fifty, last = _three_pages(world, actor, thread)

    assert ten == fifty == last
    assert fifty - PERSON_FIXED <= PAGE_MAX


def test_post_first_costs_no_more_query_until_the_reader_has_posted(world, colleague):
    """Whether the reader has posted ("post first" mode) is a flag of the
    thread's query; the count stays the same whatever the page."""
    thread = ThreadFactory(edition=world.edition_a, mode=ThreadMode.POST_FIRST)
    _posts(thread, colleague.user, 60)
    _posts(thread, world.participant_a.user, 60)

    ten, fifty, last = _three_pages(world, PARTICIPANT_A, thread)

    assert ten == fifty == last
    assert fifty - PERSON_FIXED <= PAGE_MAX
