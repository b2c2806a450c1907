"""Find the page a URL names in three queries, whatever its depth.

Wagtail routes a URL one path segment at a time: each level costs a query for
the child and one for its specific row, so a session topic page costs ten
queries before anything is rendered. Where every page on the way routes the
plain way (`Page.route`, no sub-routes), the same answer is found from the
pages' `url_path`: the site's root in the active language, every page on the
way at once, then the page's specific row. Anything else (a page with its own
`route`, a missing or unpublished page, an unknown language) is left to
Wagtail's routing, which gives the answer it always gave (a 404 included).
The site and the page a path names are kept per content generation and language
(cms.core.shared_parts): a URL routed since the last change costs one query, for
the page's specific row, and none for Wagtail's view restriction check when no
restriction applies to it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.utils.translation import get_language, get_supported_language_variant
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from .shared_parts import shared_part


def _localized_root(site: Site) -> Page | None:
    """The site's root page in the active language if it is live, else the root
    itself (as `Page.localized`). One query."""
    try:
        language = get_supported_language_variant(get_language())
    except LookupError:
        return None
    translations = Q(
        translation_key__in=Page.objects.filter(pk=site.root_page_id).values(
            "translation_key"
        ),
        locale__language_code=language,
    )
    pages = Page.objects.filter(translations | Q(pk=site.root_page_id))
    found = {page.pk == site.root_page_id: page for page in pages}
    translation = found.get(False)
    if translation is not None and translation.live:
        return translation
    return found.get(True, translation)


def _routes_plainly(page: Page) -> bool:
    model = page.specific_class
    return model is not None and model.route is Page.route


def _chain(root: Page, components: list[str]) -> list[Page] | None:
    """The pages from root's child down to the page `components` name, when each
    exists and routes plainly. One query."""
    url_paths = [
        root.url_path + "".join(f"{slug}/" for slug in components[: depth + 1])
        for depth in range(len(components))
    ]
    pages = Page.objects.filter(
        url_path__in=url_paths, path__startswith=root.path, depth__gt=root.depth
    )
    by_url_path = {page.url_path: page for page in pages}
    chain = [by_url_path.get(url_path) for url_path in url_paths]
    if any(page is None or not _routes_plainly(page) for page in chain[:-1]):
        return None
    return chain if chain[-1] is not None else None


def _site(request: HttpRequest) -> Site | None:
    """Site.find_for_request, kept per content generation (a change of a
    site starts a new one) by host and port, and set on the request as Wagtail
    caches it."""
    if not hasattr(request, "_wagtail_site"):
        host, port = split_domain_port(request._get_raw_host())[0], request.get_port()
        request._wagtail_site = shared_part(
            request,
            "site",
            lambda: Site._find_for_request(request),
            host,
            port,
            by_site=False,
        )
    return request._wagtail_site


def _found_page(request: HttpRequest, path: str) -> Page | None:
    site = _site(request)
    root = _localized_root(site) if site is not None else None
    components = [component for component in path.split("/") if component]
    if root is None or not _routes_plainly(root):
        return None
    if not components:
        return root
    chain = _chain(root, components)
    return chain[-1] if chain else None


def _route_key(request: HttpRequest, path: str) -> tuple[int, int, bool] | None:
    """(content type id, id, unrestricted) of the live page path names, kept
    per content generation and language (a publish, move, new slug or view
    restriction starts a new one). `unrestricted`: no view restriction applies
    to the page or an ancestor (Wagtail's `get_view_restrictions`)."""
    page = _found_page(request, path)
    if page is None or not page.live or not _routes_plainly(page):
        return None
    unrestricted = not page.get_view_restrictions().exists()
    return page.content_type_id, page.pk, unrestricted


def page_route(request: HttpRequest, path: str) -> RouteResult | None:
    """The route Wagtail's `Page.route_for_request` would find for path, when
    it can be found in three queries (one when this path was routed since the
    last change); None to leave it to Wagtail."""
    _site(request)  # before shared_part, which asks for the site too
    found = shared_part(
        request, "page_route", lambda: _route_key(request, path), path, keep_none=False
    )
    if found is None:
        return None
    content_type_id, pk, unrestricted = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.filter(pk=pk, live=True).first() if model else None
    if page is None:
        return None
    if unrestricted:
        # Wagtail's on_serve_page check asks the page for its restrictions
        # (two queries per request); in this generation there are none.
        page.get_view_restrictions = PageViewRestriction.objects.none
    return RouteResult(page)


def remember_page_route(request: HttpRequest, path: str) -> None:
    """Give Wagtail's serve (which reads `request._wagtail_route_for_request`)
    the route found by `page_route`, when there is one."""
    route = page_route(request, path)
    if route is not None:
        request._wagtail_route_for_request = route
