"""Readiness before an edition's upcoming meetings, for its staff: per meeting,
organisation by organisation, who reviewed which material and answered which
forum question (the same selector as the site's readiness page and the forum's
digest, so the figures agree).

Who may call: the edition's facilitators and coordinators (signed-in people,
session or personal token). The edition's participants get 403
`not_a_facilitator`, as on the site's page; anyone else 404, so they cannot
tell the edition from one that does not exist; an app's key 403
`person_required`; anonymous callers 401.
"""

from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from learning.editions.models import Edition
from learning.preparation.selectors import meeting_readiness_for_staff

from . import serializers_readiness as s
from .me import MemberView

TAGS = ["learning"]
ID_PATH = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Edition id.")
NOT_STAFF = OpenApiResponse(
    description="A participant of the edition (`not_a_facilitator`), or an app's "
    "key (`person_required`)."
)
NOT_A_FACILITATOR = _(
    "Only the edition's facilitators and coordinators see its readiness."
)
NOT_FOUND = OpenApiResponse(description="No such edition, or not one of the caller's.")


class EditionReadinessView(MemberView):
    """Per upcoming meeting on a session topic, by organisation and person:
    materials reviewed of those to review, questions answered in time, excused.

    Access: the edition's facilitators and coordinators; its participants 403
    `not_a_facilitator`, other people 404, an app's key 403 `person_required`."""

    @extend_schema(
        tags=TAGS,
        operation_id="editions_readiness_retrieve",
        parameters=[ID_PATH],
        responses={200: s.EditionReadinessSerializer, 403: NOT_STAFF, 404: NOT_FOUND},
    )
    def get(self, request: Request, id: int) -> Response:
        language = translation.get_language() or "en"
        try:
            edition, meetings = meeting_readiness_for_staff(
                user=request.user, edition_id=id, language=language
            )
        except Edition.DoesNotExist:
            raise exceptions.NotFound() from None
        except PermissionDenied:
            raise exceptions.PermissionDenied(
                NOT_A_FACILITATOR, code="not_a_facilitator"
            ) from None
        body = {"edition": edition, "meetings": meetings}
        return Response(s.EditionReadinessSerializer(body).data)
