"""The site's pages as bytes in the shared cache, for visitors who are not signed in.

The programme, module, session topic and home pages, in every language, are
read far more than they change. A page rendered for a request that carries no
session (so no person: no name, no CSRF token, no message) is stored under the
content generation (cms.core.generation), the host, the language and the path;
the next such request gets those bytes without routing, queries or templates.
A publish, unpublish, move, a changed snippet, image or setting, or a change of
the editions, places and info sessions a programme page shows, starts a new
generation (cms.core.receivers): every stored page becomes unreachable at once,
the same freshness rule as the API's responses (api.caching). What changes with
the clock alone (an enrolment window opening, a session passing) shows within
SITE_PAGE_CACHE_SECONDS. Signed-in visitors always get a page rendered for them.

`SITE_PAGE_CACHE = False` (env `SITE_PAGE_CACHE=off`) serves every page fresh
(the benchmark's miss mode).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from wagtail import views as wagtail_views

from .generation import content_generation_of
from .routing import remember_page_route
from .shared_parts import shared_parts_plan_keep, shared_parts_prefetch

# Page types whose rendering is the same for every visitor who is not signed
# in. A page type with a form (a CSRF token) would never be stored anyway.
CACHED_PAGE_MODELS = frozenset(
    {
        "home.homepage",
        "catalogue.programmepage",
        "catalogue.modulepage",
        "catalogue.sessiontopicpage",
    }
)
# Cookies that make a request someone's: a session (signed in, or holding
# messages or a page password) or messages waiting to be shown.
PERSONAL_COOKIES = ("messages",)
KEPT_HEADERS = ("Content-Type", "Content-Language")


def page_cache_enabled() -> bool:
    return getattr(settings, "SITE_PAGE_CACHE", True)


def _anonymous_get(request: HttpRequest) -> bool:
    """A GET without a query string from a visitor who holds no session."""
    cookies = (settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES)
    return (
        request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and not any(name in request.COOKIES for name in cookies)
    )


def _cache_key(request: HttpRequest) -> str:
    raw = "|".join(
        (
            str(content_generation_of(request)["n"]),
            request.get_host(),
            get_language() or "",
            request.path,
        )
    )
    return "site:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """A 200 page of a cached type whose rendering used nothing personal."""
    page = getattr(response, "context_data", None) or {}
    page = page.get("page")
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and page is not None
        and page._meta.label_lower in CACHED_PAGE_MODELS
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
    )


def _entry_make(response: HttpResponse) -> dict:
    headers = {name: response[name] for name in KEPT_HEADERS if name in response}
    return {"body": response.content, "headers": headers}


def _answer(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["body"], headers=entry["headers"])
    response["X-Cache"] = "hit"
    return response


def _rendered(request: HttpRequest, path: str) -> HttpResponseBase:
    shared_parts_prefetch(request, path)
    remember_page_route(request, path)
    response = wagtail_views.serve(request, path)
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if response.status_code == 200:
        shared_parts_plan_keep(request)
    return response


def serve(request: HttpRequest, path: str) -> HttpResponseBase:
    """Access: as the page allows (Wagtail's serve). Wagtail's page serving,
    with pages that hold nothing personal answered from the shared cache."""
    if not _anonymous_get(request):
        shared_parts_prefetch(request, path)
        remember_page_route(request, path)
        return wagtail_views.serve(request, path)
    enabled = page_cache_enabled()
    key = _cache_key(request) if enabled else ""
    entry = cache.get(key) if enabled else None
    if entry is not None:
        response = _answer(entry)
    else:
        response = _rendered(request, path)
        if not _storable(request, response):
            return response
        if enabled:
            timeout = getattr(settings, "SITE_PAGE_CACHE_SECONDS", 300)
            cache.set(key, _entry_make(response), timeout)
        # Says whether the page came from the cache: the benchmark counts it.
        response["X-Cache"] = "miss"
    # Signed-in visitors get another page at the same URL: a shared HTTP
    # cache must not hand them this one.
    patch_vary_headers(response, ("Cookie",))
    return response
