"""Writes of the forum: threads per question, posts, edits, flags, moderation."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from learning.forum.models import Post, PostFlag, Thread
from learning.forum.services import (
    post_create,
    post_edit,
    post_flag,
    post_hide,
    post_restore,
    thread_ensure_for_edition,
    thread_follow,
    thread_lock,
    thread_pin,
    thread_unfollow,
)
from tests.factories.learning import MeetingFactory

from .conftest import QUESTIONS, translate_questions


def test_each_question_opens_one_thread_per_edition(world):
    # A second meeting on the same topic opens nothing new.
    MeetingFactory(edition=world.edition_a, session_topic=world.topic)

    again = thread_ensure_for_edition(edition=world.edition_a)

    assert again == 0
    for edition in (world.edition_a, world.edition_b):
        titles = Thread.objects.filter(edition=edition).values_list("title", flat=True)
        assert sorted(titles) == sorted(QUESTIONS)


def test_a_question_added_later_opens_its_thread(world):
    topic = world.topic
    # The existing blocks keep their ids, as an editor's change would.
    topic.forum_questions = [
        *[
            {"type": block.block_type, "value": block.value, "id": block.id}
            for block in topic.forum_questions
        ],
        {"type": "question", "value": "A third question?"},
    ]
    topic.save()

    opened = thread_ensure_for_edition(edition=world.edition_a)

    assert opened == 1
    assert Thread.objects.filter(edition=world.edition_a).count() == 3


def test_post_counts_and_activity_are_stored(world):
    thread = world.thread(world.edition_a)
    moment = timezone.now() - timedelta(minutes=5)

    post_create(thread=thread, author=world.participant_a.user, body="One", now=moment)
    second = post_create(thread=thread, author=world.facilitator, body="Two")
    thread.refresh_from_db()

    assert thread.reply_count == 2
    assert thread.last_activity_at == second.created_at
    assert second.participant is None
    assert Post.objects.get(body_markdown="One").participant == world.participant_a


def test_hide_and_restore_update_the_count_and_the_audit_log(world):
    thread = world.thread(world.edition_a)
    post = post_create(thread=thread, author=world.participant_a.user, body="Hmm")

    post_hide(post=post, actor=world.facilitator)
    thread.refresh_from_db()
    hidden_count = thread.reply_count
    post_restore(post=post, actor=world.coordinator)
    thread.refresh_from_db()

    assert hidden_count == 0
    assert thread.reply_count == 1
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(post.pk)).values_list(
            "action", "user__email"
        )
    )
    assert ("forum.hide", "facilitator@example.org") in actions
    assert ("forum.restore", "coordinator@example.org") in actions


def test_participants_cannot_moderate(world):
    thread = world.thread(world.edition_a)
    post = post_create(thread=thread, author=world.colleague_a.user, body="Hi")

    for action in (
        lambda: post_hide(post=post, actor=world.participant_a.user),
        lambda: thread_pin(thread=thread, actor=world.participant_a.user),
        lambda: thread_lock(thread=thread, actor=world.participant_b.user),
    ):
        with pytest.raises(PermissionDenied) as error:
            action()
        assert error.value.code == "not_a_moderator"


def test_pin_and_lock_are_logged(world):
    thread = world.thread(world.edition_a)

    thread_pin(thread=thread, actor=world.facilitator)
    thread_lock(thread=thread, actor=world.facilitator)

    actions = set(
        ModelLogEntry.objects.filter(object_id=str(thread.pk)).values_list(
            "action", flat=True
        )
    )
    assert {"forum.pin", "forum.lock"} <= actions


def test_locked_thread_refuses_new_posts(world):
    thread = world.thread(world.edition_a)
    thread_lock(thread=thread, actor=world.facilitator)

    with pytest.raises(ValidationError) as error:
        post_create(thread=thread, author=world.participant_a.user, body="Late")

    assert error.value.code == "thread_locked"
    assert not Post.objects.exists()


def test_non_members_cannot_post(world):
    with pytest.raises(PermissionDenied):
        post_create(
            thread=world.thread(world.edition_a),
            author=world.participant_b.user,
            body="Intruder",
        )


@pytest.mark.parametrize(
    ("minutes_later", "allowed"), [(1, True), (29, True), (31, False)]
)
def test_author_edits_within_the_window(world, settings, minutes_later, allowed):
    settings.LEARNING_FORUM_EDIT_MINUTES = 30
    post = post_create(
        thread=world.thread(world.edition_a),
        author=world.participant_a.user,
        body="First",
    )
    later = post.created_at + timedelta(minutes=minutes_later)

    if allowed:
        post_edit(post=post, actor=world.participant_a.user, body="Better", now=later)
        post.refresh_from_db()
        assert (post.body_markdown, post.edited_at) == ("Better", later)
    else:
        with pytest.raises(ValidationError) as error:
            post_edit(post=post, actor=world.participant_a.user, body="Late", now=later)
        assert error.value.code == "edit_window_closed"


def test_only_the_author_edits(world):
    post = post_create(
        thread=world.thread(world.edition_a),
        author=world.participant_a.user,
        body="Mine",
    )

    with pytest.raises(PermissionDenied) as error:
        post_edit(post=post, actor=world.facilitator, body="Theirs")

    assert error.value.code == "not_the_author"


def test_a_reader_flags_a_post_once_and_it_is_logged(world):
    post = post_create(
        thread=world.thread(world.edition_a),
        author=world.colleague_a.user,
        body="Spam",
    )

    post_flag(post=post, user=world.participant_a.user, reason="spam")
    with pytest.raises(ValidationError) as error:
        post_flag(post=post, user=world.participant_a.user, reason="spam")

    assert error.value.code == "already_flagged"
    assert PostFlag.objects.count() == 1
    assert ModelLogEntry.objects.filter(
        object_id=str(post.pk), action="forum.flag"
    ).exists()


def test_followers_get_replies_by_email_in_their_language(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    thread = world.thread(world.edition_a)
    spanish_reader = world.colleague_a.user
    spanish_reader.preferred_language = "es"
    spanish_reader.save()
    thread_follow(thread=thread, user=spanish_reader)
    thread_follow(thread=thread, user=world.facilitator)
    thread_follow(thread=thread, user=world.participant_a.user)

    with django_capture_on_commit_callbacks(execute=True):
        post_create(
            thread=thread, author=world.participant_a.user, body="Look at **this**"
        )

    recipients = sorted(message.to[0] for message in mailoutbox)
    assert recipients == ["colleague-a@example.org", "facilitator@example.org"]
    spanish = next(m for m in mailoutbox if m.to == ["colleague-a@example.org"])
    assert "Look at **this**" in spanish.body
    assert "<strong>this</strong>" in spanish.alternatives[0][0]
    assert '<html lang="es">' in spanish.alternatives[0][0]


def test_unfollowing_stops_the_emails(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    thread = world.thread(world.edition_a)
    thread_follow(thread=thread, user=world.colleague_a.user)
    thread_unfollow(thread=thread, user=world.colleague_a.user)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        post_create(thread=thread, author=world.participant_a.user, body="Quiet")

    # The reply email's task ran (beside the post's translations) and sent nothing.
    assert callbacks
    assert mailoutbox == []


def test_post_first_followers_are_not_sent_answers_they_may_not_read(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    thread = world.thread(world.edition_a)
    thread.mode = "post_first"
    thread.save()
    thread_follow(thread=thread, user=world.colleague_a.user)

    with django_capture_on_commit_callbacks(execute=True):
        post_create(thread=thread, author=world.participant_a.user, body="Answer")
    # Once the colleague has posted, the next answer reaches them.
    with django_capture_on_commit_callbacks(execute=True):
        post_create(thread=thread, author=world.colleague_a.user, body="Mine")
        post_create(thread=thread, author=world.participant_a.user, body="Later")

    assert [m.to for m in mailoutbox] == [["colleague-a@example.org"]]
    assert "Later" in mailoutbox[0].body


def test_reply_email_names_the_question_in_the_readers_language(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    translate_questions(world.topic, ["¿Cuándo cambió la escucha?", "¿Y ahora?"])
    thread = world.thread(world.edition_a)
    reader = world.colleague_a.user
    reader.preferred_language = "es"
    reader.save()
    thread_follow(thread=thread, user=reader)

    with django_capture_on_commit_callbacks(execute=True):
        post_create(thread=thread, author=world.participant_a.user, body="Hola")

    assert "¿Cuándo cambió la escucha?" in mailoutbox[0].body
    assert QUESTIONS[0] not in mailoutbox[0].body
