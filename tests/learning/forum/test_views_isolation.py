"""Who may list, read, write, flag, follow and moderate: members only, 404 for the
rest, the sign-in page for anonymous visitors."""

import pytest
from django.urls import reverse

from learning.forum.models import Post, PostFlag, ThreadFollow
from learning.forum.services import post_create

ROLES = ["participant_a", "participant_b", "facilitator", "coordinator", "anonymous"]

# Expected status per action and role (302 is the action's redirect back).
EXPECTED = {
    "list": {"participant_a": 200, "facilitator": 200, "coordinator": 200},
    "read": {"participant_a": 200, "facilitator": 200, "coordinator": 200},
    "write": {"participant_a": 302, "facilitator": 302, "coordinator": 302},
    "flag": {"participant_a": 302, "facilitator": 302, "coordinator": 302},
    "follow": {"participant_a": 302, "facilitator": 302, "coordinator": 302},
    "unfollow": {"participant_a": 302, "facilitator": 302, "coordinator": 302},
    "edit": {"participant_a": 403, "facilitator": 403, "coordinator": 403},
    "pin": {"participant_a": 403, "facilitator": 302, "coordinator": 302},
    "lock": {"participant_a": 403, "facilitator": 302, "coordinator": 302},
    "mode": {"participant_a": 403, "facilitator": 302, "coordinator": 302},
    "hide": {"participant_a": 403, "facilitator": 302, "coordinator": 302},
    "restore": {"participant_a": 403, "facilitator": 302, "coordinator": 302},
}


def _user(world, role):
    return {
        "participant_a": world.participant_a.user,
        "participant_b": world.participant_b.user,
        "facilitator": world.facilitator,
        "coordinator": world.coordinator,
        "anonymous": None,
    }[role]


def _request(client, world, action):
    thread = world.thread(world.edition_a)
    # A post by a colleague: everyone in A may flag it; nobody here may edit it.
    post = post_create(
        thread=thread, author=world.colleague_a.user, body="The colleague's answer"
    )
    posts = {"pk": post.pk}
    threads = {"pk": thread.pk}
    calls = {
        "list": ("get", "forum:index", {"edition_id": world.edition_a.pk}, {}),
        "read": ("get", "forum:thread", threads, {}),
        "write": ("post", "forum:reply", threads, {"body": "My answer"}),
        "flag": ("post", "forum:post-flag", posts, {"reason": "spam"}),
        "follow": ("post", "forum:follow", threads, {}),
        "unfollow": ("post", "forum:unfollow", threads, {}),
        "edit": ("post", "forum:post-edit", posts, {"body": "Changed"}),
        "pin": ("post", "forum:pin", threads, {"value": "1"}),
        "lock": ("post", "forum:lock", threads, {"value": "1"}),
        "mode": ("post", "forum:mode", threads, {"mode": "post_first"}),
        "hide": ("post", "forum:post-hide", posts, {}),
        "restore": ("post", "forum:post-restore", posts, {}),
    }
    method, name, kwargs, data = calls[action]
    return getattr(client, method)(reverse(name, kwargs=kwargs), data), post


@pytest.mark.parametrize("action", list(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_isolation_matrix(client, world, role, action):
    user = _user(world, role)
    if user is not None:
        client.force_login(user)

    response, post = _request(client, world, action)

    if role == "anonymous":
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
    elif role == "participant_b":
        assert response.status_code == 404
    else:
        assert response.status_code == EXPECTED[action][role]
    post.refresh_from_db()
    assert post.body_markdown == "The colleague's answer"


@pytest.mark.parametrize("role", ["participant_b", "anonymous"])
def test_outsiders_change_nothing(client, world, role):
    user = _user(world, role)
    if user is not None:
        client.force_login(user)
    for action in ("write", "flag", "follow", "hide", "pin"):
        _request(client, world, action)

    thread = world.thread(world.edition_a)
    thread.refresh_from_db()
    assert not thread.is_pinned
    assert Post.objects.filter(thread=thread, is_hidden=True).count() == 0
    assert set(Post.objects.values_list("body_markdown", flat=True)) == {
        "The colleague's answer"
    }
    assert not PostFlag.objects.exists()
    assert not ThreadFollow.objects.exists()


def test_index_lists_only_the_editions_threads(client, world):
    client.force_login(world.participant_a.user)

    response = client.get(
        reverse("forum:index", kwargs={"edition_id": world.edition_a.pk})
    )

    shown = {item.thread for item in response.context["listing"].items}
    assert shown == {world.thread(world.edition_a, 0), world.thread(world.edition_a, 1)}
    b_url = reverse("forum:thread", kwargs={"pk": world.thread(world.edition_b).pk})
    assert b_url not in response.content.decode()


def test_other_editions_post_cannot_be_quoted(client, world):
    other = post_create(
        thread=world.thread(world.edition_b),
        author=world.participant_b.user,
        body="Secret of B",
    )
    client.force_login(world.participant_a.user)
    thread = world.thread(world.edition_a)

    page = client.get(
        reverse("forum:thread", kwargs={"pk": thread.pk}), {"quote": other.pk}
    )
    reply = client.post(
        reverse("forum:reply", kwargs={"pk": thread.pk}),
        {"body": "Quoting", "quote": other.pk},
    )

    assert "Secret of B" not in page.content.decode()
    assert reply.status_code == 400
    assert not Post.objects.filter(thread=thread).exists()


def test_facilitators_see_how_often_a_post_was_flagged(client, world):
    post = post_create(
        thread=world.thread(world.edition_a),
        author=world.colleague_a.user,
        body="Questionable",
    )
    client.force_login(world.participant_a.user)
    client.post(reverse("forum:post-flag", kwargs={"pk": post.pk}), {"reason": "spam"})
    url = reverse("forum:thread", kwargs={"pk": post.thread_id})

    as_participant = client.get(url).content.decode()
    client.force_login(world.facilitator)
    as_facilitator = client.get(url).content.decode()

    assert 'data-status="flagged"' not in as_participant
    assert "Flagged 1 time" in as_facilitator


def test_author_replies_then_edits_through_the_pages(client, world):
    thread = world.thread(world.edition_a)
    client.force_login(world.participant_a.user)

    reply = client.post(
        reverse("forum:reply", kwargs={"pk": thread.pk}), {"body": "First **try**"}
    )
    post = Post.objects.get(thread=thread)
    landing = client.get(reply["Location"])
    edit = client.post(
        reverse("forum:post-edit", kwargs={"pk": post.pk}), {"body": "Second try"}
    )
    post.refresh_from_db()

    assert f"#post-{post.pk}" in reply["Location"]
    assert "<strong>try</strong>" in landing.content.decode()
    assert edit.status_code == 302
    assert post.body_markdown == "Second try"
    assert post.edited_at is not None


def test_locked_thread_page_offers_no_form_and_refuses_posts(client, world):
    thread = world.thread(world.edition_a)
    client.force_login(world.facilitator)
    client.post(reverse("forum:lock", kwargs={"pk": thread.pk}), {"value": "1"})
    client.force_login(world.participant_a.user)

    page = client.get(reverse("forum:thread", kwargs={"pk": thread.pk}))
    refused = client.post(
        reverse("forum:reply", kwargs={"pk": thread.pk}), {"body": "Too late"}
    )

    assert "data-locked-notice" in page.content.decode()
    assert refused.status_code == 400
    assert not Post.objects.filter(thread=thread).exists()


def test_edit_page_is_not_offered_once_the_window_has_passed(client, world, settings):
    settings.LEARNING_FORUM_EDIT_MINUTES = 0
    post = post_create(
        thread=world.thread(world.edition_a),
        author=world.participant_a.user,
        body="Fixed",
    )
    client.force_login(world.participant_a.user)
    url = reverse("forum:post-edit", kwargs={"pk": post.pk})

    page = client.get(url)
    late = client.post(url, {"body": "Changed"})
    post.refresh_from_db()

    assert page.status_code == 302
    assert late.status_code == 400
    assert post.body_markdown == "Fixed"
