"""Reads of the forum: "post first" mode, cursor paging, the reader's language."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from learning.forum.enums import ThreadMode
from learning.forum.models import Post, Thread
from learning.forum.selectors import (
    post_cursor_at,
    post_get_for_user,
    post_list_for_thread,
    post_page_for_thread,
    thread_get_for_user,
    thread_page_for_user,
    thread_views,
)
from learning.forum.services import post_create, post_hide, thread_pin
from tests.factories.forum import ThreadFactory


def _bodies(posts):
    return [post.body_markdown for post in posts]


def test_post_first_hides_others_posts_until_the_reader_posts(world):
    thread = world.thread(world.edition_a)
    thread.mode = ThreadMode.POST_FIRST
    thread.save()
    post_create(thread=thread, author=world.colleague_a.user, body="Colleague")
    reader = world.participant_a.user

    before = _bodies(post_list_for_thread(user=reader, thread=thread))
    post_create(thread=thread, author=reader, body="Mine")
    after = _bodies(post_list_for_thread(user=reader, thread=thread))

    assert before == []
    assert after == ["Colleague", "Mine"]
    assert _bodies(post_list_for_thread(user=world.facilitator, thread=thread)) == [
        "Colleague",
        "Mine",
    ]


def test_post_first_page_tells_the_reader_to_answer_first(client, world):
    thread = world.thread(world.edition_a)
    thread.mode = ThreadMode.POST_FIRST
    thread.save()
    post_create(thread=thread, author=world.colleague_a.user, body="Colleague says")
    client.force_login(world.participant_a.user)

    page = client.get(reverse("forum:thread", kwargs={"pk": thread.pk}))
    direct = client.get(
        reverse("forum:thread", kwargs={"pk": thread.pk}),
        {"quote": Post.objects.get().pk},
    )

    assert "Colleague says" not in page.content.decode()
    assert "data-post-first-notice" in page.content.decode()
    assert "Colleague says" not in direct.content.decode()


def test_hidden_posts_are_for_moderators_and_their_author(world):
    thread = world.thread(world.edition_a)
    post = post_create(thread=thread, author=world.colleague_a.user, body="Rude")
    post_hide(post=post, actor=world.facilitator)

    assert (
        _bodies(post_list_for_thread(user=world.participant_a.user, thread=thread))
        == []
    )
    assert _bodies(
        post_list_for_thread(user=world.colleague_a.user, thread=thread)
    ) == ["Rude"]
    assert _bodies(post_list_for_thread(user=world.coordinator, thread=thread)) == [
        "Rude"
    ]
    with pytest.raises(Post.DoesNotExist):
        post_get_for_user(user=world.participant_a.user, pk=post.pk)


def test_other_editions_threads_and_posts_do_not_exist_for_a_member(world):
    thread_b = world.thread(world.edition_b)
    post_b = post_create(thread=thread_b, author=world.participant_b.user, body="B")

    with pytest.raises(Thread.DoesNotExist):
        thread_get_for_user(user=world.participant_a.user, pk=thread_b.pk)
    with pytest.raises(Post.DoesNotExist):
        post_get_for_user(user=world.participant_a.user, pk=post_b.pk)
    with pytest.raises(Thread.DoesNotExist):
        thread_get_for_user(user=world.facilitator, pk=thread_b.pk)


def _many_posts(thread, author, count):
    start = timezone.now() - timedelta(days=30)
    Post.objects.bulk_create(
        Post(
            thread=thread,
            author=author,
            body_markdown=f"Post {i}",
            # Pairs share a moment, so the id breaks ties in the keyset.
            created_at=start + timedelta(seconds=i // 2),
        )
        for i in range(count)
    )


def test_cursor_pages_walk_every_post_once_in_order(world):
    thread = world.thread(world.edition_a)
    _many_posts(thread, world.colleague_a.user, 45)

    seen, cursor = [], ""
    while True:
        page = post_page_for_thread(
            user=world.participant_a.user, thread=thread, cursor=cursor, limit=10
        )
        seen += _bodies(page.items)
        cursor = page.next_cursor
        if not cursor:
            break

    assert seen == [f"Post {i}" for i in range(45)]


def test_deep_page_of_a_long_thread_costs_what_the_first_does(world):
    thread = world.thread(world.edition_a)
    _many_posts(thread, world.colleague_a.user, 5000)
    user = world.participant_a.user
    start = Post.objects.filter(thread=thread).order_by("created_at", "pk")[4980]
    near_end = post_cursor_at(post=start)
    post_page_for_thread(user=user, thread=thread)  # warm the user's permission cache

    with CaptureQueriesContext(connection) as first:
        page_one = post_page_for_thread(user=user, thread=thread)
    with CaptureQueriesContext(connection) as deep:
        page_deep = post_page_for_thread(user=user, thread=thread, cursor=near_end)

    assert len(first) == len(deep)
    assert _bodies(page_one.items)[0] == "Post 0"
    assert _bodies(page_deep.items) == [f"Post {i}" for i in range(4980, 5000)]
    assert page_deep.next_cursor == ""
    # No OFFSET: the database seeks to the cursor through the index.
    assert "OFFSET" not in deep.captured_queries[-1]["sql"].upper()


def test_thread_page_view_costs_the_same_on_first_and_deep_pages(client, world):
    thread = world.thread(world.edition_a)
    _many_posts(thread, world.colleague_a.user, 300)
    client.force_login(world.participant_a.user)
    url = reverse("forum:thread", kwargs={"pk": thread.pk})
    client.get(url)  # warm caches (site root paths, locales)

    with CaptureQueriesContext(connection) as first:
        response = client.get(url)
    cursor = response.context["listing"].next_cursor
    for _ in range(10):
        cursor = client.get(url, {"cursor": cursor}).context["listing"].next_cursor
    with CaptureQueriesContext(connection) as deep:
        deep_response = client.get(url, {"cursor": cursor})

    assert len(first) == len(deep)
    assert ">Post 220<" in deep_response.content.decode()


def test_thread_list_puts_pinned_first_and_pages_by_cursor(world):
    edition = world.edition_a
    now = timezone.now()
    for i in range(25):
        ThreadFactory(
            edition=edition,
            title=f"Free {i}",
            last_activity_at=now - timedelta(hours=i),
        )
    pinned = world.thread(edition, 1)
    thread_pin(thread=pinned, actor=world.facilitator)

    titles, cursor = [], ""
    while True:
        page = thread_page_for_user(
            user=world.participant_a.user, edition=edition, cursor=cursor, limit=7
        )
        titles += [item.thread.title for item in page.items]
        cursor = page.next_cursor
        if not cursor:
            break

    assert titles[0] == pinned.title
    assert len(titles) == len(set(titles)) == 27
    assert titles.index("Free 0") < titles.index("Free 24")


def test_thread_list_query_count_does_not_grow_with_the_page(
    world, django_assert_max_num_queries
):
    for i in range(60):
        ThreadFactory(edition=world.edition_a, title=f"Free {i}")
    user = world.participant_a.user

    with django_assert_max_num_queries(8):
        page = thread_page_for_user(user=user, edition=world.edition_a, limit=50)

    assert len(page.items) == 50


def test_question_shows_in_the_readers_language_by_block_id(world):
    topic = world.topic
    es = Locale.objects.get_or_create(language_code="es")[0]
    spanish = topic.copy_for_translation(es, copy_parents=True)
    spanish.forum_questions = [
        {"type": "question", "value": "¿Qué probarías después?", "id": block.id}
        for block in topic.forum_questions[1:]
    ]
    spanish.save()
    thread_1, thread_2 = (
        world.thread(world.edition_a, 0),
        world.thread(world.edition_a, 1),
    )

    views_es = thread_views(threads=[thread_1, thread_2], language="es")
    views_en = thread_views(threads=[thread_1, thread_2], language="en")

    # The first question has no Spanish text: it stays in English.
    assert [view.title for view in views_es] == [
        "When did listening change your work?",
        "¿Qué probarías después?",
    ]
    assert [view.title for view in views_en] == [thread_1.title, thread_2.title]


def test_answer_before_shows_the_meeting_in_the_readers_time_zone(client, world):
    user = world.participant_a.user
    user.time_zone = "America/Bogota"
    user.save()
    meeting = world.meeting_a
    meeting.starts_at = meeting.starts_at.replace(hour=15, minute=0, second=0)
    meeting.save()
    client.force_login(user)

    response = client.get(
        reverse("forum:thread", kwargs={"pk": world.thread(world.edition_a).pk})
    )

    assert "10:00 (Colombia Time)" in response.content.decode()
