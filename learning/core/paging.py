"""Keyset (cursor) paging: a page of items and an opaque cursor to the next.

Callers: selectors of long lists (the forum's threads and posts) and the API's
pagination, which turns a `CursorPage` into its JSON. A deep page costs what the
first does, because the cursor names the last row shown, not an offset.
"""

import base64
import binascii
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

from django.utils import timezone
from django.utils.dateparse import parse_datetime

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100

T = TypeVar("T")


@dataclass
class CursorPage(Generic[T]):
    """One page of a keyset-paged list; `next_cursor` is empty on the last page."""

    items: list[T]
    next_cursor: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def cursor_encode(values: list[Any]) -> str:
    """An opaque, URL-safe cursor holding the last row's ordering values."""
    raw = json.dumps(values, default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def cursor_decode(cursor: str, length: int) -> list[Any] | None:
    """The cursor's values, or None for a missing or malformed one (first page)."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error):
        return None
    if not isinstance(values, list) or len(values) != length:
        return None
    return values


def cursor_moment(value: Any) -> datetime | None:
    """A cursor's aware datetime value; None for anything else (a forged cursor)."""
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is not None and timezone.is_naive(parsed):
        return None
    return parsed


def page_size(limit: int) -> int:
    """The asked page size, kept within 1..MAX_PAGE_SIZE."""
    return max(1, min(int(limit), MAX_PAGE_SIZE))
