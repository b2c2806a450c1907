"""Learning → Flagged posts and its dashboard panel, through the admin as its users
meet them: who sees which posts, one-click actions, history, paging, cost."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning.forum.models import Post, PostFlag
from learning.forum.services import post_create, post_flag
from tests.factories.forum import PostFactory
from tests.factories.users import UserFactory

QUEUE = reverse("learning_forum_flags:index")
DASHBOARD = reverse("wagtailadmin_home")


def admin_access(*users) -> None:
    access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for user in users:
        user.user_permissions.add(access)


@pytest.fixture
def flagged(world):
    """A's post flagged as spam, B's post flagged as off topic; moderators and a
    participant may enter the admin."""
    admin_access(world.facilitator, world.coordinator, world.participant_a.user)
    post_a = post_create(
        thread=world.thread(world.edition_a),
        author=world.colleague_a.user,
        body="Buy <b>cheap</b> pills",
    )
    post_flag(post=post_a, user=world.participant_a.user, reason="spam")
    post_b = post_create(
        thread=world.thread(world.edition_b),
        author=world.participant_b.user,
        body="An answer in B",
    )
    post_flag(post=post_b, user=world.coordinator, reason="off_topic")
    return post_a, post_b


def not_found(client, response, url: str) -> bool:
    """A 404 outside the language prefix is redirected once by Django's
    LocaleMiddleware (the site's pages match /en/…): a 404 there too."""
    if response.status_code == 302 and response["Location"] == f"/en{url}":
        return client.get(response["Location"]).status_code == 404
    return response.status_code == 404


def _rows(response) -> dict[int, str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        int(row["data-post"]): " ".join(row.get_text(" ").split())
        for row in soup.select("[data-flagged-posts] tbody tr")
    }


def test_a_facilitator_sees_their_editions_flagged_posts_only(client, world, flagged):
    post_a, _post_b = flagged
    client.force_login(world.facilitator)

    response = client.get(QUEUE)

    rows = _rows(response)
    assert list(rows) == [post_a.pk]
    assert "Buy <b>cheap</b> pills" in rows[post_a.pk]  # shown as text, escaped
    assert "<b>cheap</b>" not in response.text
    assert "spam" in rows[post_a.pk]
    assert "Edition A" in rows[post_a.pk]
    assert world.thread(world.edition_a).title in rows[post_a.pk]


def test_a_coordinator_sees_every_edition_and_filters_by_one(client, world, flagged):
    post_a, post_b = flagged
    client.force_login(world.coordinator)

    every = _rows(client.get(QUEUE))
    only_b = _rows(client.get(QUEUE, {"edition": world.edition_b.pk}))

    assert set(every) == {post_a.pk, post_b.pk}
    assert list(only_b) == [post_b.pk]
    assert "off topic" in only_b[post_b.pk]


def test_a_participant_in_the_admin_gets_a_404_and_no_menu_item(client, world, flagged):
    post_a, _post_b = flagged
    client.force_login(world.participant_a.user)

    hide_url = reverse("learning_forum_flags:hide", args=[post_a.pk])
    queue = client.get(QUEUE)
    hide = client.post(hide_url)
    home = client.get(DASHBOARD)

    assert not_found(client, queue, QUEUE)
    assert not_found(client, hide, hide_url)
    assert QUEUE not in home.text
    assert not Post.objects.get(pk=post_a.pk).is_hidden


@pytest.mark.parametrize("action", ["hide", "restore", "dismiss", "history"])
def test_a_facilitator_cannot_act_on_another_editions_post(
    client, world, flagged, action
):
    _post_a, post_b = flagged
    client.force_login(world.facilitator)
    url = reverse(f"learning_forum_flags:{action}", args=[post_b.pk])

    response = client.get(url) if action == "history" else client.post(url)

    assert not_found(client, response, url)
    assert not Post.objects.get(pk=post_b.pk).is_hidden
    assert PostFlag.objects.get(post=post_b).reviewed_at is None


def test_hide_restore_and_dismiss_are_one_click_and_in_the_posts_history(
    client, world, flagged
):
    post_a, _post_b = flagged
    client.force_login(world.facilitator)
    back = f"{QUEUE}?show=all"

    def click(action: str):
        url = reverse(f"learning_forum_flags:{action}", args=[post_a.pk])
        return client.post(url, {"next": back})

    hidden = click("hide")
    after_hide = _rows(client.get(QUEUE))
    restored = click("restore")
    all_rows = _rows(client.get(back))
    history = client.get(reverse("learning_forum_flags:history", args=[post_a.pk]))

    assert (hidden.status_code, hidden["Location"]) == (302, back)
    assert restored.status_code == 302
    assert after_hide == {}  # hiding reviewed the flag
    assert post_a.pk in all_rows
    assert not Post.objects.get(pk=post_a.pk).is_hidden
    text = " ".join(BeautifulSoup(history.content, "html.parser").get_text().split())
    assert "Forum post hidden" in text
    assert "Forum post restored" in text
    assert "Forum post flagged" in text


def test_dismiss_empties_the_queue_and_the_dashboard_panel(client, world, flagged):
    post_a, _post_b = flagged
    client.force_login(world.facilitator)

    before = client.get(DASHBOARD).text
    dismissed = client.post(reverse("learning_forum_flags:dismiss", args=[post_a.pk]))
    after = client.get(DASHBOARD).text

    assert "1 flagged post waits for review" in before
    assert dismissed.status_code == 302
    assert "waits for review" not in after
    assert _rows(client.get(QUEUE)) == {}
    assert not Post.objects.get(pk=post_a.pk).is_hidden


def test_the_actions_refuse_get(client, world, flagged):
    post_a, _post_b = flagged
    client.force_login(world.facilitator)

    response = client.get(reverse("learning_forum_flags:hide", args=[post_a.pk]))

    assert response.status_code == 405


def _flag_posts(edition, count: int) -> None:
    flagger = UserFactory()
    thread = edition.forum_threads.first()
    for post in PostFactory.create_batch(count, thread=thread):
        PostFlag.objects.create(post=post, user=flagger, reason="spam")


def test_a_page_costs_the_same_for_2_or_20_posts_and_pages_by_20(client, world):
    admin_access(world.coordinator)
    client.force_login(world.coordinator)
    _flag_posts(world.edition_a, 1)
    _flag_posts(world.edition_b, 1)
    client.get(QUEUE)  # warm caches (content types, site)
    with CaptureQueriesContext(connection) as few:
        small = client.get(QUEUE)
    _flag_posts(world.edition_a, 10)
    _flag_posts(world.edition_b, 9)
    with CaptureQueriesContext(connection) as many:
        large = client.get(QUEUE)

    assert len(_rows(small)) == 2
    assert len(_rows(large)) == 20
    assert len(many) == len(few)
    second = _rows(client.get(QUEUE, {"p": 2}))
    assert len(second) == 1
