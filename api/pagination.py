"""Limit/offset paging for lists: at most 100 items a page; an offset past any
list the database could hold is treated as the end of the list."""

from rest_framework.pagination import LimitOffsetPagination

MAX_OFFSET = 2**31 - 1


class ApiPagination(LimitOffsetPagination):
    default_limit = 20
    max_limit = 100

    def get_offset(self, request):
        return min(super().get_offset(request), MAX_OFFSET)
