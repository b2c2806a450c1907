"""Reads of public content for the API: visible pages, locales, translations.

Visible means live and public (no view restriction on the page or an ancestor),
for every caller: the API never shows drafts or private pages.
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, Model, OuterRef, Q, QuerySet, Subquery
from django.db.models.expressions import Combinable
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from django.utils.translation import get_language_from_request
from rest_framework.request import Request
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.query import PageQuerySet

from api.caching import content_generation
from cms.core.selectors import content_language_codes, site_home_pages
from cms.translations.enums import TranslationStatus
from cms.translations.languages import (
    offered_codes_for_path,
    programme_languages_by_path,
    unoffered_programme_paths,
)
from cms.translations.selectors import translation_status_matrix, workflow_annotation


def _restricted_paths() -> list[str]:
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def _programme_languages() -> list[tuple[str, list[str]]]:
    """Programme paths and languages, cached per content generation."""
    key = f"api:v1:programme-languages:{content_generation()['n']}"
    programmes = cache.get(key)
    if programmes is None:
        programmes = programme_languages_by_path()
        cache.set(key, programmes, 60 * 60)
    return programmes


def locale_list() -> list[Locale]:
    """The site's locales, cached per content generation (a locale saved or
    deleted bumps it: cms.core.receivers)."""
    key = f"api:v1:locales:{content_generation()['n']}"
    locales = cache.get(key)
    if locales is None:
        locales = list(Locale.objects.order_by("language_code"))
        cache.set(key, locales, 60 * 60)
    return locales


def hidden_paths(*, generation: int | None = None) -> tuple[str, ...]:
    """Paths of the pages no caller sees, with their descendants: those with a
    view restriction and programme translations in a language the programme is
    not offered in (cms.translations.languages). Both are cached per content
    generation (a restriction saved or deleted, a publish: cms.core.receivers),
    read in one round trip; `generation`: the request's, when already read."""
    n = content_generation()["n"] if generation is None else generation
    makers = {
        f"api:v1:restricted:{n}": _restricted_paths,
        f"api:v1:unoffered:{n}": unoffered_programme_paths,
    }
    found = cache.get_many(list(makers))
    paths: list[str] = []
    for key, make in makers.items():
        if key not in found:
            found[key] = make()
            cache.set(key, found[key], 60 * 60)
        paths += found[key]
    return tuple(paths)


def visible_pages(
    model: type[Page] = Page, *, hidden: Iterable[str] | None = None
) -> PageQuerySet:
    """Live pages with no view restriction on them or an ancestor, and offered in
    their language (a programme's pages only in the programme's languages);
    Wagtail's .public() without its query on every call. `hidden`: the
    hidden_paths() already read."""
    queryset = model.objects.live().filter(depth__gt=1)  # not the tree's root
    for path in hidden_paths() if hidden is None else hidden:
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def with_parent_id(queryset: PageQuerySet) -> PageQuerySet:
    """Annotate parent_pk (in the same query)."""
    parent = Page.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    ).values("pk")[:1]
    return queryset.annotate(parent_pk=Subquery(parent))


def request_language(request: Request, *, explicit_only: bool = False) -> str | None:
    """`?locale=` or, unless explicit_only, the Accept-Language header; only
    content languages count. None when nothing usable was asked for."""
    codes = content_language_codes()
    asked = request.query_params.get("locale")
    if asked:
        return asked if asked in codes else ""
    if explicit_only:
        return None
    if request.headers.get("Accept-Language"):
        language = get_language_from_request(request._request, check_path=False)
        if language in codes:
            return language
    return settings.LANGUAGE_CODE


def in_language(
    queryset: QuerySet[Any],
    *,
    language: str,
    fallback: str | None,
    visible: QuerySet[Any] | None = None,
) -> QuerySet[Any]:
    """Items of queryset in `language`; with a fallback, also the fallback
    language's items that have no visible translation in `language`. `visible`
    is the queryset of visible items of the model (default: visible pages)."""
    model = queryset.model
    wanted: Q | Combinable = Q(locale__language_code=language)
    if fallback and fallback != language:
        translated = (visible_pages(model) if visible is None else visible).filter(
            translation_key=OuterRef("translation_key"),
            locale__language_code=language,
        )
        wanted |= Q(locale__language_code=fallback) & ~Exists(translated)
    return queryset.filter(wanted)


def translation_of(page: Page, *, language: str) -> Page | None:
    """page's visible translation in language, or None."""
    if page.locale.language_code == language:
        return page
    return (
        visible_pages(type(page))
        .filter(translation_key=page.translation_key, locale__language_code=language)
        .select_related("locale")
        .first()
    )


def translations_map(
    pages: Iterable[Any],
    *,
    request: HttpRequest | None,
    visible: QuerySet[Any] | None = None,
) -> dict[int, dict[str, dict[str, Any]]]:
    """{page pk: {language code: {"id", "url", "status"}}} for every language the
    page is offered in (a programme's pages: the programme's languages), in a fixed
    number of queries whatever the number of pages.
    `visible` is the queryset of visible items of the same model (default:
    visible pages); items without a URL (snippets) get `url: null`.

    The status comes from the translation report's selector
    (translation_status_matrix); a translation that is not visible (draft,
    private) is reported as missing, with no id or URL.
    """
    pages = list(pages)
    if not pages:
        return {}
    locales = locale_list()
    locale_codes = {locale.pk: locale.language_code for locale in locales}
    queryset = visible_pages() if visible is None else visible
    shown = {
        (page.translation_key, locale_codes.get(page.locale_id)): page
        for page in queryset.filter(
            translation_key__in={p.translation_key for p in pages}
        ).annotate(workflow_status=workflow_annotation(queryset.model))
    }
    default = settings.LANGUAGE_CODE
    # The languages translated into (as cms.translations.selectors.translation_locales).
    targets = [locale for locale in locales if locale.language_code != default]
    sources = [
        shown[(key, default)]
        for key in {p.translation_key for p in pages}
        if (key, default) in shown
    ]
    # Only visible translations are passed: one that is not visible is missing.
    rows = translation_status_matrix(
        objects=sources,
        locales=targets,
        targets=[page for (_key, code), page in shown.items() if code != default],
    )
    # The rows' objects are the translatable sources passed in.
    cells = {row.object.translation_key: row.cells for row in rows}  # type: ignore[attr-defined]
    programmes = _programme_languages()
    result: dict[int, dict[str, dict[str, Any]]] = {}
    for page in pages:
        entry: dict[str, dict[str, Any]] = {}
        for code in offered_codes_for_path(getattr(page, "path", None), programmes):
            target = shown.get((page.translation_key, code))
            if target is None:
                status = TranslationStatus.MISSING
            elif code == default or page.translation_key not in cells:
                status = TranslationStatus.UP_TO_DATE
            else:
                cell = cells[page.translation_key].get(code)
                status = cell.status if cell else TranslationStatus.UP_TO_DATE
                if status == TranslationStatus.MISSING:
                    status = TranslationStatus.UP_TO_DATE
            entry[code] = {
                "id": target.pk if target else None,
                "url": _full_url(target, request),
                "status": str(status),
            }
        result[page.pk] = entry
    return result


def _full_url(item: Model | None, request: HttpRequest | None) -> str | None:
    if not isinstance(item, Page):
        return None
    return item.get_full_url(request)


def page_for_path(*, path: str, request: Request) -> Page | None:
    """The visible page at a full, language-prefixed path such as
    /es/programas/aprendizaje-mutuo/, or None."""
    parts = [part for part in path.split("/") if part]
    if not parts or parts[0] not in content_language_codes():
        return None
    language, rest = parts[0], parts[1:]
    home = site_home_pages(request=request._request, language_codes=[language]).get(
        language
    )
    if home is None:
        return None
    url_path = home.url_path + "".join(f"{part}/" for part in rest)
    return (
        visible_pages()
        .filter(url_path=url_path, locale__language_code=language)
        .select_related("locale", "content_type")
        .first()
    )
