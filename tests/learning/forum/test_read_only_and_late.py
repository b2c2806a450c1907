"""A finished edition's forum is read-only; an answer after its meeting is late.

The rule lives in the forum's services; the site's pages obey it here, the API in
tests/api/test_forum_api.py.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from learning.forum.models import Post, Thread
from learning.forum.services import (
    forum_digest_send,
    post_can_edit,
    post_create,
    post_edit,
    thread_create,
)
from tests.factories.learning import MeetingFactory

from .conftest import finish_edition


def test_a_finished_editions_forum_refuses_new_posts(world):
    thread = world.thread(world.edition_a)
    finish_edition(world.edition_a)

    for author in (world.participant_a.user, world.facilitator):
        with pytest.raises(ValidationError) as error:
            post_create(thread=thread, author=author, body="Months later")
        assert error.value.code == "edition_finished"

    assert not Post.objects.exists()


def test_a_finished_editions_forum_refuses_edits_and_new_threads(world):
    post = post_create(
        thread=world.thread(world.edition_a),
        author=world.participant_a.user,
        body="Written while it ran",
    )
    finish_edition(world.edition_a)
    post.refresh_from_db()

    with pytest.raises(ValidationError) as error:
        post_edit(post=post, actor=world.participant_a.user, body="Changed")
    with pytest.raises(ValidationError) as opening:
        thread_create(edition=world.edition_a, title="After", actor=world.facilitator)

    assert error.value.code == "edition_finished"
    assert opening.value.code == "edition_finished"
    now = timezone.now()
    assert not post_can_edit(post=post, user=world.participant_a.user, now=now)
    post.refresh_from_db()
    assert post.body_markdown == "Written while it ran"
    assert not Thread.objects.filter(title="After").exists()


def test_an_answer_after_the_meeting_is_kept_and_marked_late(world):
    thread = world.thread(world.edition_a)
    starts = world.meeting_a.starts_at

    on_time = post_create(
        thread=thread,
        author=world.participant_a.user,
        body="Before",
        now=starts - timedelta(minutes=1),
    )
    late = post_create(
        thread=thread,
        author=world.colleague_a.user,
        body="After",
        now=starts + timedelta(days=30),
    )
    summary = post_create(
        thread=thread,
        author=world.facilitator,
        body="What we said in the meeting",
        now=starts + timedelta(days=30),
    )

    assert (on_time.is_late, late.is_late, summary.is_late) == (False, True, False)
    assert Post.objects.get(pk=late.pk).is_late


def test_late_answers_do_not_count_as_preparation_in_the_digest(world):
    thread = world.thread(world.edition_a)
    first = world.meeting_a.starts_at
    again = MeetingFactory(
        edition=world.edition_a,
        session_topic=world.topic,
        starts_at=first + timedelta(days=14),
    )
    post_create(
        thread=thread,
        author=world.participant_a.user,
        body="On time",
        now=first - timedelta(hours=2),
    )
    post_create(
        thread=thread,
        author=world.colleague_a.user,
        body="Late",
        now=first + timedelta(days=2),
    )

    digest = forum_digest_send(meeting=again, now=again.starts_at - timedelta(hours=1))

    assert digest.post_count == 1


def test_the_thread_page_of_a_finished_edition_shows_no_reply_form(client, world):
    thread = world.thread(world.edition_a)
    post_create(
        thread=thread,
        author=world.participant_a.user,
        body="Written while it ran",
        now=world.meeting_a.starts_at + timedelta(hours=3),
    )
    finish_edition(world.edition_a)
    client.force_login(world.participant_a.user)

    page = client.get(reverse("forum:thread", kwargs={"pk": thread.pk}))
    html = page.content.decode()

    assert page.status_code == 200
    assert "data-read-only-notice" in html
    assert "kept for reading only" in html
    assert reverse("forum:reply", kwargs={"pk": thread.pk}) not in html
    assert 'data-status="late"' in html


def test_a_reply_posted_to_a_finished_editions_forum_is_refused(client, world):
    thread = world.thread(world.edition_a)
    finish_edition(world.edition_a)
    client.force_login(world.participant_a.user)

    response = client.post(
        reverse("forum:reply", kwargs={"pk": thread.pk}), {"body": "Anyone?"}
    )

    assert response.status_code == 400
    assert "kept for reading only" in response.content.decode()
    assert not Post.objects.exists()


def test_the_forum_index_of_a_finished_edition_says_it_is_read_only(client, world):
    finish_edition(world.edition_a)
    client.force_login(world.participant_a.user)

    response = client.get(
        reverse("forum:index", kwargs={"edition_id": world.edition_a.pk})
    )

    assert response.status_code == 200
    assert "data-read-only-notice" in response.content.decode()
    assert "Answer before" not in response.content.decode()


def test_a_running_editions_thread_keeps_its_reply_form(client, world):
    thread = world.thread(world.edition_a)
    client.force_login(world.participant_a.user)

    html = client.get(reverse("forum:thread", kwargs={"pk": thread.pk})).content

    assert reverse("forum:reply", kwargs={"pk": thread.pk}).encode() in html
    assert b"data-read-only-notice" not in html
