"""A page's saved draft for an external frontend's preview, by signed token.

The token (learning.core.preview) is made by Wagtail's preview panel for one
revision of one page; this endpoint answers with that revision in exactly the
shape of the page type's published detail, and is never cached anywhere.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Page

from learning.core.preview import preview_revision_object, preview_token_read

from . import serializers as s
from . import views as content
from .queries import translations_map
from .representation import renditions_preload

# The typed endpoints whose detail shape a preview takes; any other page type
# has the summary shape of /api/v1/pages/{id}/.
TYPED_VIEWSETS = (
    content.ProgrammeViewSet,
    content.ModuleViewSet,
    content.SessionTopicViewSet,
    content.LearningEventPageViewSet,
    content.PublicationViewSet,
    content.VideoViewSet,
    content.StandardPageViewSet,
)


class PreviewTokenRefused(exceptions.APIException):
    """401 with the token's own code (expired, invalid, revision unknown)."""

    status_code = status.HTTP_401_UNAUTHORIZED
    default_code = "preview_token_invalid"
    default_detail = _("This preview link is not valid.")
    auth_header = 'PreviewToken realm="preview"'


def _detail_shape(page: Page) -> tuple[type[s.PageSerializer], tuple[str, ...]]:
    for viewset in TYPED_VIEWSETS:
        if type(page) is viewset.model:
            return viewset.serializer_class, viewset.image_fields
    return s.PageSerializer, ()


class PreviewView(APIView):
    """Access: anyone holding a valid preview token (the token is the credential;
    no key or session is read). Drafts of pages in any language."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        tags=["content"],
        summary="A page's saved draft, for a headless preview",
        parameters=[
            OpenApiParameter(
                "token",
                str,
                required=True,
                description="The signed token Wagtail's preview panel adds to the "
                "external frontend's address; valid for minutes "
                "(HEADLESS_PREVIEW_MINUTES), bound to one revision of one page.",
            )
        ],
        responses={
            200: OpenApiResponse(
                s.PageSerializer,
                description="The draft in the shape of its page type's detail "
                "(e.g. /api/v1/programmes/{id}/); other page types as "
                "/api/v1/pages/{id}/. Sent with Cache-Control: no-store.",
            ),
            401: OpenApiResponse(
                description="preview_token_expired, preview_token_invalid or "
                "preview_revision_unknown."
            ),
        },
    )
    def get(self, request: Request) -> Response:
        try:
            claim = preview_token_read(token=request.query_params.get("token", ""))
            page = preview_revision_object(claim=claim)
        except ValidationError as error:
            raise PreviewTokenRefused(error.messages[0], code=error.code) from error
        serializer_class, image_fields = _detail_shape(page)
        renditions_preload(getattr(page, name) for name in image_fields)
        context = {
            "request": request,
            "view": self,
            "translations": translations_map([page], request=request),
            "language": None,
        }
        data = serializer_class(page, context=context).data
        return Response(data, headers={"Cache-Control": "no-store"})
