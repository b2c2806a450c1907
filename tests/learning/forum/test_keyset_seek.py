"""A thread's late page costs what its first page costs: the page query seeks
in the keyset index (thread, created_at, id) to the cursor instead of walking
the thread from its first post. Measured as work, not time: SQLite's virtual
machine steps, or PostgreSQL's rows read by the posts' scan."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from learning.forum.models import Post
from learning.forum.selectors.post_pages import _page_query
from tests.factories.forum import ThreadFactory

POSTS = 2000


def _thread_of(world, count: int):
    thread = ThreadFactory(edition=world.edition_a, reply_count=count)
    start = timezone.now() - timedelta(days=2)
    Post.objects.bulk_create(
        Post(
            thread=thread,
            author=world.participant_a.user,
            participant=world.participant_a,
            body_markdown=f"Answer {number}",
            body_html=f"<p>Answer {number}</p>",
            created_at=start + timedelta(seconds=number),
        )
        for number in range(count)
    )
    return thread


def _sqlite_steps(queryset) -> int:
    sql, params = queryset.query.sql_with_params()
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0  # go on

    raw = connection.connection
    raw.set_progress_handler(count, 10)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()
    finally:
        raw.set_progress_handler(None, 0)
    return steps[0]


def _postgres_rows_read(queryset) -> int:
    def rows(node: dict) -> int:
        own = 0
        if node.get("Relation Name") == "forum_post":
            own = node.get("Actual Rows", 0) + node.get("Rows Removed by Filter", 0)
        return own + sum(rows(child) for child in node.get("Plans", []))

    import json

    plan = json.loads(queryset.explain(analyze=True, format="json"))
    return rows(plan[0]["Plan"])


def _work(queryset) -> int:
    if connection.vendor == "sqlite":
        return _sqlite_steps(queryset)
    return _postgres_rows_read(queryset)


@pytest.mark.django_db
def test_the_last_page_of_a_long_thread_reads_no_more_than_the_first(world):
    thread = _thread_of(world, POSTS)
    ordered = list(
        Post.objects.filter(thread=thread)
        .order_by("created_at", "pk")
        .values_list("created_at", "pk")
    )
    reader = world.participant_a.user.pk

    def page(position: int | None):
        moment, after = ordered[position] if position is not None else (None, 0)
        shape = (False, False, position is not None, 20)
        return _page_query(
            shape, user=reader, thread=thread.pk, moment=moment, after=after
        )

    first, last = page(None), page(POSTS - 21)

    assert len(list(last)) == 20
    assert _work(last) <= 2 * _work(first) + 20
