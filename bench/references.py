"""The benchmark's references, served only by the bench settings
(cms.settings.bench, ROOT_URLCONF bench.urls), never by the site:

- the ceiling: a raw Django view sending bytes captured from one of our
  responses (bench/run.py writes them to bench/.data/ceiling/), the fastest a
  Django process can answer through the same middleware;
- a naive DRF forum: a ModelViewSet with offset pages that renders each post's
  Markdown on every read, as a forum API is commonly first written;
- Wagtail's own page serving (wagtail.views.serve), for the site pages: the
  serving before the site's page cache (cms/core/page_cache.py), which it
  neither reads nor fills, and before the shared parts (cms/core/shared_parts.py)
  and the stored page parts (cms/core/stored_parts.py), which it renders afresh.
"""

from functools import cache
from pathlib import Path

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from rest_framework import pagination, permissions, serializers, viewsets
from wagtail import views as wagtail_views

from cms.core.shared_parts import shared_parts_off
from cms.core.stored_parts import stored_parts_off
from learning.core.kept_blocks import kept_blocks_off
from learning.editions.models import Edition
from learning.enrolments.membership import edition_get_for_member
from learning.forum.models import Post, Thread
from learning.forum.rendering import markdown_render

CEILING = Path(__file__).resolve().parent / ".data" / "ceiling"


@cache
def _captured(name: str) -> tuple[bytes, str]:
    path = CEILING / name
    if not path.is_file():
        raise Http404
    content_type = (CEILING / f"{name}.type").read_text().strip()
    return path.read_bytes(), content_type


def ceiling(request: HttpRequest, name: str) -> HttpResponse:
    """Access: anyone (bench only). The captured bytes, as they are."""
    body, content_type = _captured(name)
    return HttpResponse(body, content_type=content_type)


def wagtail_serve(request: HttpRequest, language: str, path: str) -> HttpResponse:
    """Access: as the page allows (bench only). Wagtail's own serving of the
    page at /<language>/<path>, past the site's page cache and with the parts
    every page shares (menus, footer), the page's stored parts (its body,
    cms/core/stored_parts.py) and its kept blocks of learning data (editions,
    information sessions: learning/core/kept_blocks.py) rendered afresh, as
    before they were kept."""
    with (
        translation.override(language),
        shared_parts_off(),
        stored_parts_off(),
        kept_blocks_off(),
    ):
        request.LANGUAGE_CODE = language
        response = wagtail_views.serve(request, path)
        # Rendered inside the switches: a TemplateResponse left to the handler
        # would render after them, in the request's language (not the page's)
        # and with the stored and shared parts on.
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        return response


class NaivePostSerializer(serializers.ModelSerializer):
    author_name = serializers.CharField(source="participant.name", default="")
    body_html = serializers.SerializerMethodField()

    class Meta:
        model = Post
        fields = ["id", "author_name", "body_html", "created_at", "edited_at"]

    def get_body_html(self, post: Post) -> str:
        return markdown_render(text=post.body_markdown)


class NaivePostViewSet(viewsets.ReadOnlyModelViewSet):
    """Access: members of the thread's edition (bench only). Posts oldest
    first, offset-paged, Markdown rendered per read."""

    serializer_class = NaivePostSerializer
    permission_classes = [permissions.IsAuthenticated]
    pagination_class = pagination.LimitOffsetPagination

    def get_queryset(self):
        thread = Thread.objects.filter(pk=self.kwargs["thread_pk"]).first()
        if thread is None:
            raise Http404
        try:
            edition_get_for_member(user=self.request.user, pk=thread.edition_id)
        except Edition.DoesNotExist:
            raise Http404 from None
        return (
            Post.objects.filter(thread=thread)
            .select_related("participant")
            .order_by("created_at", "pk")
        )
