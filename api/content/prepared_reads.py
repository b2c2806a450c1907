"""The content list's and detail's usual requests, read as prepared rows.

A list with only `?locale=`, `?fallback=`, `?limit=` and `?offset=`, or a detail
with no parameter, is answered from one query compiled once per process and
shape (learning.core.prepared): the same visible_pages, in_language and
with_stored as the full path (api.content.views), read as values, joined with
the stored texts, without building a QuerySet or a page instance per request.
Any other request, and any row the stored texts cannot answer alone (missing,
older than the live revision, without its translations, or with a field
computed per read), goes the full path, which makes and stores what is missing:
both give the same bytes.

Callers: ContentViewSet.list and .retrieve, after DRF has judged the request.
"""

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from django.db.models import QuerySet
from rest_framework.request import Request
from wagtail.models import Page

from cms.core.generation import content_generation_of
from learning.core.prepared import PreparedValues

from ..pagination import ContentPagination, counted
from .queries import hidden_paths, in_language, visible_pages, with_parent_id
from .stored import computed_fields, joined_list, with_fields, with_stored

if TYPE_CHECKING:
    from .views import ContentViewSet

LIST_PARAMS = frozenset({"locale", "fallback", "limit", "offset"})
COLUMNS = (
    "id",
    "locale__language_code",
    "live_revision_id",
    "parent_pk",
    "stored_revision",
    "stored_text",
    "stored_translations",
)
# A shape: (page model, stored shape, "list" or "detail", hidden paths, whether
# a fallback language is asked for). The hidden paths change only with view
# restrictions and programmes' languages, so the shapes of a process stay few.
Shape = tuple[type[Page], str, str, tuple[str, ...], bool]


def _rows_query(
    shape: Shape, *, pk: int = 0, language: str = "", fallback: str = ""
) -> QuerySet[Any]:
    model, stored_shape, kind, hidden, with_fallback = shape
    visible = visible_pages(model, hidden=hidden)
    queryset = with_stored(with_parent_id(visible), shape=stored_shape)
    if kind == "detail":
        return queryset.filter(pk=pk).values(*COLUMNS)
    queryset = in_language(
        queryset,
        language=language,
        fallback=fallback if with_fallback else None,
        visible=visible,
    )
    return queryset.order_by("path").values(*COLUMNS)


_DETAIL = PreparedValues(_rows_query, slots={"pk": int})
_LIST = PreparedValues(_rows_query, slots={"language": str, "fallback": str})


def _own_url(row: dict[str, Any], translations: str) -> str | None:
    """The page's URL from its stored translations (as stored_translations.own_url),
    or None when they do not hold it."""
    own = json.loads(translations).get(row["locale__language_code"])
    if own and own.get("id") == row["id"]:
        return own.get("url")
    return None


def _joined(rows: Iterable[dict[str, Any]], *, language: str | None) -> list | None:
    """The rows' stored texts with the per-request fields (as the full path joins
    them), or None when one of them needs the full path."""
    items = []
    for row in rows:
        text, translations = row["stored_text"], row["stored_translations"]
        if text is None or row["stored_revision"] != row["live_revision_id"]:
            return None
        if text == "":  # a type without this shape: the full path leaves it out
            continue
        url = None if translations is None else _own_url(row, translations)
        if url is None:
            return None
        fields = {
            "url": url,
            "parent_id": row["parent_pk"],
            "fallback": bool(language) and row["locale__language_code"] != language,
        }
        items.append(with_fields(text, fields, translations=translations))
    return items


def _shape(
    view: "ContentViewSet", kind: str, *, generation: int, with_fallback: bool
) -> Shape | None:
    stored_shape = view.stored_shapes[kind == "detail"]
    if computed_fields(view.model, stored_shape):
        return None
    hidden = hidden_paths(generation=generation)
    return (view.model, stored_shape, kind, hidden, with_fallback)


def _generation(request: Request) -> int:
    # Read once per request (api.caching has read it to look the response up).
    return content_generation_of(request._request)["n"]


def detail_text(view: "ContentViewSet", request: Request, *, pk: str) -> str | None:
    """The detail's JSON text when the request is a plain `GET /<id>/` and the
    page's stored texts are current; else None."""
    if request.query_params:
        return None
    generation = _generation(request)
    shape = _shape(view, "detail", generation=generation, with_fallback=False)
    if shape is None:
        return None
    rows = _DETAIL.run(shape=shape, pk=int(pk))
    items = _joined(rows, language=None) if rows else None
    return items[0] if items else None


def _page_rows(
    view: "ContentViewSet",
    request: Request,
    values: dict[str, Any],
    *,
    generation: int,
) -> list[dict[str, Any]]:
    """The requested page's rows, with the view's paginator set as DRF's
    paginate_queryset sets it (the total counted once per generation)."""
    paginator = cast(ContentPagination, view.paginator)  # its pagination_class
    # Never None (default_limit is set), nor 0 (refused as DRF's strict limit).
    limit = paginator.get_limit(request) or paginator.default_limit
    paginator.request = request
    paginator.limit = limit
    paginator.offset = paginator.get_offset(request)
    sql, params = _LIST.statement(**values)
    paginator.count = counted(
        sql, params, lambda: _LIST.count(**values), generation=generation
    )
    paginator.display_page_controls = paginator.count > limit
    if not paginator.count or paginator.offset > paginator.count:
        return []
    return _LIST.run(limit=limit, offset=paginator.offset, **values)


def list_text(
    view: "ContentViewSet", request: Request, *, language: str, fallback: str | None
) -> str | None:
    """The list's JSON text when its only parameters are the language, the
    fallback and paging, and every listed page's stored texts are current;
    else None."""
    if not set(request.query_params) <= LIST_PARAMS:
        return None
    with_fallback = bool(fallback) and fallback != language
    generation = _generation(request)
    shape = _shape(view, "list", generation=generation, with_fallback=with_fallback)
    if shape is None:
        return None
    values = {"shape": shape, "language": language, "fallback": fallback or ""}
    rows = _page_rows(view, request, values, generation=generation)
    items = _joined(rows, language=language if fallback else None)
    if items is None:
        return None
    envelope = view.get_paginated_response([]).data
    return joined_list(envelope, items)
