"""Reads of the moderation queue: flagged posts of the editions a user runs.

Callers: the admin's Flagged posts queue and its dashboard panel (views_admin.py,
wagtail_hooks.py). Facilitators see the editions they facilitate, coordinators
(and superusers) every edition: the people forum_can_moderate lets moderate.
"""

import html
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils.html import strip_tags
from django.utils.text import Truncator

from learning.core.types import AnyUser
from learning.editions.models import Edition
from learning.enrolments.membership import (
    edition_list_facilitated,
    user_is_coordinator,
)

from ..models import Post, PostFlag
from ..rendering import markdown_render
from . import post_author_name, thread_views

EXCERPT_LENGTH = 200


def edition_list_moderated(*, user: AnyUser | None) -> QuerySet[Edition]:
    """Editions whose forum the user moderates: all for coordinators, else those
    they facilitate (the same people forum_can_moderate lets in), newest first."""
    if user_is_coordinator(user=user):
        return Edition.objects.select_related("programme").order_by("-starts_on", "pk")
    return edition_list_facilitated(user=user)


def post_flagged_list_for_moderator(
    *,
    user: AnyUser | None,
    edition: Edition | None = None,
    waiting: bool = True,
) -> QuerySet[Post]:
    """Flagged posts of the editions the user moderates, latest flag first.

    Callers: the admin's Flagged posts queue. `waiting` keeps the posts with
    flags nobody has reviewed yet; otherwise every flagged post is listed, so a
    hidden one can be restored. Annotates `waiting_count` and `flagged_at`, and
    prefetches `flag_list` (oldest first): a page costs the same for any size.
    """
    posts = Post.objects.filter(
        thread__edition__in=edition_list_moderated(user=user).values("pk")
    )
    if edition is not None:
        posts = posts.filter(thread__edition=edition)
    posts = posts.annotate(
        waiting_count=Count("flags", filter=Q(flags__reviewed_at__isnull=True)),
        flagged_at=Max("flags__created_at"),
    ).filter(flagged_at__isnull=False)
    if waiting:
        posts = posts.filter(waiting_count__gt=0)
    return (
        posts.select_related(
            "thread__edition__programme",
            "thread__session_topic",
            "author",
            "participant__enrolment__organisation",
        )
        .prefetch_related(
            Prefetch(
                "flags",
                queryset=PostFlag.objects.order_by("created_at", "pk"),
                to_attr="flag_list",
            )
        )
        .order_by("-flagged_at", "-pk")
    )


def post_flagged_waiting_count(*, user: AnyUser | None) -> int:
    """How many posts of the user's moderated editions have flags waiting (one query).

    Callers: the admin dashboard's panel.
    """
    return (
        PostFlag.objects.filter(
            reviewed_at__isnull=True,
            post__thread__edition__in=edition_list_moderated(user=user).values("pk"),
        )
        .values("post")
        .distinct()
        .count()
    )


@dataclass(frozen=True)
class FlaggedPostView:
    """A row of the moderation queue: the post, its thread's question in the
    reader's language, its author and the flags (waiting ones, else all)."""

    post: Post
    # Plain text of the rendered post, shortened; the template escapes it.
    excerpt: str
    thread_title: str
    author_name: str
    flag_count: int
    # (reason label, how many) in the order the reasons were first given.
    reasons: list[tuple[str, int]]
    flagged_at: datetime


def flagged_post_views(
    *, posts: list[Post], language: str = "", waiting: bool = True
) -> list[FlaggedPostView]:
    """Rows for a page of `post_flagged_list_for_moderator` (no query per row)."""
    threads = list({post.thread_id: post.thread for post in posts}.values())
    titles = {
        view.thread.pk: view.title
        for view in thread_views(threads=threads, language=language)
    }
    rows = []
    for post in posts:
        flags = [
            flag
            for flag in post.flag_list  # type: ignore[attr-defined]  # prefetched to_attr
            if not waiting or flag.reviewed_at is None
        ]
        reasons = Counter(flag.get_reason_display() for flag in flags)
        rows.append(
            FlaggedPostView(
                post=post,
                excerpt=post_excerpt(post=post),
                thread_title=titles.get(post.thread_id, post.thread.title),
                author_name=post_author_name(post=post),
                flag_count=len(flags),
                reasons=list(reasons.items()),
                flagged_at=post.flagged_at,  # type: ignore[attr-defined]  # annotated by the query
            )
        )
    return rows


def post_excerpt(*, post: Post, length: int = EXCERPT_LENGTH) -> str:
    """The post as plain text (what a reader sees, without markup), shortened."""
    text = html.unescape(strip_tags(markdown_render(text=post.body_markdown)))
    return Truncator(" ".join(text.split())).chars(length)
