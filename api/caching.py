"""Server-side cache and conditional requests for content.

The content *generation* (cms.core.generation) is part of every cache key: any
change to what a content response shows (a publish, an image, a translation's
review...) bumps it (cms.core.receivers), so a bump makes every cached response
unreachable at once: no one reads a stale page after a change. Last-Modified is
the time of the bump.

A response is cached as the JSON bytes it was sent as, with their ETag: a hit
sends those bytes as they are, with no serializer or renderer at work.
`API_RESPONSE_CACHE = False` (env `API_RESPONSE_CACHE=off`) switches this
response cache off, so every request is a miss (the benchmark's miss mode); the
generation, ETags and 304 answers work the same.
"""

import hashlib
import json
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.http import quote_etag
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.core.generation import content_generation, content_generation_bump

__all__ = ["cached_content", "content_generation", "content_generation_bump"]

TIMEOUT = 60 * 60 * 24
JSON = JSONRenderer.media_type


def response_cache_enabled() -> bool:
    return getattr(settings, "API_RESPONSE_CACHE", True)


def _cache_key(request: Request, generation: dict) -> str:
    language = request.headers.get("Accept-Language", "")
    raw = f"{generation['n']}|{request.get_full_path()}|{language}"
    return "api:v1:content:" + hashlib.sha256(raw.encode()).hexdigest()


def _not_modified(request: Request, etag: str, last_modified: int) -> bool:
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


class JSONBytesResponse(Response):
    """A response whose JSON is already made as bytes (joined stored
    representations: api.content.stored); cached_content sends them as they are."""

    def __init__(self, body: bytes, **kwargs: Any) -> None:
        super().__init__(data=None, **kwargs)
        self.json_bytes = body


def _entry_make(response: Response) -> dict:
    """The response as the bytes DRF's JSON renderer sends, and their ETag."""
    body = getattr(response, "json_bytes", None)
    if body is None:
        body = JSONRenderer().render(response.data, JSON, {})
    return {"body": body, "etag": quote_etag(hashlib.sha256(body).hexdigest()[:32])}


def _wants_plain_json(request: Request) -> bool:
    # The browsable API or `application/json; indent=4` render the data again;
    # a client's plain JSON (nearly every request) gets the stored bytes.
    renderer = getattr(request, "accepted_renderer", None)
    media_type = getattr(request, "accepted_media_type", "") or ""
    return isinstance(renderer, JSONRenderer) and "indent" not in media_type


def _answer(request: Request, entry: dict, headers: dict) -> HttpResponse:
    if _wants_plain_json(request):
        return HttpResponse(entry["body"], content_type=JSON, headers=headers)
    return Response(json.loads(entry["body"]), headers=headers)


def cached_content(view_method: Callable) -> Callable:
    """Decorate a GET handler of a content view: serve the stored bytes when
    the content has not changed, answer conditional requests with 304."""

    def wrapper(
        self: APIView, request: Request, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        generation = content_generation()
        key = _cache_key(request, generation)
        enabled = response_cache_enabled()
        entry = cache.get(key) if enabled else None
        # Says whether this process found the response cached: the benchmark
        # counts it to report the hit ratio of its hit and miss modes.
        hit = "hit" if entry is not None else "miss"
        if entry is None:
            response = view_method(self, request, *args, **kwargs)
            if response.status_code != 200:
                return response
            entry = _entry_make(response)
            if enabled:
                cache.set(key, entry, TIMEOUT)
        headers = {
            "ETag": entry["etag"],
            "Last-Modified": formatdate(generation["at"], usegmt=True),
            "Vary": "Accept-Language, Authorization",
            "Cache-Control": "public, max-age=0, must-revalidate",
            "X-Cache": hit,
        }
        if _not_modified(request, entry["etag"], generation["at"]):
            return HttpResponse(status=304, headers=headers)
        return _answer(request, entry, headers)

    wrapper.__name__ = view_method.__name__
    wrapper.__doc__ = view_method.__doc__
    return wrapper
