"""Writes of a forum's posts: replying and editing one's own post.

A reply's followers are emailed through a task once the transaction commits.
"""

from datetime import datetime, timedelta
from typing import cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.core import conf
from learning.core.types import AnyUser, AuthUser
from learning.enrolments.membership import participant_get_for_user

from ..models import Post, Thread
from ..permissions import ForumPermissionDenied
from ..rendering import post_cook
from ..selectors import forum_is_read_only, post_list_for_thread, thread_answer_before
from ..selectors.post_pages import PostRow
from ..tasks import forum_reply_email_send
from .checks import member_check, open_check
from .translations import (
    post_language_choose,
    post_translations_forget,
    post_translations_request_all,
)

POST_MAX_LENGTH = 20_000


def forum_edit_minutes() -> int:
    """How long after writing a post its author may still change it."""
    return conf.forum_edit_minutes()


@transaction.atomic
def post_create(
    *,
    thread: Thread,
    author: AuthUser,
    body: str,
    quote: Post | None = None,
    now: datetime | None = None,
    language: str = "",
) -> Post:
    """Reply in the thread; followers other than the author are emailed.

    A finished edition's forum refuses it; a participant's answer written once
    the thread's meeting has started is kept and marked late. `language` is the
    one the author writes in (the site's language while writing); its HTML is
    cooked now and its translations asked for once the post is committed.
    """
    now = now or timezone.now()
    member_check(user=author, edition=thread.edition)
    thread = (
        Thread.objects.select_for_update().select_related("edition").get(pk=thread.pk)
    )
    open_check(edition=thread.edition, now=now)
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
        language=post_language_choose(author=author, language=language),
    )
    post_cook(post=post)
    post.full_clean()
    post.save()
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=F("reply_count") + 1, last_activity_at=now
    )
    post_id = post.pk
    transaction.on_commit(
        lambda: forum_reply_email_send.enqueue(post_id=post_id), robust=True
    )
    post_translations_request_all(post=post)
    return post


@transaction.atomic
def post_edit(
    *,
    post: Post,
    actor: AuthUser,
    body: str,
    now: datetime | None = None,
    language: str = "",
) -> Post:
    """Change one's own post within the edit window, while the thread is open.

    Its HTML is cooked again and its translations remade; `language`, when
    given, is the one the new text is written in.
    """
    now = now or timezone.now()
    if post.author_id != actor.pk:
        raise ForumPermissionDenied(
            _("Only the author can edit a post."), code="not_the_author"
        )
    member_check(user=actor, edition=post.thread.edition)
    open_check(edition=post.thread.edition, now=now)
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
    if language:
        post.language = post_language_choose(author=actor, language=language)
    post_cook(post=post)
    post.full_clean()
    post.save(
        update_fields=[
            "body_markdown",
            "edited_at",
            "language",
            "body_html",
            "cooked_version",
        ]
    )
    post_translations_forget(post=post)
    post_translations_request_all(post=post)
    return post


def post_edit_deadline(*, post: Post | PostRow) -> datetime:
    """Until when the post's author may still edit it."""
    return post.created_at + timedelta(minutes=forum_edit_minutes())


def thread_takes_edits(*, thread: Thread, now: datetime) -> bool:
    """Whether the thread's posts may still be edited: it is not locked and its
    edition has not finished (the thread page asks once, not once per post)."""
    return not thread.is_locked and not forum_is_read_only(
        edition=thread.edition, now=now
    )


def post_can_edit(
    *,
    post: Post | PostRow,
    user: AnyUser,
    now: datetime,
    thread_open: bool | None = None,
) -> bool:
    """Whether to offer the "edit" button (the service decides again on submit);
    `thread_open` is thread_takes_edits, when the caller has asked it already."""
    if thread_open is None:
        thread_open = thread_takes_edits(thread=cast(Post, post).thread, now=now)
    return (
        post.author_id == user.pk
        and not post.is_hidden
        and now <= post_edit_deadline(post=post)
        and thread_open
    )


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


def _after_meeting(*, thread: Thread, now: datetime) -> bool:
    """Whether the meeting the thread prepares has started (answers are late)."""
    meeting = thread_answer_before(thread=thread)
    return meeting is not None and now >= meeting.starts_at
