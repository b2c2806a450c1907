"""Parts the public learning endpoints share: the id pattern, a titled page,
the programme filter and the idempotency header."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.request import Request

from learning.core.pages import title_localized

from ..idempotency import HEADER

ID = r"[0-9]{1,9}"

IDEMPOTENCY = OpenApiParameter(
    HEADER,
    str,
    OpenApiParameter.HEADER,
    description="Optional. The same key with the same body answers as the first "
    "time; with another body, 422 idempotency_key_reused.",
)


class TitledSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


def programme_data(item, titles: dict) -> dict:
    """The `programme` of an edition or information session, titled in the reader's
    language."""
    return {
        "id": item.programme_id,
        "title": title_localized(page=item.programme, titles=titles),
    }


def programme_param(request: Request) -> str:
    """The `programme` query parameter (a page id), checked; empty when absent."""
    programme = request.query_params.get("programme", "")
    if programme and (not programme.isdigit() or len(programme) > 9):
        raise serializers.ValidationError({"programme": [_("A page id is a number.")]})
    return programme


def programme_filter(queryset: QuerySet, request: Request) -> QuerySet:
    """The queryset narrowed to the `programme` query parameter, when given."""
    programme = programme_param(request)
    return queryset.filter(programme_id=programme) if programme else queryset
