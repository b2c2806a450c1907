"""Writes of an edition's forum: threads, posts, flags, moderation, follows, digests.

Every service checks that the acting user belongs to the thread's edition (the
views have already hidden other editions behind a 404) and logs moderation and
flags in Wagtail's audit log. Emails leave through tasks once the transaction
commits.
"""

from datetime import datetime, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from learning.catalogue.models import SessionTopicPage
from learning.core import conf
from learning.editions.models import Edition, Meeting
from learning.enrolments.membership import (
    edition_role_for_user,
    participant_get_for_user,
)

from .enums import FlagReason, ThreadMode
from .models import MeetingDigest, Post, PostFlag, Thread, ThreadFollow
from .permissions import ForumPermissionDenied, forum_can_moderate
from .selectors import forum_is_read_only, post_list_for_thread, thread_answer_before
from .tasks import forum_digest_email_send, forum_reply_email_send

POST_MAX_LENGTH = 20_000


def forum_edit_minutes() -> int:
    """How long after writing a post its author may still change it."""
    return conf.forum_edit_minutes()


# Threads ---------------------------------------------------------------------


def thread_ensure_for_edition(*, edition: Edition, now: datetime | None = None) -> int:
    """Open one thread per question of each session topic the edition meets on.

    Idempotent: a question that has its thread already is skipped; returns how
    many threads were opened.
    """
    now = now or timezone.now()
    topic_ids = set(
        Meeting.objects.filter(edition=edition, session_topic__isnull=False)
        .values_list("session_topic_id", flat=True)
        .distinct()
    )
    if not topic_ids:
        return 0
    existing = set(
        Thread.objects.filter(edition=edition, session_topic_id__in=topic_ids)
        .exclude(question_key="")
        .values_list("session_topic_id", "question_key")
    )
    missing = [
        Thread(
            edition=edition,
            session_topic=topic,
            question_key=block.id,
            title=str(block.value)[:500],
            last_activity_at=now,
        )
        for topic in SessionTopicPage.objects.filter(pk__in=topic_ids).order_by("path")
        for block in topic.forum_questions
        if block.block_type == "question" and (topic.pk, block.id) not in existing
    ]
    if not missing:
        return 0
    # A concurrent request may open the same threads: the unique constraint keeps
    # one, and the other request's rows are ignored.
    with transaction.atomic():
        Thread.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def thread_create(
    *,
    edition: Edition,
    title: str,
    actor: AbstractBaseUser,
    mode: str = ThreadMode.NORMAL,
) -> Thread:
    """Open a free discussion in the edition (facilitators and coordinators)."""
    _moderator_check(user=actor, edition=edition)
    _open_check(edition=edition, now=timezone.now())
    title = title.strip()
    if not title:
        raise ValidationError(_("Give the thread a title."), code="title_required")
    thread = Thread(
        edition=edition, title=title, mode=mode, last_activity_at=timezone.now()
    )
    thread.full_clean()
    thread.save()
    return thread


@transaction.atomic
def thread_mode_set(*, thread: Thread, mode: str, actor: AbstractBaseUser) -> Thread:
    """Switch between open discussion and "post first, then read others"."""
    _moderator_check(user=actor, edition=thread.edition)
    if mode not in ThreadMode.values:
        raise ValidationError(_("Unknown thread mode."), code="invalid_mode")
    thread.mode = mode
    thread.save(update_fields=["mode"])
    log(instance=thread, action="forum.mode", user=actor, data={"mode": mode})
    return thread


@transaction.atomic
def thread_pin(
    *, thread: Thread, actor: AbstractBaseUser, pinned: bool = True
) -> Thread:
    """Pin the thread to the top of the forum, or unpin it."""
    _moderator_check(user=actor, edition=thread.edition)
    thread.is_pinned = pinned
    thread.save(update_fields=["is_pinned"])
    log(instance=thread, action="forum.pin" if pinned else "forum.unpin", user=actor)
    return thread


@transaction.atomic
def thread_lock(
    *, thread: Thread, actor: AbstractBaseUser, locked: bool = True
) -> Thread:
    """Lock the thread against new posts and edits, or unlock it."""
    _moderator_check(user=actor, edition=thread.edition)
    thread.is_locked = locked
    thread.save(update_fields=["is_locked"])
    log(instance=thread, action="forum.lock" if locked else "forum.unlock", user=actor)
    return thread


def thread_follow(*, thread: Thread, user: AbstractBaseUser) -> ThreadFollow:
    """Get the thread's new replies by email."""
    _member_check(user=user, edition=thread.edition)
    follow, _created = ThreadFollow.objects.get_or_create(thread=thread, user=user)
    return follow


def thread_unfollow(*, thread: Thread, user: AbstractBaseUser) -> None:
    """Stop getting the thread's replies by email."""
    ThreadFollow.objects.filter(thread=thread, user=user).delete()


# Posts -----------------------------------------------------------------------


@transaction.atomic
def post_create(
    *,
    thread: Thread,
    author: AbstractBaseUser,
    body: str,
    quote: Post | None = None,
    now: datetime | None = None,
) -> Post:
    """Reply in the thread; followers other than the author are emailed.

    A finished edition's forum refuses it; a participant's answer written once
    the thread's meeting has started is kept and marked late.
    """
    now = now or timezone.now()
    _member_check(user=author, edition=thread.edition)
    thread = (
        Thread.objects.select_for_update().select_related("edition").get(pk=thread.pk)
    )
    _open_check(edition=thread.edition, now=now)
    if thread.is_locked:
        raise ValidationError(
            _("This thread is locked: it takes no new posts."), code="thread_locked"
        )
    body = _body_validate(body)
    if quote is not None and not (
        quote.thread_id == thread.pk
        and post_list_for_thread(user=author, thread=thread)
        .filter(pk=quote.pk)
        .exists()
    ):
        raise ValidationError(
            _("You can only quote a post of this thread that you can read."),
            code="invalid_quote",
        )
    participant = participant_get_for_user(user=author, edition=thread.edition)
    post = Post(
        thread=thread,
        author=author,
        participant=participant,
        quote=quote,
        body_markdown=body,
        created_at=now,
        is_late=participant is not None and _after_meeting(thread=thread, now=now),
    )
    post.full_clean()
    post.save()
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=F("reply_count") + 1, last_activity_at=now
    )
    post_id = post.pk
    transaction.on_commit(
        lambda: forum_reply_email_send.enqueue(post_id=post_id), robust=True
    )
    return post


@transaction.atomic
def post_edit(
    *, post: Post, actor: AbstractBaseUser, body: str, now: datetime | None = None
) -> Post:
    """Change one's own post within the edit window, while the thread is open."""
    now = now or timezone.now()
    if post.author_id != actor.pk:
        raise ForumPermissionDenied(
            _("Only the author can edit a post."), code="not_the_author"
        )
    _member_check(user=actor, edition=post.thread.edition)
    _open_check(edition=post.thread.edition, now=now)
    if post.thread.is_locked:
        raise ValidationError(
            _("This thread is locked: its posts can no longer change."),
            code="thread_locked",
        )
    if now > post_edit_deadline(post=post):
        raise ValidationError(
            _("The time to edit this post has passed."), code="edit_window_closed"
        )
    if post.is_hidden:
        raise ValidationError(_("A hidden post cannot be edited."), code="post_hidden")
    post.body_markdown = _body_validate(body)
    post.edited_at = now
    post.full_clean()
    post.save(update_fields=["body_markdown", "edited_at"])
    return post


def post_edit_deadline(*, post: Post) -> datetime:
    """Until when the post's author may still edit it."""
    return post.created_at + timedelta(minutes=forum_edit_minutes())


def post_can_edit(*, post: Post, user: AbstractBaseUser, now: datetime) -> bool:
    """Whether to offer the "edit" button (the service decides again on submit)."""
    return (
        post.author_id == user.pk
        and not post.is_hidden
        and not post.thread.is_locked
        and now <= post_edit_deadline(post=post)
        and not forum_is_read_only(edition=post.thread.edition, now=now)
    )


@transaction.atomic
def post_flag(
    *, post: Post, user: AbstractBaseUser, reason: str = FlagReason.OTHER
) -> PostFlag:
    """Report a post to the edition's facilitators; once per reader and post."""
    _member_check(user=user, edition=post.thread.edition)
    if reason not in FlagReason.values:
        raise ValidationError(_("Choose a reason."), code="invalid_reason")
    if post.author_id == user.pk:
        raise ValidationError(_("You cannot flag your own post."), code="own_post")
    try:
        with transaction.atomic():
            flag = PostFlag.objects.create(post=post, user=user, reason=reason)
    except IntegrityError as error:
        raise ValidationError(
            _("You have already flagged this post."), code="already_flagged"
        ) from error
    log(instance=post, action="forum.flag", user=user, data={"reason": reason})
    return flag


@transaction.atomic
def post_hide(
    *, post: Post, actor: AbstractBaseUser, now: datetime | None = None
) -> Post:
    """Hide a post from the edition's participants (it stays for moderators)."""
    _moderator_check(user=actor, edition=post.thread.edition)
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.is_hidden:
        return post
    post.is_hidden = True
    post.hidden_at = now or timezone.now()
    post.hidden_by = actor
    post.save(update_fields=["is_hidden", "hidden_at", "hidden_by"])
    Thread.objects.filter(pk=post.thread_id).update(reply_count=F("reply_count") - 1)
    log(instance=post, action="forum.hide", user=actor, data={"thread": post.thread_id})
    return post


@transaction.atomic
def post_restore(*, post: Post, actor: AbstractBaseUser) -> Post:
    """Show a hidden post again."""
    _moderator_check(user=actor, edition=post.thread.edition)
    post = Post.objects.select_for_update().get(pk=post.pk)
    if not post.is_hidden:
        return post
    post.is_hidden = False
    post.hidden_at = None
    post.hidden_by = None
    post.save(update_fields=["is_hidden", "hidden_at", "hidden_by"])
    Thread.objects.filter(pk=post.thread_id).update(reply_count=F("reply_count") + 1)
    log(
        instance=post,
        action="forum.restore",
        user=actor,
        data={"thread": post.thread_id},
    )
    return post


# Digests ---------------------------------------------------------------------


@transaction.atomic
def forum_digest_send(*, meeting: Meeting, now: datetime) -> MeetingDigest | None:
    """Email the facilitators one digest of the answers before the meeting.

    Sent at most once per meeting: the digest row records it; a second call
    returns None. Answers are the visible posts in the threads of the meeting's
    session topic written since the edition's previous digest; late answers
    (written after an earlier meeting on the topic) are not preparation.
    """
    meeting = (
        Meeting.objects.select_for_update().select_related("edition").get(pk=meeting.pk)
    )
    if MeetingDigest.objects.filter(meeting=meeting).exists():
        return None
    since = (
        MeetingDigest.objects.filter(
            meeting__edition=meeting.edition,
            meeting__session_topic=meeting.session_topic,
        )
        .order_by("-digested_at")
        .values_list("digested_at", flat=True)
        .first()
    )
    posts = Post.objects.filter(
        thread__edition=meeting.edition,
        thread__session_topic=meeting.session_topic,
        is_hidden=False,
        is_late=False,
        created_at__lte=now,
    )
    if meeting.session_topic_id is None:
        posts = posts.none()
    if since is not None:
        posts = posts.filter(created_at__gt=since)
    post_ids = list(posts.order_by("created_at", "pk").values_list("pk", flat=True))
    recipients = list(meeting.edition.facilitators.values_list("pk", flat=True))
    digest = MeetingDigest.objects.create(
        meeting=meeting,
        digested_at=now,
        post_count=len(post_ids),
        recipient_count=len(recipients) if post_ids else 0,
    )
    if post_ids and recipients:
        meeting_id = meeting.pk
        transaction.on_commit(
            lambda: forum_digest_email_send.enqueue(
                meeting_id=meeting_id, post_ids=post_ids, user_ids=recipients
            ),
            robust=True,
        )
    return digest


# Helpers ---------------------------------------------------------------------


def _body_validate(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Write something first."), code="body_required")
    if len(body) > POST_MAX_LENGTH:
        raise ValidationError(
            _("A post can have at most %(limit)d characters.")
            % {"limit": POST_MAX_LENGTH},
            code="body_too_long",
        )
    return body


def _open_check(*, edition: Edition, now: datetime) -> None:
    if forum_is_read_only(edition=edition, now=now):
        raise ValidationError(
            _("This edition has finished: its forum is kept for reading only."),
            code="edition_finished",
        )


def _after_meeting(*, thread: Thread, now: datetime) -> bool:
    """Whether the meeting the thread prepares has started (answers are late)."""
    meeting = thread_answer_before(thread=thread)
    return meeting is not None and now >= meeting.starts_at


def _member_check(*, user: AbstractBaseUser, edition: Edition) -> None:
    if edition_role_for_user(user=user, edition=edition) is None:
        raise ForumPermissionDenied(
            _("Only members of the edition can do this."), code="not_a_member"
        )


def _moderator_check(*, user: AbstractBaseUser, edition: Edition) -> None:
    if not forum_can_moderate(user=user, edition=edition):
        raise ForumPermissionDenied(
            _("Only the edition's facilitators and coordinators can do this."),
            code="not_a_moderator",
        )
