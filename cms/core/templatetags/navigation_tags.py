"""Header and footer navigation: language switcher, hreflang links, menus, crumbs."""

from dataclasses import dataclass, field, replace

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site
from wagtail.templatetags.wagtailcore_tags import richtext

from cms.core.models import SiteSettings
from cms.core.selectors import (
    home_language_links,
    localized_objects,
    organisation_name,
    page_language_links,
    site_home_pages,
    view_language_links,
)
from cms.core.shared_parts import shared_part
from cms.navigation.models import Footer, MainMenu

register = template.Library()


def _cached(request, key, compute):
    """Compute a value once per request: base.html asks for some of them twice."""
    if request is None:
        return compute()
    cache = request.__dict__.setdefault("_navigation_tags_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def active_locale_id(context) -> int | None:
    """The locale the page is in, else the active language's; for localizing links."""
    page = context.get("page")
    if isinstance(page, Page):
        return page.locale_id
    request = context.get("request")
    language = get_language()

    def compute():
        locale = Locale.objects.filter(language_code=language).first()
        return locale.pk if locale else None

    return _cached(request, ("locale", language), compute)


def make_absolute(request, url):
    """`url` with the request's site root (as Wagtail's canonical URLs have it)."""
    if not url or request is None or url.startswith(("http://", "https://", "//")):
        return url or ""
    site = Site.find_for_request(request)
    if site is None:
        return request.build_absolute_uri(url)
    return site.root_url + url


def language_links_for(*, request, page):
    """Pick the switcher's targets: a page's translations, a view's other-language
    URLs, or the home pages when the URL is a page that does not exist (404)."""
    if isinstance(page, Page):
        return page_language_links(page=page, request=request)
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name == "wagtail_serve":
        return home_language_links(request=request)
    return view_language_links(request=request)


@register.simple_tag(takes_context=True)
def language_links(context):
    """Every content language with a link for the current page or view."""
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return []
    key = ("language_links", getattr(page, "pk", None), get_language())
    return _cached(request, key, lambda: _language_links(request, page))


def _language_links(request, page):
    """A live page's links are the same for every visitor until the content
    changes (translations published, a programme's languages): kept per content
    generation. A preview's are its draft's."""
    if (
        not isinstance(page, Page)
        or not page.live
        or getattr(request, "is_preview", False)
    ):
        return language_links_for(request=request, page=page)
    return shared_part(
        request,
        "language_links",
        lambda: language_links_for(request=request, page=page),
        page.pk,
    )


@register.inclusion_tag("navigation/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"links": language_links(context)}


@register.inclusion_tag("navigation/alternate_links.html", takes_context=True)
def alternate_links(context):
    """<link rel=alternate hreflang> for each translation, plus x-default."""
    request = context.get("request")
    links = [link for link in language_links(context) if link.is_translation]
    if len(links) < 2 or request is None:
        return {"alternates": [], "x_default": None}
    alternates = [
        (link.language_code, make_absolute(request, link.url)) for link in links
    ]
    return {
        "alternates": alternates,
        "x_default": dict(alternates).get(settings.LANGUAGE_CODE),
    }


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page of the active language (or None)."""
    request = context.get("request")
    if request is None:
        return None
    language = get_language()
    homes = shared_part(request, "home_pages", lambda: site_home_pages(request=request))
    return homes.get(language) or homes.get(settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True, name="organisation_name")
def organisation_name_tag(context) -> str:
    """The organisation's name in the active language (the default one's if
    untranslated); header, footer and page title ask for it once a request."""
    language = get_language()
    return shared_part(
        context.get("request"),
        "organisation_name",
        lambda: organisation_name(language=language),
    )


# --- Menus ----------------------------------------------------------------------
# A menu's links are the same for every visitor of a language: computed once per
# content generation (cms.core.shared_parts); only the marks of the current page
# and its ancestors are set per request.


@dataclass(frozen=True)
class MenuEntry:
    """A menu link as every visitor sees it, before the request's marks."""

    label: str
    url: str
    # Whether the link is marked as an ancestor of the pages under its URL.
    marks_ancestors: bool
    children: tuple["MenuEntry", ...] = ()


@dataclass
class MenuLink:
    label: str
    url: str
    is_current: bool = False
    is_ancestor: bool = False
    children: list["MenuLink"] = field(default_factory=list)


def _entry(value, page, request) -> MenuEntry | None:
    """A menu entry from a MenuLinkBlock value and its (localized) page."""
    url = page.get_url(request) if page else value.get("url")
    if not url:
        return None
    label = value.get("label") or (page.title if page else url)
    # The home pages (depth 2) are everyone's ancestor: never marked.
    return MenuEntry(
        label=label, url=url, marks_ancestors=page is not None and page.depth > 2
    )


def menu_entries(items, *, request, locale_id) -> list[MenuEntry]:
    """Menu entries from MenuItemBlock/MenuLinkBlock values, pages in one locale.

    Editors choose pages in the source language; each is swapped for its
    translation in `locale_id` with one query for the whole menu.
    """
    values = [item.value for item in items]
    flat = []
    for value in values:
        flat.append(value.get("page"))
        flat.extend(child.get("page") for child in value.get("children") or [])
    localized = iter(localized_objects(flat, locale_id=locale_id))
    entries = []
    for value in values:
        entry = _entry(value, next(localized), request)
        children = [
            _entry(child, next(localized), request)
            for child in value.get("children") or []
        ]
        if entry is None:
            continue
        children = tuple(child for child in children if child)
        entries.append(replace(entry, children=children))
    return entries


def marked_links(entries, *, path: str) -> list[MenuLink]:
    """The entries as links, the one at `path` and its ancestors marked."""
    links = []
    for entry in entries:
        children = marked_links(entry.children, path=path)
        is_current = entry.url == path
        is_ancestor = (
            not is_current and entry.marks_ancestors and path.startswith(entry.url)
        )
        links.append(
            MenuLink(
                label=entry.label,
                url=entry.url,
                is_current=is_current,
                is_ancestor=is_ancestor
                or any(c.is_current or c.is_ancestor for c in children),
                children=children,
            )
        )
    return links


def snippet_for_locale(model, *, locale_id):
    """The live snippet of the locale, else the one of the default language."""
    snippets = model.objects.filter(live=True).order_by("pk")
    return (
        snippets.filter(locale_id=locale_id).first()
        or snippets.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )


def fallback_menu_entries(*, home, request) -> list[MenuEntry]:
    """Without a MainMenu snippet: the home page's children marked "show in menus"."""
    if home is None:
        return []
    pages = home.get_children().live().public().in_menu()
    return [
        MenuEntry(label=page.title, url=url, marks_ancestors=True)
        for page in pages
        if (url := page.get_url(request))
    ]


def main_menu_entries(context) -> list[MenuEntry]:
    """The header menu of the active language: its MainMenu snippet, else the
    home page's children."""
    request = context.get("request")
    locale_id = active_locale_id(context)
    menu = snippet_for_locale(MainMenu, locale_id=locale_id)
    if menu is not None:
        return menu_entries(menu.items, request=request, locale_id=locale_id)
    return fallback_menu_entries(home=home_page(context), request=request)


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    # By locale too: a page not translated yet is shown in its own locale's menu.
    entries = shared_part(
        request,
        "main_menu",
        lambda: main_menu_entries(context),
        active_locale_id(context),
    )
    return {"links": marked_links(entries, path=request.path if request else "")}


def social_links(site_settings) -> list[tuple[str, str]]:
    """(url, the network's label) of each of the site's social links."""
    links = []
    for block in site_settings.social_links if site_settings else []:
        network = block.value.get("network")
        choices = dict(block.block.child_blocks["network"].field.choices)
        links.append((block.value.get("url"), str(choices.get(network, network))))
    return links


def footer_part(context) -> dict:
    """What the footer shows every visitor of the active language: its text
    (rich text, links expanded), its links and the site's contact settings."""
    request = context.get("request")
    locale_id = active_locale_id(context)
    footer = snippet_for_locale(Footer, locale_id=locale_id)
    site_settings = SiteSettings.for_request(request) if request else None
    return {
        "text": richtext(footer.text) if footer and footer.text else "",
        "entries": menu_entries(footer.links, request=request, locale_id=locale_id)
        if footer
        else [],
        "contact_email": getattr(site_settings, "contact_email", ""),
        "social_links": social_links(site_settings),
    }


@register.inclusion_tag("navigation/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    part = shared_part(
        request, "footer", lambda: footer_part(context), active_locale_id(context)
    )
    return {
        **part,
        "links": marked_links(part["entries"], path=request.path if request else ""),
        "organisation_name": organisation_name_tag(context),
    }


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The page's ancestors from its home page down; nothing on a home page."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": []}
    ancestors = page.get_ancestors().filter(depth__gte=2).live().public()
    return {"ancestors": list(ancestors), "page": page}
