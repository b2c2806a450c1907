"""/api/v1/: content endpoints, personal tokens, the schema and its docs."""

from typing import Any

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import exceptions
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.routers import SimpleRouter
from rest_framework.views import APIView

from .content import views as content
from .content.preview import PreviewView
from .content.snippets import TestimonialViewSet
from .tokens import TokenListCreateView, TokenRevokeView

router = SimpleRouter()
router.register("pages", content.PageViewSet, basename="page")
router.register("programmes", content.ProgrammeViewSet, basename="programme")
router.register("modules", content.ModuleViewSet, basename="module")
router.register("session-topics", content.SessionTopicViewSet, basename="session-topic")
router.register("event-pages", content.LearningEventPageViewSet, basename="event-page")
router.register("publications", content.PublicationViewSet, basename="publication")
router.register("videos", content.VideoViewSet, basename="video")
router.register("standard-pages", content.StandardPageViewSet, basename="standard-page")
router.register("testimonials", TestimonialViewSet, basename="testimonial")


class NotFoundView(APIView):
    """Any other address under /api/: 404 in the API's error shape."""

    permission_classes = [AllowAny]
    authentication_classes = []
    schema = None

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        raise exceptions.NotFound()


app_name = "api-v1"
urlpatterns = [
    path("", include(router.urls)),
    path("navigation/", content.NavigationView.as_view(), name="navigation"),
    path("preview/", PreviewView.as_view(), name="preview"),
    path("", include("api.learning.urls_public")),
    path("", include("api.learning.urls_members")),
    path("mel/", include("api.learning.urls_mel")),
    path("tokens/", TokenListCreateView.as_view(), name="tokens"),
    path("tokens/<int:pk>/", TokenRevokeView.as_view(), name="token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-v1:schema"),
        name="docs",
    ),
    re_path(r"^.*$", NotFoundView.as_view()),
]
