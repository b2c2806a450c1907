"""Content endpoints: typed lists and details, find by path, breadcrumbs,
navigation. Who may use them: anyone (public content only); a key, when given,
needs the `content:read` scope."""

from collections.abc import Iterable
from typing import Any, overload

from django.conf import settings
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, filters, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView
from wagtail.models import Page
from wagtail.query import PageQuerySet

from cms.core.selectors import (
    content_language_codes,
    localized_objects,
    organisation_name,
)
from cms.navigation.models import Footer, MainMenu
from cms.pages.models import StandardPage
from cms.publications.models import PublicationPage
from cms.videos.models import VideoPage
from learning.catalogue.models import ModulePage, ProgrammePage, SessionTopicPage
from learning.events.models import LearningEventPage

from ..caching import ContentHitMixin, JSONBytesResponse, cached_content
from ..pagination import ContentPagination, view_page
from ..permissions import ContentRead
from . import filters as content_filters
from . import serializers as s
from .prepared_reads import detail_text, list_text
from .queries import (
    in_language,
    page_for_path,
    request_language,
    translation_of,
    translations_map,
    visible_pages,
    with_parent_id,
)
from .representation import renditions_preload, rich_text_html, stream_data
from .stored import (
    LIGHT_FIELDS,
    computed_fields,
    joined_list,
    response_bytes,
    stored_texts,
    with_fields,
    with_stored,
)
from .stored_translations import own_url, stored_translations

LOCALE = OpenApiParameter(
    "locale",
    str,
    description="Content language (CONTENT_LANGUAGES); defaults to "
    "Accept-Language, then the first content language. A programme's pages are "
    "listed only in the programme's languages.",
    enum=list(settings.CONTENT_LANGUAGES),
)
FALLBACK = OpenApiParameter(
    "fallback",
    str,
    description="Language whose item is returned, marked fallback, when the "
    "asked-for language has no visible translation.",
    enum=list(settings.CONTENT_LANGUAGES),
)


@overload
def language_param(request: Request) -> tuple[str, str | None]: ...
@overload
def language_param(
    request: Request, *, explicit_only: bool
) -> tuple[str | None, str | None]: ...
def language_param(
    request: Request, *, explicit_only: bool = False
) -> tuple[str | None, str | None]:
    """The asked-for language and fallback (400 `locale_unknown` for others);
    the language is None only when explicit_only and none was asked for."""
    language = request_language(request, explicit_only=explicit_only)
    if language == "":
        raise exceptions.ValidationError(
            {"locale": [_("Unknown language.")]}, code="locale_unknown"
        )
    fallback = request.query_params.get("fallback") or None
    if fallback is not None and fallback not in content_language_codes():
        raise exceptions.ValidationError(
            {"fallback": [_("Unknown language.")]}, code="locale_unknown"
        )
    return language, fallback


# The one home of every content endpoint's shape (access, languages, caching,
# schema tags, query shaping): a page type's endpoint is a subclass that only
# declares its model, serializers, filters and what to select with the page. (Not
# said in the docstring: the schema shows it as each endpoint's description.)
class ContentViewSet(ContentHitMixin, viewsets.ReadOnlyModelViewSet):
    """A typed list (`?locale=`, `?fallback=`, filters, `?search=`, `?ordering=`)
    and detail (the page by id; with `?locale=` its translation)."""

    permission_classes = [ContentRead]
    model = Page
    # Ids the database can hold (a longer number is simply not found).
    lookup_value_regex = r"[0-9]{1,9}"
    list_serializer_class = s.PageSerializer
    serializer_class = s.PageSerializer
    filterset_class = content_filters.PageFilter
    filter_backends = [
        DjangoFilterBackend,
        content_filters.IndexSearchFilter,
        filters.OrderingFilter,
    ]
    ordering_fields = ["title", "first_published_at", "last_published_at", "path"]
    ordering = ["path"]
    # The total counted once per content generation (it grows with the site).
    pagination_class = ContentPagination
    # The stored shapes (api.content.stored) of the list's items and the detail.
    stored_shapes = ("item", "detail")
    # Image fields shown with renditions (selected with the page, renditions
    # found for the whole list at once).
    image_fields: tuple[str, ...] = ()

    def get_queryset(self) -> PageQuerySet:
        if getattr(self, "swagger_fake_view", False):
            # Schema generation: the model only, no database or cache.
            return self.model.objects.none()
        # A page's fields come from its stored representation (stored.py): the
        # query reads only what the per-request part needs.
        queryset = (
            with_parent_id(visible_pages(self.model))
            .select_related("locale", "content_type")
            .only(*LIGHT_FIELDS, *computed_fields(self.model, "detail"))
        )
        if self.action in ("list", "retrieve"):
            shape = self.stored_shapes[self.action == "retrieve"]
            queryset = with_stored(queryset, shape=shape)
        if self.action == "list":
            language, fallback = language_param(self.request)
            self.language = language if fallback else None
            queryset = in_language(queryset, language=language, fallback=fallback)
        return queryset

    def get_serializer_class(self) -> type[BaseSerializer]:
        return (
            self.list_serializer_class
            if self.action == "list"
            else self.serializer_class
        )

    def get_serializer_context(self) -> dict[str, Any]:
        return {
            **super().get_serializer_context(),
            **getattr(self, "extra_context", {}),
        }

    def _shape(
        self, pages: Iterable[Page], *, language: str | None = None
    ) -> list[Page]:
        shaped = list(pages)
        renditions_preload(
            getattr(page, name) for page in shaped for name in self.image_fields
        )
        self.extra_context = {
            "translations": translations_map(shaped, request=self.request),
            "language": language,
        }
        return shaped

    def _joined(
        self, pages: list[Page], *, shape: str, language: str | None
    ) -> list[str]:
        """Each page's stored JSON with the per-request fields added."""
        texts = stored_texts(pages, shape=shape)
        translations = stored_translations(pages)
        return [
            with_fields(
                text,
                {
                    "url": own_url(page, translations[page.pk], request=self.request),
                    "parent_id": page.parent_pk,
                    "fallback": bool(language)
                    and page.locale.language_code != language,
                    **{
                        name: stream_data(getattr(page, name), self.request)
                        for name in computed_fields(type(page), shape)
                    },
                },
                translations=translations[page.pk],
            )
            for page in pages
            if (text := texts.get(page.pk)) is not None
        ]

    def _body(self, text: str) -> JSONBytesResponse:
        return JSONBytesResponse(response_bytes(text, self.request))

    @extend_schema(tags=["content"], parameters=[LOCALE, FALLBACK])
    @cached_content
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        language, fallback = language_param(request)
        text = list_text(self, request, language=language, fallback=fallback)
        if text is not None:
            return self._body(text)
        queryset = self.filter_queryset(self.get_queryset())
        pages = view_page(self, queryset)
        items = self._joined(pages, shape=self.stored_shapes[0], language=self.language)
        envelope = self.get_paginated_response([]).data
        return self._body(joined_list(envelope, items))

    @extend_schema(tags=["content"], parameters=[LOCALE, FALLBACK])
    @cached_content
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        text = detail_text(self, request, pk=kwargs[self.lookup_field])
        if text is not None:
            return self._body(text)
        page = self.get_object()
        language, fallback = language_param(request, explicit_only=True)
        shown = page
        if language:
            shown = translation_of(page, language=language)
            if shown is None and fallback:
                shown = translation_of(page, language=fallback)
            if shown is None:
                raise exceptions.NotFound(
                    _("This page has no translation in that language."),
                    code="translation_missing",
                )
            if shown.pk != page.pk:
                shown = self.get_queryset().get(pk=shown.pk)
        items = self._joined([shown], shape=self.stored_shapes[1], language=language)
        if not items:  # unpublished while this request ran
            raise exceptions.NotFound()
        return self._body(items[0])


class ProgrammeViewSet(ContentViewSet):
    model = ProgrammePage
    list_serializer_class = s.ProgrammeSerializer
    serializer_class = s.ProgrammeDetailSerializer


class ModuleViewSet(ContentViewSet):
    model = ModulePage
    list_serializer_class = s.ModuleSerializer
    serializer_class = s.ModuleDetailSerializer
    filterset_class = content_filters.UnderProgrammeFilter
    ordering_fields = [*ContentViewSet.ordering_fields, "module_number"]


class SessionTopicViewSet(ContentViewSet):
    model = SessionTopicPage
    list_serializer_class = s.SessionTopicSerializer
    serializer_class = s.SessionTopicDetailSerializer
    filterset_class = content_filters.SessionTopicFilter


class LearningEventPageViewSet(ContentViewSet):
    """Event pages' editorial content; their dates and RSVP state are at
    /api/v1/events/."""

    model = LearningEventPage
    list_serializer_class = s.LearningEventPageSerializer
    serializer_class = s.LearningEventPageDetailSerializer
    filterset_class = content_filters.UnderProgrammeFilter


class PublicationViewSet(ContentViewSet):
    model = PublicationPage
    list_serializer_class = s.PublicationSerializer
    serializer_class = s.PublicationDetailSerializer
    filterset_class = content_filters.PublicationFilter
    ordering_fields = [*ContentViewSet.ordering_fields, "year"]


class VideoViewSet(ContentViewSet):
    model = VideoPage
    list_serializer_class = s.VideoSerializer
    serializer_class = s.VideoDetailSerializer
    image_fields = ("poster_image",)


class StandardPageViewSet(ContentViewSet):
    model = StandardPage
    list_serializer_class = s.StandardPageSerializer
    serializer_class = s.StandardPageDetailSerializer


class PageViewSet(ContentViewSet):
    """Any page type (summary fields); `?type=app.Model` narrows it. Also finds a
    page by its full path and gives its breadcrumbs."""

    stored_shapes = ("summary", "summary")

    @extend_schema(
        tags=["content"],
        parameters=[
            OpenApiParameter(
                "path",
                str,
                required=True,
                description="Full path with the language prefix, e.g. /es/programas/",
            )
        ],
        responses=s.PageSerializer,
    )
    @action(detail=False, url_path="find", pagination_class=None, filter_backends=[])
    @cached_content
    def find(self, request: Request) -> Response:
        page = page_for_path(path=request.query_params.get("path", ""), request=request)
        if page is None:
            raise exceptions.NotFound(_("No page at this path."), code="not_found")
        pages = self._shape([page])
        return Response(
            s.PageSerializer(pages[0], context=self.get_serializer_context()).data
        )

    @extend_schema(tags=["content"], responses=s.BreadcrumbSerializer(many=True))
    @action(detail=True, pagination_class=None, filter_backends=[])
    @cached_content
    def breadcrumbs(self, request: Request, pk: str | None = None) -> Response:
        page = self.get_object()
        ancestors = (
            visible_pages()
            .ancestor_of(page, inclusive=True)
            .filter(depth__gt=1)
            .order_by("depth")
        )
        data = [
            {"id": p.pk, "title": p.title, "url": p.get_full_url(request)}
            for p in ancestors
        ]
        return Response(s.BreadcrumbSerializer(data, many=True).data)


class NavigationView(ContentHitMixin, APIView):
    """The organisation's name, main menu and footer in one language. Anyone;
    links to pages that are not visible (drafts, private) are left out."""

    permission_classes = [ContentRead]

    @extend_schema(
        tags=["content"], parameters=[LOCALE], responses=s.NavigationSerializer
    )
    @cached_content
    def get(self, request: Request) -> Response:
        language, _fallback = language_param(request)
        menu = MainMenu.objects.filter(
            live=True, locale__language_code=language
        ).first()
        footer = Footer.objects.filter(
            live=True, locale__language_code=language
        ).first()
        blocks = list(menu.items) if menu else []
        links = list(footer.links) if footer else []
        values = [b.value for b in blocks]
        all_links = (
            values
            + [c for v in values for c in v["children"]]
            + [b.value for b in links]
        )
        page_ids = {v["page"].pk for v in all_links if v["page"] is not None}
        pages = {p.pk: p for p in visible_pages().filter(pk__in=page_ids)}
        locale_id = menu.locale_id if menu else (footer.locale_id if footer else None)
        if locale_id is not None and pages:
            localized = localized_objects(list(pages.values()), locale_id=locale_id)
            pages = dict(zip(pages, localized, strict=True))

        def link(value: Any) -> dict[str, Any] | None:
            chosen = value["page"]
            if chosen is not None:
                page = pages.get(chosen.pk)
                if page is None:
                    return None
                return {
                    "label": value["label"] or page.title,
                    "url": page.get_full_url(request),
                    "page_id": page.pk,
                }
            if not value["url"]:
                return None
            return {
                "label": value["label"] or value["url"],
                "url": value["url"],
                "page_id": None,
            }

        main: list[dict[str, Any]] = []
        for value in values:
            item = link(value)
            if item is not None:
                item["children"] = [c for c in map(link, value["children"]) if c]
                main.append(item)
        data = {
            "locale": language,
            "organisation_name": organisation_name(language=language),
            "main_menu": main,
            "footer_text": rich_text_html(footer.text, request) if footer else "",
            "footer_links": [x for x in (link(b.value) for b in links) if x],
        }
        return Response(s.NavigationSerializer(data).data)
