"""The thread page's rows (selectors/post_pages.py): the reader's standing, the
same posts as post_list_for_thread for every reader, served HTML, keyset pages."""

import pytest
from django.utils import timezone

from learning.forum.enums import ThreadMode
from learning.forum.models import Post, Thread
from learning.forum.rendering import markdown_render
from learning.forum.selectors import post_list_for_thread
from learning.forum.selectors.post_pages import (
    post_rows_for_thread,
    thread_standing_get,
)
from learning.forum.services import post_create, post_hide
from tests.factories.forum import PostFactory


def _rows(user, thread, **paging):
    standing = thread_standing_get(user=user, pk=thread.pk)
    return post_rows_for_thread(user=user, standing=standing, **paging)


def test_only_members_of_the_threads_edition_have_a_standing(world):
    thread = world.thread(world.edition_a)

    with pytest.raises(Thread.DoesNotExist):
        thread_standing_get(user=world.participant_b.user, pk=thread.pk)
    participant = thread_standing_get(user=world.participant_a.user, pk=thread.pk)
    facilitator = thread_standing_get(user=world.facilitator, pk=thread.pk)
    coordinator = thread_standing_get(user=world.coordinator, pk=thread.pk)

    assert not participant.can_moderate
    assert facilitator.can_moderate
    assert coordinator.can_moderate


def test_every_reader_gets_the_posts_post_list_for_thread_gives(world):
    thread = world.thread(world.edition_a)
    thread.mode = ThreadMode.POST_FIRST
    thread.save()
    rude = post_create(thread=thread, author=world.colleague_a.user, body="Rude")
    post_create(thread=thread, author=world.colleague_a.user, body="Kind")
    post_hide(post=rude, actor=world.facilitator)

    for reader in (
        world.participant_a.user,
        world.colleague_a.user,
        world.facilitator,
        world.coordinator,
    ):
        readable = post_list_for_thread(user=reader, thread=thread)
        assert [row.pk for row in _rows(reader, thread).items] == [
            post.pk for post in readable
        ]
    assert _rows(world.participant_a.user, thread).items == []
    post_create(thread=thread, author=world.participant_a.user, body="Mine")
    assert len(_rows(world.participant_a.user, thread).items) == 2


def test_rows_serve_the_cooked_html_and_render_uncooked_posts(world):
    thread = world.thread(world.edition_a)
    cooked = post_create(
        thread=thread, author=world.participant_a.user, body="**Cooked** text"
    )
    Post.objects.filter(pk=cooked.pk).update(body_html="<p>As stored</p>")
    PostFactory(thread=thread, author=world.facilitator, body_markdown="*Bulk*")

    rows = _rows(world.participant_a.user, thread).items

    assert rows[0].html == "<p>As stored</p>"
    assert rows[0].author_name == world.participant_a.name
    assert rows[0].organisation == world.participant_a.enrolment.organisation.name
    assert rows[1].html == markdown_render(text="*Bulk*")
    assert rows[1].organisation is None and not rows[1].is_participant


def test_an_erased_post_shows_the_note_not_its_text(world):
    thread = world.thread(world.edition_a)
    post_create(thread=thread, author=world.colleague_a.user, body="Private story")
    Post.objects.update(body_markdown="", body_html="", erased_at=timezone.now())

    (row,) = _rows(world.participant_a.user, thread).items

    assert "Private story" not in row.html
    assert "data-erased" in row.html


def test_cursor_pages_walk_every_post_once(world):
    thread = world.thread(world.edition_a)
    created = [
        post_create(thread=thread, author=world.participant_a.user, body=f"Post {n}")
        for n in range(7)
    ]

    seen, cursor = [], ""
    while True:
        page = _rows(world.participant_a.user, thread, cursor=cursor, limit=3)
        seen += [row.pk for row in page.items]
        if not page.next_cursor:
            break
        cursor = page.next_cursor

    assert seen == [post.pk for post in created]
