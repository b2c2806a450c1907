"""The thread page's posts as JSON, built from the forum's rows.

The thread page is the forum's most frequent read, so its posts skip DRF's
per-field machinery: each row becomes the dict PostSerializer documents (the
OpenAPI schema still names PostPageSerializer, and a test holds both shapes
equal). Single posts (a reply, an edit) still go through PostSerializer.
"""

from datetime import datetime
from typing import Any

from learning.core.types import AnyUser
from learning.forum.selectors.post_pages import PostRow
from learning.forum.services import post_can_edit, post_edit_deadline

from .serializers_fields import utc_iso


def post_rows_data(
    rows: list[PostRow],
    *,
    user: AnyUser,
    now: datetime,
    thread_open: bool,
    translations: dict[int, dict[str, str]],
) -> list[dict[str, Any]]:
    """The rows as PostSerializer would answer them, for this reader."""
    return [
        {
            "id": row.pk,
            "thread": row.thread_id,
            "author": {
                "name": row.author_name,
                "organisation": row.organisation,
                "is_participant": row.is_participant,
            },
            "quote": row.quote_id,
            "body_html": row.html,
            "language": row.language,
            "translations": translations.get(row.pk, {}),
            "created_at": utc_iso(row.created_at),
            "edited_at": utc_iso(row.edited_at) if row.edited_at else None,
            "is_late": row.is_late,
            "is_hidden": row.is_hidden,
            "is_own": row.author_id == user.pk,
            "can_edit": post_can_edit(
                post=row, user=user, now=now, thread_open=thread_open
            ),
            "editable_until": utc_iso(post_edit_deadline(post=row)),
            "flag_count": row.flag_count,
        }
        for row in rows
    ]
