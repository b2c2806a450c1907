"""Public enrolment endpoints: enrol an organisation in an edition, and answer
a place offered to a waitlisted organisation.

Who may call: enrolling, a signed-in person or an app whose key carries
`learning:write`; answering an offer, anyone holding the offer's signed token.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from learning.editions.models import Edition
from learning.enrolments.offers import enrolment_offer_get
from learning.enrolments.services import (
    RepresentativeInput,
    enrolment_create,
    enrolment_offer_accept,
    enrolment_offer_decline,
)

from ..idempotency import idempotent
from ..permissions import LearningWrite, SignedLinkWrite
from .shared import IDEMPOTENCY


class RepresentativeSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    email = serializers.EmailField()
    role = serializers.CharField(max_length=150, required=False, allow_blank=True)
    preferred_language = serializers.CharField(
        max_length=10, required=False, allow_blank=True
    )


class EnrolmentRequestSerializer(serializers.Serializer):
    organisation_name = serializers.CharField(max_length=255)
    organisation_country = serializers.CharField(max_length=100)
    organisation_website = serializers.URLField(required=False, allow_blank=True)
    representatives = RepresentativeSerializer(many=True)
    module_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    )
    consent = serializers.BooleanField()


class EnrolmentReceivedSerializer(serializers.Serializer):
    edition = serializers.IntegerField()
    message = serializers.CharField()


class EnrolmentCreateView(APIView):
    """Enrol an organisation in an edition: a place while places are left, else
    the waitlist. A signed-in person, or an app with `learning:write`.

    The answer is the same 202 whether the organisation was new or already
    enrolled: who is enrolled, and how, goes only by email to the
    representatives (those on record, for a repeat)."""

    permission_classes = [LearningWrite]

    @extend_schema(
        tags=["learning"],
        request=EnrolmentRequestSerializer,
        responses={
            202: EnrolmentReceivedSerializer,
            409: OpenApiResponse(description="Same key, still in progress."),
            422: OpenApiResponse(description="Same key, another body."),
        },
        parameters=[IDEMPOTENCY, OpenApiParameter("id", int, OpenApiParameter.PATH)],
    )
    @idempotent
    def post(self, request: Request, id: int) -> Response:
        edition = get_object_or_404(Edition, pk=id)
        data = EnrolmentRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        enrolment_create(
            edition=edition,
            organisation_name=values["organisation_name"],
            organisation_country=values["organisation_country"],
            organisation_website=values.get("organisation_website", ""),
            representatives=[
                RepresentativeInput(**person) for person in values["representatives"]
            ],
            module_ids=values["module_ids"],
            consent=values["consent"],
            submitted_by_email=getattr(request.user, "email", "") or "",
        )
        body = {
            "edition": edition.pk,
            "message": _(
                "Thank you: we have your enrolment request. Each representative "
                "will get an email about it."
            ),
        }
        return Response(
            EnrolmentReceivedSerializer(body).data, status=status.HTTP_202_ACCEPTED
        )


class OfferAnswerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    edition = serializers.IntegerField()
    organisation = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()


class _OfferAnswerView(APIView):
    """Answer a place offered to a waitlisted organisation, with the signed
    token of the offer email's links: anyone holding it (no account); a key
    needs `learning:write`. A forged or outdated token answers 404; an offer
    already answered 400 `not_offered`; one past its deadline 400 `offer_expired`."""

    permission_classes = [SignedLinkWrite]
    answer = staticmethod(enrolment_offer_accept)

    def post(self, request: Request, token: str) -> Response:
        enrolment = enrolment_offer_get(token=token)
        if enrolment is None:
            raise exceptions.NotFound(_("This offer link is not valid."))
        enrolment = self.answer(enrolment=enrolment)
        body = {
            "id": enrolment.pk,
            "edition": enrolment.edition_id,
            "organisation": enrolment.organisation.name,
            "status": enrolment.status,
            "status_label": enrolment.get_status_display(),
        }
        return Response(OfferAnswerSerializer(body).data)


OFFER_SCHEMA = extend_schema(
    tags=["learning"],
    request=None,
    responses={200: OfferAnswerSerializer},
    parameters=[
        OpenApiParameter(
            "token", str, OpenApiParameter.PATH, description="From the offer email."
        )
    ],
)


@extend_schema_view(post=OFFER_SCHEMA)
class EnrolmentOfferAcceptView(_OfferAnswerView):
    """Take the offered place (pending when the edition needs approval)."""

    answer = staticmethod(enrolment_offer_accept)


@extend_schema_view(post=OFFER_SCHEMA)
class EnrolmentOfferDeclineView(_OfferAnswerView):
    """Turn down the offered place; it goes to the next on the waitlist."""

    answer = staticmethod(enrolment_offer_decline)
