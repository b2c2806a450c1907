"""Reads for the site's templates and views: translations, menus, search, sitemap."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info, override
from wagtail.coreutils import get_content_languages
from wagtail.models import DraftStateMixin, Page, Site
from wagtail.search.backends import get_search_backend

from cms.core.models import SiteIdentity
from cms.translations.languages import (
    programme_language_codes,
    unoffered_programme_paths,
)


@dataclass(frozen=True)
class LanguageLink:
    language_code: str
    label: str
    url: str
    is_current: bool
    # True when `url` is the current page in that language, not a fallback.
    is_translation: bool


def language_label(language_code: str) -> str:
    """A language's name in that language, capitalised: "English", "Español"."""
    name = get_language_info(language_code)["name_local"]
    return name[:1].upper() + name[1:]


def organisation_name(*, language: str | None = None) -> str:
    """The organisation's name in `language` (default: the active one): its live
    SiteIdentity, else the default language's, else WAGTAIL_SITE_NAME. One query.

    Called by the header, footer and page titles (navigation_tags), the emails
    (the learning_organisation_name hook) and the API's navigation.
    """
    language = language or get_language() or settings.LANGUAGE_CODE
    # Highest pk first, so that the dict keeps each language's oldest snippet.
    names = dict(
        SiteIdentity.objects.filter(
            live=True,
            locale__language_code__in={language, settings.LANGUAGE_CODE},
        )
        .order_by("-pk")
        .values_list("locale__language_code", "organisation_name")
    )
    return (
        names.get(language)
        or names.get(settings.LANGUAGE_CODE)
        or str(settings.WAGTAIL_SITE_NAME)
    )


def content_language_codes() -> list[str]:
    return list(get_content_languages())


def language_root_url(language_code: str) -> str:
    """The bare prefix of a language ("/es/"), when no home page can be found."""
    with override(language_code):
        return reverse("wagtail_serve", args=("",))


def site_home_pages(*, request, language_codes=None) -> dict[str, Page]:
    """The live home page of the request's site in each language, by language code.

    One query; the language switcher, the header and the menus call it.
    """
    site = Site.find_for_request(request)
    if site is None:
        return {}
    pages = (
        Page.objects.live()
        .filter(
            translation_key__in=Page.objects.filter(pk=site.root_page_id).values(
                "translation_key"
            )
        )
        .select_related("locale")
    )
    if language_codes is not None:
        pages = pages.filter(locale__language_code__in=language_codes)
    return {page.locale.language_code: page for page in pages}


def page_language_links(*, page, request) -> list[LanguageLink]:
    """The page in each language it is offered in (cms.translations.languages):
    its live translation, else, outside programmes, that language's live home page;
    a language with neither is left out. Two queries.

    Called by the language switcher and the hreflang links of base.html.
    """
    current = get_language()
    programme_codes = programme_language_codes(page=page)
    codes = [
        code
        for code in content_language_codes()
        if programme_codes is None or code in programme_codes
    ]
    translations, homes = _translations_and_homes(page, request, codes)
    if all(p.pk != page.pk for p in translations.values()):
        # A preview or a draft still links to itself.
        translations.setdefault(page.locale.language_code, page)
    if programme_codes is not None:
        homes = {}  # inside a programme, only its own pages are offered
    links = []
    for code in content_language_codes():
        target = translations.get(code) or homes.get(code)
        url = target.get_url(request) if target else None
        if not url:
            continue
        links.append(
            LanguageLink(
                language_code=code,
                label=language_label(code),
                url=url,
                is_current=code == current,
                is_translation=code in translations,
            )
        )
    return links


def _translations_and_homes(page, request, codes) -> tuple[dict, dict]:
    """The live translations of page and the site's live home pages in codes, by
    language code, in one query."""
    # Not .public(): that costs a query of its own, and a private translation is
    # still the right target (visitors are asked to log in, as on the source page).
    wanted = Q(translation_key=page.translation_key)
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        wanted |= Q(
            translation_key__in=Page.objects.filter(pk=site.root_page_id).values(
                "translation_key"
            )
        )
    translations, homes = {}, {}
    for found in (
        Page.objects.live()
        .filter(wanted, locale__language_code__in=codes)
        .select_related("locale")
    ):
        code = found.locale.language_code
        if found.translation_key == page.translation_key:
            translations[code] = found
        else:
            homes[code] = found
    return translations, homes


def home_language_links(*, request) -> list[LanguageLink]:
    """Each language's live home page; for pages that exist in one language only
    (404). Without any home page (a bare site), each language's prefix."""
    current = get_language()
    homes = site_home_pages(request=request)
    links = []
    for code in content_language_codes():
        home = homes.get(code)
        url = home.get_url(request) if home else None
        if homes and not url:
            continue  # a language the site has no content in yet
        links.append(
            LanguageLink(
                language_code=code,
                label=language_label(code),
                url=url or language_root_url(code),
                is_current=code == current,
                is_translation=False,
            )
        )
    return links


def view_language_links(*, request) -> list[LanguageLink]:
    """The current non-page URL (e.g. search) in every language, by its prefix."""
    current = get_language()
    path = request.get_full_path()
    homes = site_home_pages(request=request)
    return [
        LanguageLink(
            language_code=code,
            label=language_label(code),
            url=translate_url(path, code),
            is_current=code == current,
            is_translation=True,
        )
        for code in content_language_codes()
        # Only languages the site has content in (a live home page), or all of
        # them on a bare site.
        if not homes or code in homes or code == current
    ]


def localized_objects(objects, *, locale_id: int) -> list:
    """Each translatable object (page or snippet) in the given locale where a live
    translation exists, else the object itself; order kept.

    At most one query per model, none when everything is in the locale already.
    Wagtail's `.localized` costs two queries per object; menus, cards and
    materials call this instead.
    """
    objects = list(objects)
    wanted = defaultdict(set)
    for obj in objects:
        if obj is not None and obj.locale_id != locale_id:
            model = Page if isinstance(obj, Page) else type(obj)
            wanted[model].add(obj.translation_key)
    found = {}
    for model, keys in wanted.items():
        queryset = model._default_manager.filter(
            translation_key__in=keys, locale_id=locale_id
        )
        if issubclass(model, DraftStateMixin):
            queryset = queryset.filter(live=True)
        found.update({(model, o.translation_key): o for o in queryset})
    result = []
    for obj in objects:
        if obj is None or obj.locale_id == locale_id:
            result.append(obj)
            continue
        model = Page if isinstance(obj, Page) else type(obj)
        result.append(found.get((model, obj.translation_key), obj))
    return result


# The search backends build one nested condition per word: thousands of words
# (a pasted text, a fuzzer) exceed Python's recursion limit, a 500. Like the big
# web search engines, only the first words count.
SEARCH_MAX_WORDS = 32
SEARCH_MAX_CHARACTERS = 500


def search_terms(query: str) -> str:
    """`query` as the search backends receive it: without NUL characters (which
    PostgreSQL refuses), its first SEARCH_MAX_WORDS words, at most
    SEARCH_MAX_CHARACTERS long; for the site's search and the API's `?search=`."""
    words = query.replace("\x00", "").split()[:SEARCH_MAX_WORDS]
    return " ".join(words)[:SEARCH_MAX_CHARACTERS]


def search_pages(*, query: str, locale):
    """Live public pages of one locale matching `query`, as their specific types so
    that results can show their introduction; for the search view."""
    pages = Page.objects.live().public().filter(locale=locale).specific()
    return pages.search(search_terms(query))


def search_matching_ids(*, model, query: str) -> list:
    """Ids of `model`'s objects whose indexed fields match `query`, by the search
    the site uses (same backend and fields, so body text too, accents ignored);
    for the API's `?search=`, which narrows its own visible queryset with them."""
    results = get_search_backend().search(
        search_terms(query), model, order_by_relevance=False
    )
    return [item.pk for item in results]


@dataclass
class SitemapEntry:
    location: str
    last_modified: object
    alternates: list[tuple[str, str]] = field(default_factory=list)
    default_location: str | None = None


def sitemap_entries(*, request) -> list[SitemapEntry]:
    """Live public pages of every language with hreflang alternates; for sitemap.xml.

    Pages of a programme in a language it is not offered in are left out
    (cms.translations.languages), as the switcher and the API leave them out.
    """
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .select_related("locale")
        .order_by("path")
    )
    for path in unoffered_programme_paths():
        pages = pages.exclude(path__startswith=path)
    urls_by_key = defaultdict(list)
    entries = []
    for page in pages:
        url = page.get_full_url(request)
        if not url:
            continue
        urls_by_key[page.translation_key].append((page.locale.language_code, url))
        entries.append((page, url))
    default_code = settings.LANGUAGE_CODE
    result = []
    for page, url in entries:
        alternates = sorted(urls_by_key[page.translation_key])
        result.append(
            SitemapEntry(
                location=url,
                last_modified=page.last_published_at,
                alternates=alternates if len(alternates) > 1 else [],
                default_location=dict(alternates).get(default_code)
                if len(alternates) > 1
                else None,
            )
        )
    return result
