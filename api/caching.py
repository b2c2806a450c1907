"""Server-side cache and conditional requests for content.

A global content *generation* lives in the default cache; any change to what a
content response shows (a publish, an image, a translation's review...) bumps it
(api.receivers). It is part of every cache key, so a bump makes every cached
response unreachable at once: no one reads a stale page after a change.
Last-Modified is the time of the bump.
"""

import hashlib
import json
import time
from email.utils import formatdate, parsedate_to_datetime

from django.core.cache import cache
from django.utils.http import quote_etag
from rest_framework.response import Response

GENERATION_KEY = "api:v1:content-generation"
TIMEOUT = 60 * 60 * 24


def content_generation() -> dict:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = {"n": time.time_ns(), "at": int(time.time())}
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY) or generation
    return generation


def content_generation_bump(**kwargs) -> None:
    cache.set(GENERATION_KEY, {"n": time.time_ns(), "at": int(time.time())}, None)


def _cache_key(request, generation) -> str:
    language = request.headers.get("Accept-Language", "")
    raw = f"{generation['n']}|{request.get_full_path()}|{language}"
    return "api:v1:content:" + hashlib.sha256(raw.encode()).hexdigest()


def _not_modified(request, etag: str, last_modified: int) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = [t.strip() for t in if_none_match.split(",")]
        return etag in tags or "*" in tags or f"W/{etag}" in tags
    since = request.headers.get("If-Modified-Since")
    if since:
        try:
            return last_modified <= parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, OverflowError):
            return False
    return False


def cached_content(view_method):
    """Decorate a GET handler of a content view: serve from the cache when the
    content has not changed, answer conditional requests with 304."""

    def wrapper(self, request, *args, **kwargs):
        generation = content_generation()
        key = _cache_key(request, generation)
        entry = cache.get(key)
        # Says whether this process found the response cached: the benchmark
        # counts it to report the hit ratio of its "cache hit" scenarios.
        hit = "hit" if entry is not None else "miss"
        if entry is None:
            response = view_method(self, request, *args, **kwargs)
            if response.status_code != 200:
                return response
            body = json.dumps(response.data, sort_keys=True, default=str)
            etag = quote_etag(hashlib.sha256(body.encode()).hexdigest()[:32])
            entry = {"data": response.data, "etag": etag}
            cache.set(key, entry, TIMEOUT)
        headers = {
            "ETag": entry["etag"],
            "Last-Modified": formatdate(generation["at"], usegmt=True),
            "Vary": "Accept-Language, Authorization",
            "Cache-Control": "public, max-age=0, must-revalidate",
            "X-Cache": hit,
        }
        if _not_modified(request, entry["etag"], generation["at"]):
            return Response(status=304, headers=headers)
        return Response(entry["data"], headers=headers)

    wrapper.__name__ = view_method.__name__
    wrapper.__doc__ = view_method.__doc__
    return wrapper
