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

A request reads the generation once, and a page rendered by cms.core.page_cache
fetches the parts it read when last rendered (its "plan", kept per host,
language and path) in one `get_many`, not one cache round trip per part.
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

from .generation import content_generation_of, content_generation_with

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


def _raw(
    request: HttpRequest | None, name: str, vary: tuple, by_site: bool
) -> tuple[str, ...]:
    """What a part's key holds besides the generation."""
    site = Site.find_for_request(request) if request and by_site else None
    language = get_language() or ""
    return (str(site.pk if site else ""), language, name, *map(str, vary))


def _key(generation: int, raw: tuple[str, ...]) -> str:
    joined = "|".join((str(generation), *raw))
    return "site:part:" + hashlib.sha256(joined.encode()).hexdigest()


def _plan_key(request: HttpRequest, path: str) -> str:
    raw = "|".join((request.get_host(), get_language() or "", path))
    return "site:part-plan:" + hashlib.sha256(raw.encode()).hexdigest()


def shared_parts_prefetch(request: HttpRequest, path: str) -> None:
    """Read the generation and the parts the page at path read when it was last
    rendered (its plan), in two cache round trips instead of one per part.
    A part read from here has the key shared_part computes, so a plan made
    before a change (another site, a new part) costs reads, never freshness."""
    if not shared_parts_enabled():
        return
    plan_key = _plan_key(request, path)
    generation, plan = content_generation_with(request, plan_key)
    request.__dict__["_shared_parts_plan"] = (plan_key, plan)
    if plan:
        keys = [_key(generation["n"], tuple(raw)) for raw in plan]
        request.__dict__["_shared_parts_prefetched"] = cache.get_many(keys)


def shared_parts_plan_keep(request: HttpRequest) -> None:
    """After a page rendered: keep the parts it read as its path's plan."""
    plan_key, plan = request.__dict__.get("_shared_parts_plan", (None, None))
    reads = request.__dict__.get("_shared_parts_read")
    if plan_key and reads and reads != plan:
        timeout = getattr(settings, "SITE_SHARED_PARTS_SECONDS", 3600)
        cache.set(plan_key, reads, timeout)


def _memo(request: HttpRequest | None) -> dict:
    # base.html asks for some parts twice: one cache read per request.
    if request is None:
        return {}
    return request.__dict__.setdefault("_shared_parts", {})


def _prefetched(request: HttpRequest | None, raw: tuple[str, ...]) -> dict:
    """The parts shared_parts_prefetch read, {key: value}; notes raw as read."""
    if request is None:
        return {}
    request.__dict__.setdefault("_shared_parts_read", []).append(raw)
    return request.__dict__.get("_shared_parts_prefetched", {})


def shared_part(
    request: HttpRequest | None,
    name: str,
    compute: Callable[[], Any],
    *vary: Any,
    keep_none: bool = True,
    by_site: bool = True,
) -> Any:
    """`compute()` for the request's site and language in this content
    generation, from the shared cache when a page computed it before. The
    value must be picklable and hold nothing personal. With keep_none=False a
    None is not kept (where `vary` comes from the visitor, e.g. a URL that
    names no page: a stranger must not fill the cache). With by_site=False
    the part is the same on every site (the site itself, found by host)."""
    memo = _memo(request)
    memo_key = (name, get_language(), *vary)
    if memo_key in memo:
        return memo[memo_key]
    if not shared_parts_enabled():
        value = compute()
    else:
        raw = _raw(request, name, vary, by_site)
        key = _key(content_generation_of(request)["n"], raw)
        value = _prefetched(request, raw).get(key, _MISSING)
        if value is _MISSING:
            value = cache.get(key, _MISSING)
        if value is _MISSING:
            value = compute()
            timeout = getattr(settings, "SITE_SHARED_PARTS_SECONDS", 3600)
            if value is not None or keep_none:
                cache.set(key, value, timeout)
    memo[memo_key] = value
    return value
