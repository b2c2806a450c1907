"""Writes of a forum's threads: opening them, their mode, pins, locks and follows."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from learning.catalogue.models import SessionTopicPage
from learning.core.types import AuthUser
from learning.editions.models import Edition, Meeting

from ..enums import ThreadMode
from ..models import Thread, ThreadFollow
from .checks import member_check, moderator_check, open_check


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


@transaction.atomic
def thread_create(
    *,
    edition: Edition,
    title: str,
    actor: AuthUser,
    mode: str = ThreadMode.NORMAL,
) -> Thread:
    """Open a free-standing discussion in the edition, on no session topic.

    Only the edition's facilitators and coordinators may, while it has not
    finished; logged with its author.
    """
    moderator_check(user=actor, edition=edition)
    open_check(edition=edition, now=timezone.now())
    title = (title or "").strip()
    if not title:
        raise ValidationError(_("Give the thread a title."), code="title_required")
    if mode not in ThreadMode.values:
        raise ValidationError(_("Unknown thread mode."), code="invalid_mode")
    thread = Thread(
        edition=edition, title=title, mode=mode, last_activity_at=timezone.now()
    )
    thread.full_clean()
    thread.save()
    log(instance=thread, action="wagtail.create", user=actor)
    return thread


@transaction.atomic
def thread_mode_set(*, thread: Thread, mode: str, actor: AuthUser) -> Thread:
    """Switch between open discussion and "post first, then read others"."""
    moderator_check(user=actor, edition=thread.edition)
    if mode not in ThreadMode.values:
        raise ValidationError(_("Unknown thread mode."), code="invalid_mode")
    thread.mode = mode
    thread.save(update_fields=["mode"])
    log(instance=thread, action="forum.mode", user=actor, data={"mode": mode})
    return thread


def thread_pin(*, thread: Thread, actor: AuthUser, pinned: bool = True) -> Thread:
    """Pin the thread to the top of the forum, or unpin it."""
    return _thread_switch(
        thread=thread, actor=actor, field="is_pinned", on=pinned, verb="pin"
    )


def thread_lock(*, thread: Thread, actor: AuthUser, locked: bool = True) -> Thread:
    """Lock the thread against new posts and edits, or unlock it."""
    return _thread_switch(
        thread=thread, actor=actor, field="is_locked", on=locked, verb="lock"
    )


@transaction.atomic
def _thread_switch(
    *, thread: Thread, actor: AuthUser, field: str, on: bool, verb: str
) -> Thread:
    # Pin and lock are one shape: a moderator switches a flag, logged as
    # forum.<verb> or forum.un<verb>.
    moderator_check(user=actor, edition=thread.edition)
    setattr(thread, field, on)
    thread.save(update_fields=[field])
    log(instance=thread, action=f"forum.{'' if on else 'un'}{verb}", user=actor)
    return thread


def thread_follow(*, thread: Thread, user: AuthUser) -> ThreadFollow:
    """Get the thread's new replies by email."""
    member_check(user=user, edition=thread.edition)
    follow, _created = ThreadFollow.objects.get_or_create(thread=thread, user=user)
    return follow


def thread_unfollow(*, thread: Thread, user: AuthUser) -> None:
    """Stop getting the thread's replies by email."""
    ThreadFollow.objects.filter(thread=thread, user=user).delete()
