"""A thread's page of posts as plain rows: the forum's most frequent read.

Callers: the API's thread page (api/learning/forum.py), and the rules that
`post_list_for_thread` and `post_page_for_thread` share with it (who reads which
posts, where a cursor starts, the name shown for an author). A page costs two
indexed queries whatever the thread's length or the page's depth: the thread
with the reader's role in its edition, and the page's posts through the
(thread, created_at, id) index, joined with their authors. No model instance
per post: rows come from `values()`. Both queries are written with the ORM and
compiled once per process and shape (learning/core/prepared.py): building them
cost several times what the database does.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, Exists, OuterRef, Q, QuerySet, Value, When

from learning.core.paging import (
    DEFAULT_PAGE_SIZE,
    CursorPage,
    cursor_decode,
    cursor_encode,
    cursor_moment,
    page_size,
)
from learning.core.prepared import (
    PreparedValues,
    instance_from_values,
    model_columns,
)
from learning.core.types import AnyUser
from learning.editions.models import Edition
from learning.enrolments.membership import (
    ROLE_FLAGS,
    edition_role_flags,
    edition_role_from_flags,
)

from ..enums import ThreadMode
from ..models import Post, Thread
from ..permissions import MODERATOR_ROLES
from ..rendering import post_served_html

# A page without a cursor does not compare dates: any value fills the slot.
_NO_MOMENT = datetime(2000, 1, 1, tzinfo=UTC)

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
    return _readable(
        posts,
        author=user,
        can_moderate=can_moderate,
        only_own=_only_own(thread=thread, has_posted=has_posted),
    )


def _only_own(*, thread: Thread, has_posted: bool) -> bool:
    # "Post first": a reader sees only their own posts until they have written one.
    return thread.mode == ThreadMode.POST_FIRST and not has_posted


def _readable(
    posts: QuerySet[Post], *, author: Any, can_moderate: bool, only_own: bool
) -> QuerySet[Post]:
    if can_moderate:
        return posts
    mine = Q(author=author)
    posts = posts.filter(Q(is_hidden=False) | mine)
    return posts.filter(mine) if only_own else posts


def posts_after_cursor(*, posts: QuerySet[Post], cursor: str) -> QuerySet[Post]:
    """The posts after the one the cursor names, in (created_at, id) order; all
    of them for a missing or forged cursor."""
    position = _cursor_position(cursor)
    if position is None:
        return posts
    return _after(posts, moment=position[0], pk=position[1])


def _cursor_position(cursor: str) -> tuple[datetime, int] | None:
    """The (created_at, id) a cursor names; None for a missing or forged one."""
    after = cursor_decode(cursor, 2)
    moment = cursor_moment(after[0]) if after else None
    if after and moment is not None and isinstance(after[1], int):
        return moment, after[1]
    return None


def _after(posts: QuerySet[Post], *, moment: Any, pk: Any) -> QuerySet[Post]:
    # `created_at >= moment` on its own is a range the keyset index (thread,
    # created_at, id) seeks to; SQLite does not seek on the OR alone and walked
    # the thread from its first post, so a late page cost more than the first.
    after = Q(created_at__gt=moment) | Q(created_at=moment, pk__gt=pk)
    return posts.filter(created_at__gte=moment).filter(after)


def _standing_query(
    is_superuser: bool, *, user: int, thread: int
) -> QuerySet[Thread, dict[str, Any]]:
    """The thread, its edition, the user's roles in that edition and, in a
    "post first" thread only, whether they have posted."""
    roles = edition_role_flags(
        user_id=user, is_superuser=is_superuser, edition=OuterRef("edition_id")
    )
    posted = Exists(Post.objects.filter(thread=OuterRef("pk"), author=user))
    # CASE: the EXISTS is evaluated only where the mode asks for it.
    mode_asks = When(mode=ThreadMode.POST_FIRST, then=posted)
    rows: QuerySet[Thread, dict[str, Any]] = (
        Thread.objects.filter(pk=thread)
        .annotate(**roles, has_posted=Case(mode_asks, default=Value(False)))
        .values(*_THREAD_COLUMNS, *_EDITION_COLUMNS, *ROLE_FLAGS, "has_posted")
    )
    return rows


_THREAD_COLUMNS = model_columns(Thread)
_EDITION_COLUMNS = model_columns(Edition, prefix="edition__")
_STANDING = PreparedValues(_standing_query, slots={"user": int, "thread": int})


def thread_standing_get(*, user: AnyUser | None, pk: int) -> ThreadStanding:
    """The thread when the user belongs to its edition, with their standing in
    it; `DoesNotExist` otherwise. One query, compiled once per process."""
    if user is None or not user.is_authenticated or not user.is_active:
        raise Thread.DoesNotExist
    rows = _STANDING.run(shape=user.is_superuser, user=user.pk, thread=pk)
    role = edition_role_from_flags(user=user, flags=rows[0]) if rows else None
    if role is None:
        raise Thread.DoesNotExist
    thread = instance_from_values(Thread, rows[0])
    thread.edition = instance_from_values(Edition, rows[0], prefix="edition__")
    return ThreadStanding(
        thread=thread,
        can_moderate=role in MODERATOR_ROLES,
        has_posted=rows[0]["has_posted"],
    )


def _page_query(
    shape: tuple[bool, bool, bool, int],
    *,
    user: int,
    thread: int,
    moment: datetime,
    after: int,
) -> QuerySet[Post, dict[str, Any]]:
    """A page of `size` + 1 readable posts (one more says there is a next page)."""
    can_moderate, only_own, has_cursor, size = shape
    posts = _readable(
        Post.objects.filter(thread=thread),
        author=user,
        can_moderate=can_moderate,
        only_own=only_own,
    )
    if has_cursor:
        posts = _after(posts, moment=moment, pk=after)
    fields = list(ROW_FIELDS)
    if can_moderate:
        posts = posts.annotate(flag_count=Count("flags"))
        fields.append("flag_count")
    rows: QuerySet[Post, dict[str, Any]] = posts.order_by("created_at", "pk").values(
        *fields
    )
    return rows[: size + 1]


_PAGE = PreparedValues(
    _page_query, slots={"user": int, "thread": int, "moment": datetime, "after": int}
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
    thread = standing.thread
    position = _cursor_position(cursor)
    only_own = _only_own(thread=thread, has_posted=standing.has_posted)
    shape = (standing.can_moderate, only_own, position is not None, size)
    moment, after = position or (_NO_MOMENT, 0)
    names: dict[int, str] = {}
    rows = [
        _row(values, names)
        for values in _PAGE.run(
            shape=shape,
            user=getattr(user, "pk", None),
            thread=thread.pk,
            moment=moment,
            after=after,
        )
    ]
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
