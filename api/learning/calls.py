"""Calls for proposals: their public fields (theme, guidelines, dates, rubric)
and whether they take proposals now.

Who may call: anyone (a key must carry `learning:read`). Only live calls with
no view restriction, under a live programme, are shown. A proposal, its
reviews, scores and questions are never shown by any endpoint.
"""

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from learning.catalogue.models import ProgrammePage
from learning.catalogue.selectors import page_source_get
from learning.core.pages import title_localized, titles_localized
from learning.proposals.models import CallForProposalsPage
from learning.proposals.selectors import call_is_open, call_rubric

from ..content.queries import request_language, visible_pages, with_parent_id
from ..pagination import ApiPagination
from ..permissions import LearningRead
from . import serializers_calls as s
from .shared import programme_param

TAGS = ["learning"]
ID_PATH = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Call id.")
LOCALE = OpenApiParameter(
    "locale",
    str,
    description="Language of the texts (en, es); defaults to Accept-Language, "
    "then en. A call not translated into it is shown in the default language.",
)
OPEN_CHOICES = {"true": True, "false": False}


@dataclass(frozen=True)
class ListedCall:
    """A call's source page (dates, rubric), the page shown and its programme."""

    source: CallForProposalsPage
    shown: CallForProposalsPage
    programme: ProgrammePage


def _language(request: Request) -> str:
    language = request_language(request)
    if not language:
        raise serializers.ValidationError(
            {"locale": [_("Unknown language.")]}, code="locale_unknown"
        )
    return language


def _open_param(request: Request) -> bool | None:
    asked = request.query_params.get("open", "")
    if asked and asked not in OPEN_CHOICES:
        raise serializers.ValidationError(
            {"open": [_("Choose true or false.")]}, code="invalid_choice"
        )
    return OPEN_CHOICES.get(asked)


def _sources(*, programme_id: str = "") -> QuerySet[CallForProposalsPage]:
    """Visible calls in the default language under a live programme (the one
    of `programme_id`, in any language, when given)."""
    programmes = ProgrammePage.objects.live()
    if programme_id:
        asked = programmes.filter(pk=programme_id).first()
        source = page_source_get(page=asked) if asked else None
        programmes = programmes.filter(pk=source.pk if source else None)
    calls = with_parent_id(
        visible_pages(CallForProposalsPage).filter(
            locale__language_code=settings.LANGUAGE_CODE
        )
    )
    return (
        calls.filter(parent_pk__in=programmes.values("pk"))
        .select_related("locale")
        .order_by("-opens_at", "pk")
    )


def _listed(sources: list[CallForProposalsPage], language: str) -> list[ListedCall]:
    """Each call with its programme and its translation in `language` when
    that is visible (else the call itself)."""
    translations = {
        page.translation_key: page
        for page in visible_pages(CallForProposalsPage)
        .filter(
            translation_key__in=[call.translation_key for call in sources],
            locale__language_code=language,
        )
        .select_related("locale")
    }
    programmes = ProgrammePage.objects.in_bulk([call.parent_pk for call in sources])
    return [
        ListedCall(
            source=call,
            shown=translations.get(call.translation_key, call),
            programme=programmes[call.parent_pk],
        )
        for call in sources
    ]


def _call_data(listed: list[ListedCall], request: Request, now: datetime) -> list:
    titles = titles_localized(pages=[item.programme for item in listed])
    return [_one_call(item, request, now=now, titles=titles) for item in listed]


def _one_call(
    item: ListedCall, request: Request, *, now: datetime, titles: dict
) -> dict:
    source, shown = item.source, item.shown
    return {
        "id": source.pk,
        "page_id": shown.pk,
        "title": shown.title,
        "locale": shown.locale.language_code,
        "url": shown.get_full_url(request),
        "programme": {
            "id": item.programme.pk,
            "title": title_localized(page=item.programme, titles=titles),
        },
        "theme": shown.introduction,
        "guidelines": shown.guidelines,
        "alignment_statement": shown.alignment_statement,
        # A translation never changes the dates: they are the source's.
        "opens_at": source.opens_at,
        "closes_at": source.closes_at,
        "time_zone": source.time_zone,
        "is_open": call_is_open(call=source, now=now),
        "rubric": [
            asdict(criterion) for criterion in call_rubric(call=shown, source=source)
        ],
    }


def _serialized(
    data: dict[str, Any] | list[dict[str, Any]], request: Request, **kwargs: Any
) -> dict | list:
    return s.CallSerializer(data, context={"request": request}, **kwargs).data


class CallListView(APIView):
    """Calls for proposals of live pages, the latest to open first, with their
    texts in the requested language. Anyone; a key needs `learning:read`."""

    permission_classes = [LearningRead]

    @extend_schema(
        tags=TAGS,
        operation_id="calls_list",
        parameters=[
            OpenApiParameter("programme", int, description="Programme page id"),
            OpenApiParameter(
                "open", bool, description="true: taking proposals now; false: not."
            ),
            LOCALE,
            OpenApiParameter("limit", int),
            OpenApiParameter("offset", int),
        ],
        responses={
            200: s.PaginatedCallListSerializer,
            400: OpenApiResponse(description="Invalid filter; `code` says which."),
        },
    )
    def get(self, request: Request) -> Response:
        now, language, wanted = timezone.now(), _language(request), _open_param(request)
        sources = list(_sources(programme_id=programme_param(request)))
        if wanted is not None:
            # Calls are few (one or two a year per programme): filtering them
            # here keeps the rule of an open call in its one selector.
            sources = [c for c in sources if call_is_open(call=c, now=now) is wanted]
        paginator = ApiPagination()
        page = paginator.page(sources, request, view=self)
        with translation.override(language):
            data = _call_data(_listed(page, language), request, now)
        return paginator.get_paginated_response(_serialized(data, request, many=True))


class CallDetailView(APIView):
    """One call for proposals of a live page (by the id the list gives), with
    its texts in the requested language. Anyone; a key needs `learning:read`."""

    permission_classes = [LearningRead]

    @extend_schema(
        tags=TAGS,
        operation_id="calls_retrieve",
        parameters=[ID_PATH, LOCALE],
        responses={
            200: s.CallSerializer,
            400: OpenApiResponse(description="Unknown `locale`; an id out of range."),
            404: OpenApiResponse(description="No such call, or it is not public."),
        },
    )
    def get(self, request: Request, id: int) -> Response:
        language = _language(request)
        source = _sources().filter(pk=id).first()
        if source is None:
            raise exceptions.NotFound()
        with translation.override(language):
            listed = _listed([source], language)
            (data,) = _call_data(listed, request, timezone.now())
        return Response(_serialized(data, request))
