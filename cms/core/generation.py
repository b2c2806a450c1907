"""The content generation: one number for "what the site and the API show".

It lives in the default cache; any change to what a page, a content response or
a cached site page shows bumps it (cms.core.receivers). Every cache key of the
API's content responses (api.caching) and of the site's pages
(cms.core.page_cache) holds it, so a bump makes every cached answer unreachable
at once. `at` (seconds) is the time of the bump: the Last-Modified of them all.
"""

import time
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest

GENERATION_KEY = "api:v1:content-generation"


def content_generation() -> dict:
    """The current generation, {"n": unique number, "at": unix seconds}."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = {"n": time.time_ns(), "at": int(time.time())}
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY) or generation
    return generation


def content_generation_of(request: HttpRequest | None) -> dict:
    """The generation a request renders from, read once per request: its page
    key and every shared part's (a cache round trip each) agree on one."""
    if request is None:
        return content_generation()
    if "_content_generation" not in request.__dict__:
        request.__dict__["_content_generation"] = content_generation()
    return request.__dict__["_content_generation"]


def content_generation_with(request: HttpRequest, key: str) -> tuple[dict, Any]:
    """The request's generation (as content_generation_of) and the cached value
    of key (None when absent), in one cache round trip."""
    if "_content_generation" in request.__dict__:
        return request.__dict__["_content_generation"], cache.get(key)
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY) or content_generation()
    request.__dict__["_content_generation"] = generation
    return generation, found.get(key)


def content_generation_bump(**kwargs: Any) -> None:
    """Start a new generation (a signal receiver, hence **kwargs)."""
    cache.set(GENERATION_KEY, {"n": time.time_ns(), "at": int(time.time())}, None)
