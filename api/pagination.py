"""Limit/offset paging for lists: at most 100 items a page; an offset past any
list the database could hold is treated as the end of the list."""

from collections.abc import Sequence
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


def view_page(
    view: "GenericAPIView[Any]", items: QuerySet[Any, Item] | Sequence[Item]
) -> list[Item]:
    """The requested page of a list view's `items`, with its ApiPagination."""
    return list(view.paginate_queryset(items) or [])
