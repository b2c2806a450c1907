"""The thread list in "answer before" order, scoped to the reader's modules.

Callers: the forum's thread list page (views/reading.py) and the API's thread
list (`ordering=deadline`). Participants read, by default, the threads of the
modules their organisation chose, the nearest upcoming deadline first, then the
threads of past meetings (most recent first), then free-standing threads;
facilitators and coordinators keep every thread, latest activity first.
"""

from datetime import datetime

from django.db.models import (
    Case,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models import Value as V
from django.db.models.functions import Substr

from learning.core.paging import (
    DEFAULT_PAGE_SIZE,
    CursorPage,
    cursor_decode,
    cursor_encode,
    page_size,
)
from learning.core.types import AnyUser
from learning.editions.models import Edition, Meeting
from learning.participants.selectors import participant_module_paths

from ..models import Thread
from ..permissions import forum_can_moderate

ORDER_DEADLINE = "deadline"
ORDER_ACTIVITY = "activity"
ORDERINGS = (ORDER_DEADLINE, ORDER_ACTIVITY)
SCOPE_MINE = "mine"
SCOPE_ALL = "all"
SCOPES = (SCOPE_MINE, SCOPE_ALL)


def thread_listing_defaults(
    *, user: AnyUser | None, edition: Edition
) -> tuple[str, str]:
    """The reader's default (ordering, scope): participants prepare, staff oversee."""
    if forum_can_moderate(user=user, edition=edition):
        return ORDER_ACTIVITY, SCOPE_ALL
    return ORDER_DEADLINE, SCOPE_MINE


def thread_list_by_deadline(
    *,
    threads: QuerySet[Thread],
    now: datetime,
) -> QuerySet[Thread]:
    """The threads, pinned first, then upcoming deadlines, past ones, the rest.

    `answer_before_at` is annotated: the start of the edition's first meeting on
    the thread's session topic (the forum's "answer before" rule).
    """
    first_meeting = Meeting.objects.filter(
        edition_id=OuterRef("edition_id"), session_topic_id=OuterRef("session_topic_id")
    ).order_by("starts_at", "pk")
    threads = threads.annotate(
        answer_before_at=Subquery(first_meeting.values("starts_at")[:1]),
    ).annotate(
        deadline_group=Case(
            When(is_pinned=True, then=V(0)),
            When(answer_before_at__gt=now, then=V(1)),
            When(answer_before_at__isnull=False, then=V(2)),
            default=V(3),
            output_field=IntegerField(),
        )
    )
    upcoming = Case(When(deadline_group=1, then=F("answer_before_at")))
    past = Case(When(deadline_group=2, then=F("answer_before_at")))
    return threads.order_by(
        "deadline_group",
        upcoming.asc(nulls_last=True),
        past.desc(nulls_last=True),
        "-last_activity_at",
        "-pk",
    )


def thread_scope_to_modules(
    *, threads: QuerySet[Thread], user: AnyUser | None, edition: Edition
) -> QuerySet[Thread]:
    """Threads of the modules the user's organisation chose, and free-standing ones;
    all threads when no module is on record."""
    paths = participant_module_paths(edition=edition, user=user)
    if not paths:
        # No modules on record (staff, or an enrolment made without them):
        # hiding every question would leave nothing to answer, so keep them all.
        return threads
    # A module's topics sit right under it: the topic's path starts with the
    # module's, and the modules of one programme share a depth.
    length = len(next(iter(paths)))
    return threads.annotate(
        module_path=Substr("session_topic__path", 1, length)
    ).filter(Q(session_topic__isnull=True) | Q(module_path__in=paths))


def thread_page_ordered(
    *,
    threads: QuerySet[Thread],
    cursor: str = "",
    limit: int = DEFAULT_PAGE_SIZE,
) -> CursorPage[Thread]:
    """One page of ordered threads; the cursor holds the offset.

    An edition has a few dozen threads (one per session-topic question), so an
    offset costs nothing here, and the computed order has no index to seek on.
    """
    size = page_size(limit)
    after = cursor_decode(cursor, 1)
    offset = after[0] if after and isinstance(after[0], int) and after[0] > 0 else 0
    rows = list(threads[offset : offset + size + 1])
    next_cursor = cursor_encode([offset + size]) if len(rows) > size else ""
    return CursorPage(items=rows[:size], next_cursor=next_cursor)
