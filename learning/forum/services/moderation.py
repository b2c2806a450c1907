"""Moderation of a forum's posts: flags by readers, hiding, restoring, dismissing.

Each is logged in Wagtail's audit log with its actor. Hiding a post or dismissing
its flags reviews them: they leave the moderation queue (see selectors).
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from learning.core.types import AuthUser

from ..enums import FlagReason
from ..models import Post, PostFlag, Thread
from .checks import member_check, moderator_check


@transaction.atomic
def post_flag(
    *, post: Post, user: AuthUser, reason: str = FlagReason.OTHER
) -> PostFlag:
    """Report a post to the edition's facilitators; once per reader and post."""
    member_check(user=user, edition=post.thread.edition)
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
def post_hide(*, post: Post, actor: AuthUser, now: datetime | None = None) -> Post:
    """Hide a post from the edition's participants (it stays for moderators)."""
    moderator_check(user=actor, edition=post.thread.edition)
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.is_hidden:
        return post
    post.is_hidden = True
    post.hidden_at = now or timezone.now()
    post.hidden_by = actor
    post.save(update_fields=["is_hidden", "hidden_at", "hidden_by"])
    Thread.objects.filter(pk=post.thread_id).update(reply_count=F("reply_count") - 1)
    reviewed = _flags_review(post=post, now=post.hidden_at)
    log(
        instance=post,
        action="forum.hide",
        user=actor,
        data={"thread": post.thread_id, "flags_reviewed": reviewed},
    )
    return post


@transaction.atomic
def post_restore(*, post: Post, actor: AuthUser) -> Post:
    """Show a hidden post again."""
    moderator_check(user=actor, edition=post.thread.edition)
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


@transaction.atomic
def post_flags_dismiss(
    *, post: Post, actor: AuthUser, now: datetime | None = None
) -> int:
    """Close the post's waiting flags, leaving it as it is; returns how many.

    Flags stay stored (who reported what); a reader who flagged the post cannot
    flag it again. Dismissing a post with no waiting flag changes nothing.
    """
    moderator_check(user=actor, edition=post.thread.edition)
    post = Post.objects.select_for_update().get(pk=post.pk)
    reviewed = _flags_review(post=post, now=now or timezone.now())
    if reviewed:
        log(
            instance=post,
            action="forum.dismiss",
            user=actor,
            data={"thread": post.thread_id, "flags_reviewed": reviewed},
        )
    return reviewed


def _flags_review(*, post: Post, now: datetime | None) -> int:
    return PostFlag.objects.filter(post=post, reviewed_at__isnull=True).update(
        reviewed_at=now or timezone.now()
    )
