"""Keyset (cursor) paging for the forum, over learning's `CursorPage`.

The selectors page the rows (learning/forum/selectors.py); this module reads
`cursor` and `limit` from the query string and answers `{results, next}`, where
`next` is the absolute address of the following page (null on the last one).
"""

import string
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.utils.urls import replace_query_param

from learning.core.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, CursorPage

CURSOR_MAX_LENGTH = 512

CURSOR_PARAMETERS = [
    OpenApiParameter(
        "cursor",
        str,
        description="Where the page starts: the `next` address carries it. "
        "Absent or not understood: the first page.",
    ),
    OpenApiParameter(
        "limit",
        int,
        description=f"Items per page, 1 to {MAX_PAGE_SIZE} "
        f"(default {DEFAULT_PAGE_SIZE}).",
    ),
]


class CursorQuerySerializer(serializers.Serializer):
    cursor = serializers.CharField(
        required=False, allow_blank=True, max_length=CURSOR_MAX_LENGTH, default=""
    )
    limit = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        default=DEFAULT_PAGE_SIZE,
        error_messages={
            "invalid": _("Give the page size as a whole number."),
        },
    )


def cursor_params(request: Request) -> tuple[str, int]:
    """The (cursor, limit) asked for; 400 when limit is not 1..MAX_PAGE_SIZE."""
    plain = _plain_params(request.query_params)
    if plain is not None:
        return plain
    query = CursorQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.validated_data["cursor"], query.validated_data["limit"]


def _plain_params(params: Any) -> tuple[str, int] | None:
    """The (cursor, limit) when both are plainly valid, as CursorQuerySerializer
    would answer them; None for anything else, which the serializer judges.

    Every page of a long list reads them: this spares the serializer's cost
    (a few hundred microseconds) on the common case."""
    cursor, limit = params.get("cursor", ""), params.get("limit", "")
    # A cursor is base64url: ASCII letters, digits, "-" and "_" only.
    if len(cursor) > CURSOR_MAX_LENGTH or not _URLSAFE.issuperset(cursor):
        return None
    if not limit:
        return cursor, DEFAULT_PAGE_SIZE
    if not (limit.isascii() and limit.isdigit()):
        return None
    size = int(limit)
    return (cursor, size) if 1 <= size <= MAX_PAGE_SIZE else None


_URLSAFE = frozenset(string.ascii_letters + string.digits + "-_")


def cursor_body(
    request: Request, *, page: CursorPage, results: list[Any]
) -> dict[str, Any]:
    """The response body of one page: its results and the next page's address."""
    next_url = None
    if page.next_cursor:
        next_url = replace_query_param(
            request.build_absolute_uri(), "cursor", page.next_cursor
        )
    return {"results": results, "next": next_url}


def cursor_page_serializer(
    item: type[serializers.Serializer], name: str
) -> type[serializers.Serializer]:
    """A serializer class documenting `{results: [item], next}` for the schema."""
    return type(
        name,
        (serializers.Serializer,),
        {
            "results": item(many=True),
            "next": serializers.URLField(
                allow_null=True,
                help_text="The next page's address; null on the last page.",
            ),
            "__doc__": "One page of a cursor-paged list.",
        },
    )
