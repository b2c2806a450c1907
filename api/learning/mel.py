"""MEL indicators of editions: the same selectors as the admin dashboard and its
exports (learning.mel.indicators), so the numbers agree everywhere.

Who may call: coordinators (every edition) and facilitators (their editions),
signed in or with a personal token; an app whose key carries `mel:read` (every
edition). Others get an empty list and 404 for an edition. Figures only: no
names, no answers' text.
"""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from learning.core.conf import mel_min_group
from learning.editions.models import Edition
from learning.mel.indicators import Filters, edition_report, mel_edition_list_for_user

from ..authentication import ClientPrincipal
from ..permissions import MelRead
from . import serializers_mel as s

TAGS = ["mel"]


def editions_for(request: Request) -> QuerySet[Edition]:
    """The editions the caller may read: all for an app's key with `mel:read`."""
    # DRF's stubs know people only; an app's key signs in as a ClientPrincipal.
    caller: object = request.user
    if isinstance(caller, ClientPrincipal):
        return Edition.objects.select_related("programme").order_by("-starts_on", "pk")
    return mel_edition_list_for_user(user=request.user)


class MelEditionListView(APIView):
    """The editions whose indicators the caller may read, newest first."""

    permission_classes = [MelRead]

    @extend_schema(tags=TAGS, responses=s.MelEditionSerializer(many=True))
    def get(self, request: Request) -> Response:
        editions = editions_for(request)
        return Response(s.MelEditionSerializer(editions, many=True).data)


FILTER_PARAMETERS = [
    OpenApiParameter("module", int, description="Only this module's meetings."),
    OpenApiParameter("organisation", int, description="Only this organisation."),
    OpenApiParameter(
        "language", str, description="Answers given in this language (en, es, fr)."
    ),
]


class MelEditionIndicatorsView(APIView):
    """Every indicator of one edition, by edition, module, meeting, organisation
    and question, under the optional filters."""

    permission_classes = [MelRead]

    @extend_schema(
        tags=TAGS, parameters=FILTER_PARAMETERS, responses=s.ReportSerializer
    )
    def get(self, request: Request, pk: int) -> Response:
        edition = editions_for(request).filter(pk=pk).first()
        if edition is None:
            raise exceptions.NotFound()
        report = edition_report(edition=edition, filters=_filters(request))
        body: dict[str, Any] = {
            "edition": edition,
            "minimum_group": mel_min_group(),
            "indicators": report.indicators,
        }
        return Response(s.ReportSerializer(body).data)


def _filters(request: Request) -> Filters:
    data = s.FiltersSerializer(data=request.query_params)
    data.is_valid(raise_exception=True)
    values = data.validated_data
    return Filters(
        module_id=values.get("module"),
        organisation_id=values.get("organisation"),
        language=values.get("language") or None,
    )
