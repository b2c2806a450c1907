"""A thread's page of posts as plain rows: the forum's most frequent read.

Callers: the API's thread page (api/learning/forum.py), and the rules that
`post_list_for_thread` and `post_page_for_thread` share with it (who reads which
posts, where a cursor starts, the name shown for an author). A page costs a few
indexed queries whatever the thread's length or the page's depth: the thread,
the reader's role in its edition, and the page's posts through the
(thread, created_at, id) index, joined with their authors. No model instance
per post: rows come from `values()`.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet

from learning.core.paging import (
    DEFAULT_PAGE_SIZE,
    CursorPage,
    cursor_decode,
    cursor_encode,
    cursor_moment,
    page_size,
)
from learning.core.types import AnyUser
from learning.enrolments.membership import edition_role_for_user

from ..enums import ThreadMode
from ..models import Post, Thread
from ..permissions import MODERATOR_ROLES
from ..rendering import post_served_html

ROW_FIELDS = (
    "pk",
    "thread_id",
    "author_id",
    "participant_id",
    "quote_id",
    "body_html",
    "body_markdown",
    "cooked_version",
    "language",
    "created_at",
    "edited_at",
    "is_late",
    "is_hidden",
    "erased_at",
    "participant__name",
    "participant__enrolment__organisation__name",
    "author__first_name",
    "author__last_name",
    "author__email",
)


@dataclass(frozen=True)
class ThreadStanding:
    """A thread and where one reader stands in it (`has_posted` is asked only
    where it matters: a "post first" thread read by a non-moderator)."""

    thread: Thread
    can_moderate: bool
    has_posted: bool


@dataclass(frozen=True)
class PostRow:
    """A post as a reader of the thread page sees it (names as on Post)."""

    pk: int
    thread_id: int
    author_id: int
    author_name: str
    # The participant's organisation; None when a facilitator or coordinator wrote.
    organisation: str | None
    is_participant: bool
    quote_id: int | None
    html: str
    language: str
    created_at: datetime
    edited_at: datetime | None
    is_late: bool
    is_hidden: bool
    erased_at: datetime | None
    # How often readers flagged it: for moderators only, else None.
    flag_count: int | None


def author_display_name(*, participant_name: str, author: Any) -> str:
    """The name shown for a post: the participant's, else the user's."""
    if participant_name:
        return participant_name
    return str(author.get_full_name() or author.get_short_name() or author.email)


def posts_readable(
    *,
    posts: QuerySet[Post],
    user: AnyUser | None,
    thread: Thread,
    can_moderate: bool,
    has_posted: bool,
) -> QuerySet[Post]:
    """The posts the reader may read: moderators all of them; others no hidden
    posts but their own, and in "post first" mode only their own until they
    have written one."""
    if can_moderate:
        return posts
    mine = Q(author=user)
    posts = posts.filter(Q(is_hidden=False) | mine)
    if thread.mode == ThreadMode.POST_FIRST and not has_posted:
        posts = posts.filter(mine)
    return posts


def posts_after_cursor(*, posts: QuerySet[Post], cursor: str) -> QuerySet[Post]:
    """The posts after the one the cursor names, in (created_at, id) order; all
    of them for a missing or forged cursor."""
    after = cursor_decode(cursor, 2)
    moment = cursor_moment(after[0]) if after else None
    if after and moment is not None and isinstance(after[1], int):
        posts = posts.filter(
            Q(created_at__gt=moment) | Q(created_at=moment, pk__gt=after[1])
        )
    return posts


def thread_standing_get(*, user: AnyUser | None, pk: int) -> ThreadStanding:
    """The thread when the user belongs to its edition, with their standing in
    it; `DoesNotExist` otherwise. Plain indexed lookups, each cheap to build:
    the thread, the user's role, and whether they have posted only where the
    thread's mode asks."""
    thread = Thread.objects.select_related("edition").get(pk=pk)
    role = edition_role_for_user(user=user, edition=thread.edition)
    if role is None:
        raise Thread.DoesNotExist
    assert user is not None and user.is_authenticated  # noqa: S101 (it has a role)
    can_moderate = role in MODERATOR_ROLES
    has_posted = False
    if thread.mode == ThreadMode.POST_FIRST and not can_moderate:
        has_posted = Post.objects.filter(thread=thread, author=user).exists()
    return ThreadStanding(
        thread=thread, can_moderate=can_moderate, has_posted=has_posted
    )


def post_rows_for_thread(
    *,
    user: AnyUser | None,
    standing: ThreadStanding,
    cursor: str = "",
    limit: int = DEFAULT_PAGE_SIZE,
) -> CursorPage[PostRow]:
    """One page of the thread's readable posts, keyset-paged on (created_at, id),
    as rows: what `post_page_for_thread` reads, at the cost of one query."""
    size = page_size(limit)
    posts = posts_readable(
        posts=Post.objects.filter(thread=standing.thread),
        user=user,
        thread=standing.thread,
        can_moderate=standing.can_moderate,
        has_posted=standing.has_posted,
    )
    posts = posts_after_cursor(posts=posts, cursor=cursor).order_by("created_at", "pk")
    fields = list(ROW_FIELDS)
    if standing.can_moderate:
        posts = posts.annotate(flag_count=Count("flags"))
        fields.append("flag_count")
    names: dict[int, str] = {}
    rows = [_row(values, names) for values in posts.values(*fields)[: size + 1]]
    next_cursor = ""
    if len(rows) > size:
        rows = rows[:size]
        next_cursor = cursor_encode([rows[-1].created_at.isoformat(), rows[-1].pk])
    return CursorPage(items=rows, next_cursor=next_cursor)


def _row(values: dict[str, Any], names: dict[int, str]) -> PostRow:
    """A row of `values()` as a PostRow; `names` keeps the author names made."""
    participant = values["participant_id"] is not None
    name = values["participant__name"] if participant else ""
    if not name:
        name = names.get(values["author_id"]) or _user_name(values)
        names[values["author_id"]] = name
    return PostRow(
        pk=values["pk"],
        thread_id=values["thread_id"],
        author_id=values["author_id"],
        author_name=name,
        organisation=values["participant__enrolment__organisation__name"]
        if participant
        else None,
        is_participant=participant,
        quote_id=values["quote_id"],
        html=post_served_html(
            body_html=values["body_html"],
            body_markdown=values["body_markdown"],
            cooked_version=values["cooked_version"],
            erased_at=values["erased_at"],
        ),
        language=values["language"],
        created_at=values["created_at"],
        edited_at=values["edited_at"],
        is_late=values["is_late"],
        is_hidden=values["is_hidden"],
        erased_at=values["erased_at"],
        flag_count=values.get("flag_count"),
    )


def _user_name(values: dict[str, Any]) -> str:
    # Unsaved: only to ask the user model for its display names.
    author = get_user_model()(
        first_name=values["author__first_name"],
        last_name=values["author__last_name"],
        email=values["author__email"],
    )
    return author_display_name(participant_name="", author=author)
