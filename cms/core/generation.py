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

GENERATION_KEY = "api:v1:content-generation"


def content_generation() -> dict:
    """The current generation, {"n": unique number, "at": unix seconds}."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = {"n": time.time_ns(), "at": int(time.time())}
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY) or generation
    return generation


def content_generation_bump(**kwargs: Any) -> None:
    """Start a new generation (a signal receiver, hence **kwargs)."""
    cache.set(GENERATION_KEY, {"n": time.time_ns(), "at": int(time.time())}, None)
