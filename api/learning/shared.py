"""Parts the public learning endpoints share: the id pattern, a titled page,
the programme filter, the idempotency header and the sign-up endpoints' pieces."""

from collections.abc import Mapping
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from learning.core.pages import title_localized
from learning.editions.models import Edition
from learning.infosessions.models import InfoSession

from ..idempotency import HEADER, idempotent
from ..permissions import OpenLearning, PersonLearning

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


def programme_data(
    item: Edition | InfoSession, titles: dict[object, str]
) -> dict[str, Any]:
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


Rows = TypeVar("Rows", bound=QuerySet[Any])


def programme_filter(queryset: Rows, request: Request) -> Rows:
    """The queryset narrowed to the `programme` query parameter, when given."""
    programme = programme_param(request)
    return queryset.filter(programme_id=int(programme)) if programme else queryset


# Sign-ups of people without an account (RSVPs, seminar registrations) ---------

LIST_PAGE = [OpenApiParameter("limit", int), OpenApiParameter("offset", int)]
NOT_COORDINATOR = OpenApiResponse(description="Not a coordinator.")


class SignUpView(APIView):
    """POST signs a person up (`sign_up`): anyone (`OpenLearning`), throttled per
    address by `signup_throttle`, an `Idempotency-Key` honoured for signed-in
    callers; GET lists the sign-ups: signed-in people only (`PersonLearning`;
    the view checks they are coordinators). Subclasses document both methods."""

    signup_throttle: type[BaseThrottle]

    def sign_up(self, request: Request, id: int) -> Response:
        """Sign the person up (the subclass's), answering 201 with the result."""
        raise NotImplementedError

    def get_permissions(self) -> list[BasePermission]:
        if self.request.method == "POST":
            return [OpenLearning()]
        return [PersonLearning()]

    def get_throttles(self) -> list[BaseThrottle]:
        throttles = super().get_throttles()
        if self.request.method == "POST":
            throttles.append(self.signup_throttle())
        return throttles

    def post(self, request: Request, id: int) -> Response:
        if request.user and request.user.is_authenticated:
            return self._sign_up_idempotently(request, id)
        # Idempotency keys belong to a caller; anonymous callers share none,
        # and a repeated sign-up already changes nothing.
        return self.sign_up(request, id)

    @idempotent
    def _sign_up_idempotently(self, request: Request, id: int) -> Response:
        return self.sign_up(request, id)


def request_values(
    serializer_class: type[serializers.Serializer], request: Request
) -> Any:
    """The request's body, validated by `serializer_class` (else 400)."""
    data = serializer_class(data=request.data)
    data.is_valid(raise_exception=True)
    return data.validated_data


def person_answers(values: Mapping[str, Any]) -> dict[str, Any]:
    """A PersonRequestSerializer's answers and consent as the sign-up services
    take them; the emails' language defaults to the request's."""
    return {
        "name": values["name"],
        "email": values["email"],
        "institution": values["institution"],
        "country": values["country"],
        "language": values["language"] or translation.get_language() or "",
        "consent": values["consent"],
    }
