"""Reads of an edition's forum, every one scoped by membership.

Callers: the forum's site views (views/), the digest command, the API and the
moderation queue's reads (.moderation). A user who is not a member of a
thread's edition gets `DoesNotExist` (the views turn it into a 404), so nobody
can confirm another edition's threads.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from wagtail.models import Locale

from learning.catalogue.models import SessionTopicPage
from learning.core.paging import (
    DEFAULT_PAGE_SIZE,
    CursorPage,
    cursor_decode,
    cursor_encode,
    cursor_moment,
    page_size,
)
from learning.core.types import AnyUser
from learning.editions.enums import EditionStatus
from learning.editions.models import Edition, Meeting
from learning.editions.selectors import edition_status_compute
from learning.enrolments.membership import edition_list_for_member

from ..enums import ThreadMode
from ..models import Post, Thread, ThreadFollow
from ..permissions import forum_can_moderate
from .deadlines import (
    ORDER_ACTIVITY,
    ORDER_DEADLINE,
    ORDERINGS,
    SCOPE_ALL,
    SCOPE_MINE,
    SCOPES,
    thread_list_by_deadline,
    thread_listing_defaults,
    thread_page_ordered,
    thread_scope_to_modules,
)
from .post_pages import author_display_name, posts_after_cursor, posts_readable


@dataclass(frozen=True)
class ThreadView:
    """A thread as one reader sees it: the question in their language, the deadline."""

    thread: Thread
    title: str
    answer_before: Meeting | None
    # The session topic's title in the reader's language; empty without a topic.
    topic_title: str = ""
    is_read_only: bool = False


def forum_is_read_only(*, edition: Edition, now: datetime | None = None) -> bool:
    """Whether the edition has finished, so its forum is kept for reading only.

    Callers: the forum's services (they refuse posts and edits), thread_views and
    post_can_edit (the site and the API hide the reply form and edit links).
    """
    # Places never decide whether an edition has finished: no count is needed.
    status = edition_status_compute(
        edition=edition, places_taken=0, now=now or timezone.now()
    )
    return status == EditionStatus.FINISHED


def thread_list_for_user(
    *, user: AnyUser | None, edition: Edition | None = None
) -> QuerySet[Thread]:
    """Threads of the editions the user belongs to, pinned first, latest activity."""
    threads = Thread.objects.filter(edition__in=edition_list_for_member(user=user))
    if edition is not None:
        threads = threads.filter(edition=edition)
    return threads.select_related("edition", "session_topic").order_by(
        "-is_pinned", "-last_activity_at", "-pk"
    )


def thread_get_for_user(*, user: AnyUser | None, pk: int) -> Thread:
    """The thread when the user belongs to its edition; `DoesNotExist` otherwise."""
    return thread_list_for_user(user=user).get(pk=pk)


def thread_page_for_user(
    *,
    user: AnyUser | None,
    edition: Edition,
    cursor: str = "",
    limit: int = DEFAULT_PAGE_SIZE,
    language: str = "",
) -> CursorPage[ThreadView]:
    """One page of the edition's threads, keyset-paged on (pinned, activity, id)."""
    size = page_size(limit)
    threads = thread_list_for_user(user=user, edition=edition)
    after = cursor_decode(cursor, 3)
    moment = cursor_moment(after[1]) if after else None
    if after and moment is not None and isinstance(after[2], int):
        pinned = bool(after[0])
        later = Q(is_pinned=pinned, last_activity_at=moment, pk__lt=after[2])
        older = Q(is_pinned=pinned, last_activity_at__lt=moment)
        unpinned = Q(is_pinned=False) if pinned else Q(pk__in=[])
        threads = threads.filter(later | older | unpinned)
    rows = list(threads[: size + 1])
    next_cursor = ""
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        next_cursor = cursor_encode(
            [last.is_pinned, last.last_activity_at.isoformat(), last.pk]
        )
    return CursorPage(
        items=thread_views(threads=rows, language=language), next_cursor=next_cursor
    )


def thread_page_for_reader(
    *,
    user: AnyUser | None,
    edition: Edition,
    ordering: str = "",
    scope: str = "",
    cursor: str = "",
    limit: int = DEFAULT_PAGE_SIZE,
    language: str = "",
    now: datetime | None = None,
) -> CursorPage[ThreadView]:
    """One page of threads in the order and scope asked, else the reader's default.

    `ordering` is "deadline" or "activity", `scope` "mine" (the modules the
    reader's organisation chose) or "all"; see `.deadlines`. `extra` says which
    were applied.
    """
    defaults = thread_listing_defaults(user=user, edition=edition)
    default_ordering, default_scope = defaults
    ordering = ordering if ordering in ORDERINGS else default_ordering
    scope = scope if scope in SCOPES else default_scope
    applied = {"ordering": ordering, "scope": scope}
    if ordering == ORDER_ACTIVITY and scope == SCOPE_ALL:
        page = thread_page_for_user(
            user=user, edition=edition, cursor=cursor, limit=limit, language=language
        )
        page.extra.update(applied)
        return page
    threads = thread_list_for_user(user=user, edition=edition)
    if scope == SCOPE_MINE:
        threads = thread_scope_to_modules(threads=threads, user=user, edition=edition)
    if ordering == ORDER_DEADLINE:
        threads = thread_list_by_deadline(threads=threads, now=now or timezone.now())
    rows = thread_page_ordered(threads=threads, cursor=cursor, limit=limit)
    return CursorPage(
        items=thread_views(threads=rows.items, language=language),
        next_cursor=rows.next_cursor,
        extra=applied,
    )


def thread_views(*, threads: list[Thread], language: str = "") -> list[ThreadView]:
    """The threads with their question in `language` and the meeting they precede."""
    if not threads:
        return []
    pages = _topic_pages(threads=threads, language=language)
    titles = _question_titles(threads=threads, pages=pages)
    meetings = _meetings_by_topic(threads=threads)
    now = timezone.now()
    return [
        ThreadView(
            thread=thread,
            title=titles.get(thread.pk, thread.title),
            answer_before=meetings.get((thread.edition_id, thread.session_topic_id)),
            topic_title=getattr(pages.get(thread.session_topic_id), "title", ""),
            is_read_only=forum_is_read_only(edition=thread.edition, now=now),
        )
        for thread in threads
    ]


def thread_answer_before(*, thread: Thread) -> Meeting | None:
    """The meeting the thread's question prepares: the first on its session topic."""
    return _meetings_by_topic(threads=[thread]).get(
        (thread.edition_id, thread.session_topic_id)
    )


def _meetings_by_topic(
    *, threads: list[Thread]
) -> dict[tuple[int, int | None], Meeting]:
    """The first meeting of each (edition, session topic) of the threads."""
    topic_ids = {t.session_topic_id for t in threads if t.session_topic_id}
    edition_ids = {t.edition_id for t in threads}
    found: dict[tuple[int, int | None], Meeting] = {}
    if not topic_ids:
        return found
    meetings = Meeting.objects.filter(
        edition_id__in=edition_ids, session_topic_id__in=topic_ids
    ).order_by("starts_at", "pk")
    for meeting in meetings:
        found.setdefault((meeting.edition_id, meeting.session_topic_id), meeting)
    return found


def _topic_pages(
    *, threads: list[Thread], language: str
) -> dict[int | None, SessionTopicPage]:
    """Session topic id → its page in `language`, where translated, else itself
    (keyed as a thread's `session_topic_id`, which is None without a topic)."""
    topics: dict[int | None, SessionTopicPage] = {
        topic.pk: topic for t in threads if (topic := t.session_topic) is not None
    }
    if not topics:
        return {}
    locale = Locale.objects.filter(language_code=language).first() if language else None
    pages = dict(topics)
    if locale is not None:
        translation_keys = {page.translation_key for page in topics.values()}
        translated = SessionTopicPage.objects.filter(
            translation_key__in=translation_keys, locale=locale
        )
        by_key = {page.translation_key: page for page in translated}
        for topic_id, page in topics.items():
            pages[topic_id] = by_key.get(page.translation_key, page)
    return pages


def _question_titles(
    *, threads: list[Thread], pages: dict[int | None, SessionTopicPage]
) -> dict[int, str]:
    """Thread id → its question read from its topic's page in the reader's language."""
    questions: dict[int | None, dict[str, str]] = {
        topic_id: {
            block.id: str(block.value)
            for block in page.forum_questions
            if block.block_type == "question"
        }
        for topic_id, page in pages.items()
    }
    titles: dict[int, str] = {}
    for thread in threads:
        text = questions.get(thread.session_topic_id, {}).get(thread.question_key)
        if text:
            titles[thread.pk] = text
    return titles


def post_list_for_thread(*, user: AnyUser | None, thread: Thread) -> QuerySet[Post]:
    """The thread's posts the user may read, oldest first.

    Moderators read every post, hidden ones included. Others do not see hidden
    posts (except their own), and in "post first" mode see only their own posts
    until they have written one.
    """
    posts = Post.objects.filter(thread=thread).select_related(
        "author", "participant__enrolment__organisation", "quote__author"
    )
    if forum_can_moderate(user=user, edition=thread.edition):
        # Moderators see how often each post was flagged.
        return posts.annotate(flag_count=Count("flags")).order_by("created_at", "pk")
    has_posted = thread.mode == ThreadMode.POST_FIRST and thread_user_has_posted(
        user=user, thread=thread
    )
    posts = posts_readable(
        posts=posts, user=user, thread=thread, can_moderate=False, has_posted=has_posted
    )
    return posts.order_by("created_at", "pk")


def thread_user_has_posted(*, user: AnyUser | None, thread: Thread) -> bool:
    """Whether the user has written a post in the thread."""
    if user is None or not user.is_authenticated:
        return False
    return Post.objects.filter(thread=thread, author=user).exists()


def post_page_for_thread(
    *,
    user: AnyUser | None,
    thread: Thread,
    cursor: str = "",
    limit: int = DEFAULT_PAGE_SIZE,
) -> CursorPage[Post]:
    """One page of the thread's readable posts, keyset-paged on (created_at, id).

    A deep page costs what the first does: the cursor names the last post shown,
    and the next page starts right after it through the (thread, created_at, id)
    index, without counting or skipping rows.
    """
    size = page_size(limit)
    posts = post_list_for_thread(user=user, thread=thread)
    posts = posts_after_cursor(posts=posts, cursor=cursor)
    rows = list(posts[: size + 1])
    for row in rows:
        row.thread = thread  # spares a query per post that reads its thread
    next_cursor = ""
    if len(rows) > size:
        rows = rows[:size]
        next_cursor = cursor_encode([rows[-1].created_at.isoformat(), rows[-1].pk])
    return CursorPage(items=rows, next_cursor=next_cursor)


def post_get_for_user(*, user: AnyUser | None, pk: int) -> Post:
    """A post the user may read; `DoesNotExist` otherwise (another edition, hidden)."""
    post = Post.objects.select_related("thread__edition", "author").get(
        pk=pk, thread__edition__in=edition_list_for_member(user=user)
    )
    readable = post_list_for_thread(user=user, thread=post.thread)
    if not readable.filter(pk=post.pk).exists():
        raise Post.DoesNotExist
    return post


def thread_is_followed(*, user: AnyUser | None, thread: Thread) -> bool:
    """Whether the user follows the thread."""
    if user is None or not user.is_authenticated:
        return False
    return ThreadFollow.objects.filter(thread=thread, user=user).exists()


def meeting_digest_due_list(*, now: datetime, hours: int) -> QuerySet[Meeting]:
    """Meetings on a session topic starting within `hours` whose digest is unsent."""
    return (
        Meeting.objects.filter(
            starts_at__gt=now,
            starts_at__lte=now + timedelta(hours=hours),
            session_topic__isnull=False,
            forum_digest__isnull=True,
        )
        .select_related("edition", "session_topic")
        .order_by("starts_at", "pk")
    )


def post_author_name(*, post: Post) -> str:
    """The name shown for a post: the participant's, else the user's."""
    participant = post.participant if post.participant_id else None
    return author_display_name(
        participant_name=participant.name if participant else "", author=post.author
    )


def post_cursor_at(*, post: Post) -> str:
    """A cursor whose page starts with `post` (to show a new reply after posting)."""
    return cursor_encode([post.created_at.isoformat(), post.pk - 1])
