"""Testimonials (translatable snippets). Who may use it: anyone (live
testimonials only); a key, when given, needs the `content:read` scope."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import exceptions, filters, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from cms.testimonials.models import Testimonial

from ..caching import JSONBytesResponse, cached_content
from ..pagination import view_page
from ..permissions import ContentRead
from .filters import IndexSearchFilter
from .queries import in_language, translations_map
from .representation import image_data
from .serializers import ImageSerializer, TranslationSerializer
from .stored import (
    joined_list,
    response_bytes,
    stored_texts,
    with_fields,
    with_stored,
)
from .views import FALLBACK, LOCALE, language_param


class TestimonialSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.SerializerMethodField()
    locale = serializers.CharField(source="locale.language_code")
    quote = serializers.CharField()
    person_name = serializers.CharField()
    role = serializers.CharField()
    organisation = serializers.CharField()
    country = serializers.CharField()
    photo = serializers.SerializerMethodField()
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)
    fallback = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()

    def get_type(self, item: Testimonial) -> str:
        return Testimonial._meta.label

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_photo(self, item: Testimonial) -> dict[str, Any] | None:
        return image_data(item.photo, self.context["request"])

    def get_fallback(self, item: Testimonial) -> bool:
        language = self.context.get("language")
        return bool(language) and item.locale.language_code != language

    @extend_schema_field(serializers.DictField(child=TranslationSerializer()))
    def get_translations(self, item: Testimonial) -> dict[str, dict[str, Any]]:
        return self.context["translations"].get(item.pk, {})


def visible_testimonials() -> QuerySet[Testimonial]:
    return Testimonial.objects.filter(live=True)


@extend_schema_view(
    list=extend_schema(tags=["content"], parameters=[LOCALE, FALLBACK]),
    retrieve=extend_schema(tags=["content"], parameters=[LOCALE, FALLBACK]),
)
class TestimonialViewSet(viewsets.ReadOnlyModelViewSet):
    """Live testimonials in one language (`?locale=`, `?fallback=`, `?search=`,
    `?ordering=`); the detail by id, or with `?locale=` its translation."""

    permission_classes = [ContentRead]
    serializer_class = TestimonialSerializer
    lookup_value_regex = r"[0-9]{1,9}"
    filter_backends = [IndexSearchFilter, filters.OrderingFilter]
    ordering_fields = ["first_published_at", "last_published_at", "person_name"]
    ordering = ["-first_published_at", "pk"]

    def get_queryset(self) -> QuerySet[Testimonial]:
        if getattr(self, "swagger_fake_view", False):
            return Testimonial.objects.none()
        # The fields come from the stored representation (api.content.stored).
        queryset = with_stored(
            visible_testimonials()
            .select_related("locale")
            .only("id", "translation_key", "locale", "live", "live_revision"),
            shape="summary",
        )
        if self.action == "list":
            language, fallback = language_param(self.request)
            self.language = language if fallback else None
            queryset = in_language(
                queryset,
                language=language,
                fallback=fallback,
                visible=visible_testimonials(),
            )
        return queryset

    def _joined(
        self, items: list[Testimonial], *, language: str | None = None
    ) -> list[str]:
        """Each item's stored JSON with the per-request fields added."""
        texts = stored_texts(items, shape="summary")
        translations = translations_map(
            items, request=self.request, visible=visible_testimonials()
        )
        return [
            with_fields(
                text,
                {
                    "fallback": bool(language)
                    and item.locale.language_code != language,
                    "translations": translations.get(item.pk, {}),
                },
            )
            for item in items
            if (text := texts.get(item.pk)) is not None
        ]

    @cached_content
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        items = self._joined(view_page(self, queryset), language=self.language)
        envelope = self.get_paginated_response([]).data
        return JSONBytesResponse(response_bytes(joined_list(envelope, items), request))

    @cached_content
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        item = self.get_object()
        language, fallback = language_param(request, explicit_only=True)
        shown = item
        if language and item.locale.language_code != language:
            candidates = {
                t.locale.language_code: t
                for t in self.get_queryset().filter(
                    translation_key=item.translation_key
                )
            }
            shown = candidates.get(language) or (fallback and candidates.get(fallback))
            if not shown:
                raise exceptions.NotFound(
                    _("This item has no translation in that language."),
                    code="translation_missing",
                )
        items = self._joined([shown], language=language)
        if not items:  # unpublished while this request ran
            raise exceptions.NotFound()
        return JSONBytesResponse(response_bytes(items[0], request))
