"""Limit/offset paging for lists: at most 100 items a page; an offset past any
list the database could hold is treated as the end of the list."""

import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import QuerySet
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request

if TYPE_CHECKING:
    # rest_framework.generics loads this module (DEFAULT_PAGINATION_CLASS).
    from rest_framework.generics import GenericAPIView
    from rest_framework.views import APIView

MAX_OFFSET = 2**31 - 1

Item = TypeVar("Item")


class ApiPagination(LimitOffsetPagination):
    default_limit = 20
    max_limit = 100

    def get_offset(self, request: Request) -> int:
        return min(super().get_offset(request), MAX_OFFSET)

    def page(
        self,
        items: QuerySet[Any, Item] | Sequence[Item],
        request: Request,
        view: "APIView | None" = None,
    ) -> list[Item]:
        """The requested page of `items` (paginate_queryset answers None only
        without a limit, and default_limit is set)."""
        return list(self.paginate_queryset(items, request, view) or [])


class ContentPagination(ApiPagination):
    """Paging of public content lists (api.content.views): the total is counted
    once per content generation and query, and kept in the cache. Counting is
    the one part of a list page whose cost grows with the site (every page of
    the language is visited; at 20,000 pages per language it cost more than the
    rest of the request, bench/growth.py), and the number changes only with
    what bumps the generation (publish, unpublish, move, view restrictions)."""

    def get_count(self, queryset: QuerySet[Any] | Sequence[Any]) -> int:
        if not isinstance(queryset, QuerySet):
            return len(queryset)
        from django.core.exceptions import EmptyResultSet

        try:
            sql, params = queryset.query.sql_with_params()
        except EmptyResultSet:  # a filter no row can match (e.g. an empty search)
            return 0
        return counted(
            sql, params, lambda: super(ContentPagination, self).get_count(queryset)
        )


def counted(
    sql: str,
    params: Sequence[Any],
    count: Callable[[], int],
    *,
    generation: int | None = None,
) -> int:
    """The number of rows of a content query (its SQL and parameters), counted
    by `count` once per content generation (see ContentPagination);
    `generation`: the request's, when already read."""
    # Imported here: rest_framework.generics loads this module early.
    from django.core.cache import cache

    from cms.core.generation import content_generation

    if generation is None:
        generation = content_generation()["n"]
    digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()
    key = f"api:v1:count:{generation}:{digest}"
    total = cache.get(key)
    if total is None:
        total = count()
        cache.set(key, total, 60 * 60)
    return total


def view_page(
    view: "GenericAPIView[Any]", items: QuerySet[Any, Item] | Sequence[Item]
) -> list[Item]:
    """The requested page of a list view's `items`, with its ApiPagination."""
    return list(view.paginate_queryset(items) or [])
