"""Parts of a site page that every visitor shares, computed once per content
generation, language and site, and kept in the shared cache.

The header's menu, the footer, the home page links and the organisation's name
are the same on every page of a language; computing them costs about half the
queries of a page. On a miss of the page cache (cms.core.page_cache: a page
not read since the last publish, or SITE_PAGE_CACHE off) the page is rendered
afresh, but these parts come from here: after a publish, the first page
rendered computes them and every other page of that language reuses them.

A part holds only what any visitor sees (no person, no CSRF token, nothing that
depends on the request's path: "current page" marks are set per request by the
caller). Its key holds the content generation (cms.core.generation), so a
publish, a changed menu, footer or setting makes it unreachable at once, the
same freshness rule as the cached pages and the API's responses.
`SITE_SHARED_PARTS = False` computes them on every request (the benchmark's
"before" reference).
"""

import hashlib
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Site

from .generation import content_generation

_MISSING = object()
# Switched off for one block of code (the benchmark's reference serving).
_disabled: ContextVar[bool] = ContextVar("shared_parts_disabled", default=False)


def shared_parts_enabled() -> bool:
    return getattr(settings, "SITE_SHARED_PARTS", True) and not _disabled.get()


@contextmanager
def shared_parts_off():
    """Compute every part afresh inside this block (the benchmark's reference)."""
    token = _disabled.set(True)
    try:
        yield
    finally:
        _disabled.reset(token)


def _key(request: HttpRequest | None, name: str, vary: tuple) -> str:
    site = Site.find_for_request(request) if request is not None else None
    raw = "|".join(
        (
            str(content_generation()["n"]),
            str(site.pk if site else ""),
            get_language() or "",
            name,
            *map(str, vary),
        )
    )
    return "site:part:" + hashlib.sha256(raw.encode()).hexdigest()


def _memo(request: HttpRequest | None) -> dict:
    # base.html asks for some parts twice: one cache read per request.
    if request is None:
        return {}
    return request.__dict__.setdefault("_shared_parts", {})


def shared_part(
    request: HttpRequest | None,
    name: str,
    compute: Callable[[], Any],
    *vary: Any,
    keep_none: bool = True,
) -> Any:
    """`compute()` for the request's site and language in this content
    generation, from the shared cache when a page computed it before. The
    value must be picklable and hold nothing personal. With keep_none=False a
    None is not kept (where `vary` comes from the visitor, e.g. a URL that
    names no page: a stranger must not fill the cache)."""
    memo = _memo(request)
    memo_key = (name, get_language(), *vary)
    if memo_key in memo:
        return memo[memo_key]
    if not shared_parts_enabled():
        value = compute()
    else:
        key = _key(request, name, vary)
        value = cache.get(key, _MISSING)
        if value is _MISSING:
            value = compute()
            timeout = getattr(settings, "SITE_SHARED_PARTS_SECONDS", 3600)
            if value is not None or keep_none:
                cache.set(key, value, timeout)
    memo[memo_key] = value
    return value
