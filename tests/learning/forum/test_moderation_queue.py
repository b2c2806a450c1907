"""The moderation queue's rules: whose flagged posts each moderator sees, and how
hiding and dismissing review the flags (logged with their actor)."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from learning.forum.models import PostFlag, Thread
from learning.forum.permissions import ForumPermissionDenied
from learning.forum.selectors.moderation import (
    flagged_post_views,
    post_flagged_list_for_moderator,
    post_flagged_waiting_count,
)
from learning.forum.services import (
    post_create,
    post_flag,
    post_flags_dismiss,
    post_hide,
    post_restore,
    thread_create,
)
from tests.factories.users import UserFactory

from .conftest import finish_edition


@pytest.fixture
def flagged(world):
    """A's colleague's post flagged twice (spam, offensive); B's post once."""
    post_a = post_create(
        thread=world.thread(world.edition_a),
        author=world.colleague_a.user,
        body="Buy **cheap** pills & more",
    )
    post_flag(post=post_a, user=world.participant_a.user, reason="spam")
    post_flag(post=post_a, user=world.facilitator, reason="offensive")
    post_b = post_create(
        thread=world.thread(world.edition_b),
        author=world.participant_b.user,
        body="An answer in B",
    )
    post_flag(post=post_b, user=world.coordinator, reason="off_topic")
    return post_a, post_b


def _actions(post) -> list[tuple[str, str]]:
    entries = ModelLogEntry.objects.filter(object_id=str(post.pk)).order_by("pk")
    return [(entry.action, entry.user.email) for entry in entries]


def test_a_facilitator_sees_only_the_editions_they_facilitate(world, flagged):
    post_a, post_b = flagged

    facilitator = list(post_flagged_list_for_moderator(user=world.facilitator))
    coordinator = list(post_flagged_list_for_moderator(user=world.coordinator))
    participant = post_flagged_list_for_moderator(user=world.participant_a.user)

    assert facilitator == [post_a]
    assert set(coordinator) == {post_a, post_b}
    assert not participant.exists()
    assert post_flagged_waiting_count(user=world.facilitator) == 1
    assert post_flagged_waiting_count(user=world.coordinator) == 2
    assert post_flagged_waiting_count(user=world.participant_a.user) == 0


def test_the_edition_filter_keeps_one_edition(world, flagged):
    _post_a, post_b = flagged

    rows = post_flagged_list_for_moderator(
        user=world.coordinator, edition=world.edition_b
    )

    assert list(rows) == [post_b]


def test_a_row_has_plain_text_reasons_and_the_question(world, flagged):
    posts = list(post_flagged_list_for_moderator(user=world.facilitator))

    (row,) = flagged_post_views(posts=posts, language="en")

    assert row.excerpt == "Buy cheap pills & more"
    assert row.thread_title == world.thread(world.edition_a).title
    assert row.flag_count == 2
    assert sorted(row.reasons) == [("offensive or disrespectful", 1), ("spam", 1)]


def test_dismissing_reviews_the_flags_once_and_logs_the_moderator(world, flagged):
    post_a, _post_b = flagged

    first = post_flags_dismiss(post=post_a, actor=world.facilitator)
    second = post_flags_dismiss(post=post_a, actor=world.facilitator)

    post_a.refresh_from_db()
    assert (first, second) == (2, 0)
    assert not post_a.is_hidden
    assert not PostFlag.objects.filter(post=post_a, reviewed_at__isnull=True).exists()
    assert _actions(post_a).count(("forum.dismiss", "facilitator@example.org")) == 1
    assert not post_flagged_list_for_moderator(user=world.facilitator).exists()
    # Reviewed posts stay listed when asked for every flagged post.
    assert list(
        post_flagged_list_for_moderator(user=world.facilitator, waiting=False)
    ) == [post_a]


def test_hiding_reviews_the_flags_and_restoring_does_not_reopen_them(world, flagged):
    post_a, _post_b = flagged

    post_hide(post=post_a, actor=world.facilitator)
    after_hide = post_flagged_waiting_count(user=world.facilitator)
    post_restore(post=post_a, actor=world.coordinator)

    assert after_hide == 0
    assert post_flagged_waiting_count(user=world.facilitator) == 0
    assert ("forum.hide", "facilitator@example.org") in _actions(post_a)
    assert ("forum.restore", "coordinator@example.org") in _actions(post_a)


@pytest.mark.parametrize("who", ["participant", "other_facilitator"])
def test_only_the_editions_moderators_dismiss(world, flagged, who):
    post_a, _post_b = flagged
    actor = world.participant_a.user
    if who == "other_facilitator":
        actor = UserFactory()
        world.edition_b.facilitators.add(actor)

    with pytest.raises(ForumPermissionDenied) as error:
        post_flags_dismiss(post=post_a, actor=actor)

    assert error.value.code == "not_a_moderator"
    assert PostFlag.objects.filter(post=post_a, reviewed_at__isnull=True).count() == 2


def test_a_facilitator_opens_a_free_standing_thread_logged(world):
    thread = thread_create(
        edition=world.edition_a,
        title="  Coffee corner  ",
        mode="post_first",
        actor=world.facilitator,
    )

    assert (thread.title, thread.session_topic, thread.question_key) == (
        "Coffee corner",
        None,
        "",
    )
    assert thread.mode == "post_first"
    assert _thread_actions(thread) == [("wagtail.create", "facilitator@example.org")]


def _thread_actions(thread: Thread) -> list[tuple[str, str]]:
    entries = ModelLogEntry.objects.filter(
        object_id=str(thread.pk), content_type__model="thread"
    )
    return [(entry.action, entry.user.email) for entry in entries]


@pytest.mark.parametrize(
    ("who", "edition", "code"),
    [
        ("participant", "a", "not_a_moderator"),
        ("facilitator", "b", "not_a_moderator"),
        ("facilitator", "finished", "edition_finished"),
    ],
)
def test_who_may_not_open_a_thread(world, who, edition, code):
    actor = world.participant_a.user if who == "participant" else world.facilitator
    target = world.edition_b if edition == "b" else world.edition_a
    if edition == "finished":
        target = finish_edition(world.edition_a)
    before = Thread.objects.count()

    with pytest.raises((ValidationError, ForumPermissionDenied)) as error:
        thread_create(edition=target, title="Coffee corner", actor=actor)

    assert error.value.code == code
    assert Thread.objects.count() == before


def test_a_thread_needs_a_title(world):
    with pytest.raises(ValidationError) as error:
        thread_create(edition=world.edition_a, title="   ", actor=world.coordinator)

    assert error.value.code == "title_required"
