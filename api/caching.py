"""Server-side cache and conditional requests for content.

The content *generation* (cms.core.generation) changes with anything a content
response shows (a publish, an image, a translation's review...: cms.core.receivers).
Each cached response is stored with the generation it was made in and is served
only while that generation is current, so no one reads a stale page after a
change; the next miss overwrites it. Last-Modified is the time of the bump.

A response is cached as the JSON bytes it was sent as, with their ETag and every
header of its own: a hit sends those bytes as they are, with no serializer or
renderer at work. An anonymous plain-JSON read is looked up before DRF's dispatch
(`ContentHitMixin`): one round trip to Redis (a pipeline) reads the generation,
the response and the caller's rate counts and counts the request; on another
cache backend that is a read and a write. Other callers (keys, sessions, the
browsable API) and every miss go through DRF's dispatch, which judges them as
always (an anonymous miss already counted here is not counted twice).
Each process also keeps its own copies of the responses it served last
(`LocalEntries`, API_RESPONSE_LOCAL_BYTES): a copy is served only when the
generation read from the shared cache in that same request is the one it was
made in, so it saves moving the bytes, never the check.
`API_RESPONSE_CACHE = False` (env `API_RESPONSE_CACHE=off`) switches this
response cache off, so every request is a miss (the benchmark's miss mode); the
generation, ETags and 304 answers work the same.
"""

import hashlib
import json
import threading
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest, HttpResponse
from django.utils.http import quote_etag
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from cms.core.generation import (
    GENERATION_KEY,
    content_generation,
    content_generation_bump,
    content_generation_of,
)

from .throttling import COUNTED_ATTRIBUTE, anonymous_throttles

__all__ = [
    "ContentHitMixin",
    "cached_content",
    "content_generation",
    "content_generation_bump",
]

TIMEOUT = 60 * 60 * 24
JSON = JSONRenderer.media_type
KEY_PREFIX = "api:v1:content:"
# The request attribute that hands the lookup made before DRF's dispatch to
# cached_content, so that a miss does not read the cache twice.
LOOKUP_ATTRIBUTE = "api_content_lookup"
# Accept headers DRF answers with its JSON renderer as is (the first renderer).
PLAIN_ACCEPTS = frozenset({"", "*/*", "application/json"})


class LocalEntries:
    """This process's copies of cached entries, by cache key, kept within
    `limit` bytes (the oldest copy made goes first). Entries are immutable: a
    key's entry of a generation is replaced, never changed, and a generation's
    number is never reused (cms.core.generation), so a copy whose generation is
    the current one is the shared cache's entry."""

    # A copy's bookkeeping beyond its body (headers, dict, key), roughly.
    OVERHEAD = 1024

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self._entries: dict[str, dict] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> dict | None:
        return self._entries.get(key)

    def put(self, key: str, entry: dict) -> None:
        cost = len(entry["body"]) + self.OVERHEAD
        if cost > self.limit:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.size -= len(old["body"]) + self.OVERHEAD
            while self._entries and self.size + cost > self.limit:
                oldest = next(iter(self._entries))
                self.size -= len(self._entries.pop(oldest)["body"]) + self.OVERHEAD
            self._entries[key] = entry
            self.size += cost

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.size = 0


local_entries = LocalEntries(getattr(settings, "API_RESPONSE_LOCAL_BYTES", 8 << 20))


def response_cache_enabled() -> bool:
    return getattr(settings, "API_RESPONSE_CACHE", True)


# Headers are read from META: a hit builds no `request.headers` mapping.
def _cache_key(request: HttpRequest | Request) -> str:
    language = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    raw = f"{request.get_full_path()}|{language}"
    return KEY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def _current(entry: dict | None, generation: dict) -> dict | None:
    """The entry if it was made in the current generation (else it is stale)."""
    if entry is not None and entry.get("n") == generation["n"]:
        return entry
    return None


def _not_modified(request: HttpRequest | Request, entry: dict) -> bool:
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    etag = entry["etag"]
    if if_none_match is not None:
        tags = [t.strip() for t in if_none_match.split(",")]
        return etag in tags or "*" in tags or f"W/{etag}" in tags
    since = request.META.get("HTTP_IF_MODIFIED_SINCE")
    if since:
        try:
            return entry["at"] <= parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, OverflowError):
            return False
    return False


class JSONBytesResponse(Response):
    """A response whose JSON is already made as bytes (joined stored
    representations: api.content.stored); cached_content sends them as they are."""

    def __init__(self, body: bytes, **kwargs: Any) -> None:
        super().__init__(data=None, **kwargs)
        self.json_bytes = body


def _entry_make(response: Response, *, view: APIView, generation: dict) -> dict:
    """The response as the bytes DRF's JSON renderer sends, their ETag, and the
    headers a hit sends with them (DRF's own Allow and Vary included)."""
    body = getattr(response, "json_bytes", None)
    if body is None:
        body = JSONRenderer().render(response.data, JSON, {})
    etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    drf_headers = view.default_response_headers
    vary = ", ".join(
        ["Accept-Language", "Authorization", *filter(None, [drf_headers.get("Vary")])]
    )
    headers = {
        "Content-Type": JSON,
        "ETag": etag,
        "Last-Modified": formatdate(generation["at"], usegmt=True),
        "Vary": vary,
        "Cache-Control": "public, max-age=0, must-revalidate",
        "Allow": drf_headers["Allow"],
    }
    return {
        "n": generation["n"],
        "at": generation["at"],
        "body": body,
        "etag": etag,
        "headers": headers,
    }


def _wants_plain_json(request: Request) -> bool:
    # The browsable API or `application/json; indent=4` render the data again;
    # a client's plain JSON (nearly every request) gets the stored bytes.
    renderer = getattr(request, "accepted_renderer", None)
    media_type = getattr(request, "accepted_media_type", "") or ""
    return isinstance(renderer, JSONRenderer) and "indent" not in media_type


def _bytes_answer(
    request: HttpRequest | Request, entry: dict, *, hit: str
) -> HttpResponse:
    # Says whether this process found the response cached: the benchmark
    # counts it to report the hit ratio of its hit and miss modes.
    headers = {**entry["headers"], "X-Cache": hit}
    if _not_modified(request, entry):
        return HttpResponse(status=304, headers=headers)
    return HttpResponse(entry["body"], headers=headers)


def _answer(request: Request, entry: dict, *, hit: str) -> HttpResponse:
    if _wants_plain_json(request):
        return _bytes_answer(request, entry, hit=hit)
    headers = {**entry["headers"], "X-Cache": hit}
    del headers["Content-Type"]  # the chosen renderer's
    if _not_modified(request, entry):
        return HttpResponse(status=304, headers=headers)
    return Response(json.loads(entry["body"]), headers=headers)


def _lookup(request: Request, *, enabled: bool) -> tuple[dict, dict | None]:
    """The generation and this request's current cached entry, in one read (or
    as read before DRF's dispatch)."""
    # The generation is kept as the request's (content_generation_of): the
    # view's cached parts (api.content.prepared_reads) need not read it again.
    http_request = getattr(request, "_request", request)
    found = getattr(request, LOOKUP_ATTRIBUTE, None)
    if found is not None:
        http_request.__dict__.setdefault("_content_generation", found[0])
        return found
    if not enabled:
        return content_generation_of(http_request), None
    key = _cache_key(request)
    local = local_entries.get(key)
    values = cache.get_many([GENERATION_KEY] if local else [GENERATION_KEY, key])
    generation = values.get(GENERATION_KEY) or content_generation()
    http_request.__dict__.setdefault("_content_generation", generation)
    return generation, _entry_current(key, local, values.get(key), generation)


def _entry_current(
    key: str, local: dict | None, shared: dict | None, generation: dict
) -> dict | None:
    """The key's entry of the current generation: this process's copy when it
    is of that generation, else the shared cache's (read now if the copy was
    older: another process may have made it since), kept as the new copy."""
    if local is not None:
        if _current(local, generation) is not None:
            return local
        shared = cache.get(key)
    entry = _current(shared, generation)
    if entry is not None:
        local_entries.put(key, entry)
    return entry


def cached_content(view_method: Callable) -> Callable:
    """Decorate a GET handler of a content view: serve the stored bytes when
    the content has not changed, answer conditional requests with 304."""

    def wrapper(
        self: APIView, request: Request, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        enabled = response_cache_enabled()
        generation, entry = _lookup(request, enabled=enabled)
        hit = "hit" if entry is not None else "miss"
        if entry is None:
            response = view_method(self, request, *args, **kwargs)
            if response.status_code != 200:
                return response
            entry = _entry_make(response, view=self, generation=generation)
            if enabled:
                key = _cache_key(request)
                cache.set(key, entry, TIMEOUT)
                local_entries.put(key, entry)
        return _answer(request, entry, hit=hit)

    wrapper.__name__ = view_method.__name__
    wrapper.__doc__ = view_method.__doc__
    wrapper.cached_content = True  # type: ignore[attr-defined]
    return wrapper


def _anonymous_plain_read(view: APIView, request: HttpRequest) -> bool:
    """A GET/HEAD without a key or a session, that DRF would answer with its
    JSON renderer as is, on a view every caller without a key may read."""
    format_param = api_settings.URL_FORMAT_OVERRIDE
    # Any mention of the parameter sends the request on to DRF (no QueryDict).
    query = request.META.get("QUERY_STRING", "")
    return (
        request.method in ("GET", "HEAD")
        and "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and request.META.get("HTTP_ACCEPT", "") in PLAIN_ACCEPTS
        and not (format_param and format_param in query)
        and issubclass(view.renderer_classes[0], JSONRenderer)
        and all(getattr(p, "admits_anonymous", False) for p in view.permission_classes)
    )


def read_and_count(keys: list[str], counters: dict[str, int]) -> dict[str, Any]:
    """The default cache's values of `keys`, with each of `counters` (keys of
    `keys`, to their seconds to live) counted one up; a counter's value is the
    count before this one. On Redis this is one round trip: MGET, then INCR and
    EXPIRE per counter, sent together (an INCR is atomic, so concurrent requests
    are each counted); on another backend a read, then a write per counter."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        values = backend.get_many(keys)
        for key, timeout in counters.items():
            backend.set(key, values.get(key, 0) + 1, timeout)
        return values
    # Our own keys: made without the memcached warnings' scan of each character.
    made = [backend.make_key(key) for key in keys]
    commands: list[tuple] = [("MGET", *made)]
    for key, timeout in counters.items():
        counter = made[keys.index(key)]
        commands += [("INCR", counter), ("EXPIRE", counter, timeout)]
    found, *counted = _redis_round_trip(backend, commands)
    client: Any = backend._cache  # Django's RedisCacheClient (private parts)
    loads = client._serializer.loads
    values = {
        key: loads(raw) for key, raw in zip(keys, found, strict=True) if raw is not None
    }
    for key, after in zip(counters, counted[::2], strict=True):
        values[key] = after - 1
    return values


def _redis_round_trip(backend: RedisCache, commands: list[tuple]) -> list[Any]:
    """The replies to `commands`, sent in one write on one of the cache's pooled
    connections (as a pipeline sends them, without its layers). A connection
    that fails midway is dropped and the commands go again through redis-py's
    pipeline, with its retries. Django's Redis client names its connection pool
    and serializer privately; its own get_many goes through the same ones."""
    client: Any = backend._cache
    pool = client._get_connection_pool(True)
    connection = pool.get_connection()
    try:
        connection.send_packed_command(connection.pack_commands(commands))
        return [connection.read_response() for _ in commands]
    except (RedisConnectionError, RedisTimeoutError):
        connection.disconnect()
    finally:
        pool.release(connection)
    pipeline = client.get_client(write=True).pipeline(transaction=False)
    for command in commands:
        pipeline.execute_command(*command)
    return pipeline.execute()


def uncount(counters: dict[str, int]) -> None:
    """Take back the count of read_and_count (a request it did not serve and
    that DRF's dispatch judges again)."""
    backend = caches["default"]
    for key in counters:
        try:
            backend.decr(key)
        except ValueError:  # expired meanwhile: nothing to take back
            pass


def content_hit(view: APIView, request: HttpRequest) -> HttpResponse | None:
    """The cached answer to an anonymous plain-JSON read, counted against the
    caller's rate, or None to let DRF's dispatch serve and judge the request (a
    miss, a stale entry, a refused rate, anyone else)."""
    handler = getattr(view, (request.method or "").lower(), None)
    if not (
        getattr(handler, "cached_content", False)
        and response_cache_enabled()
        and _anonymous_plain_read(view, request)
    ):
        return None
    throttles = anonymous_throttles(view, request)
    if throttles is None:
        return None
    key = _cache_key(request)
    windows = [k for throttle in throttles for k in throttle.windows]
    counters = {
        throttle.windows[0]: 2 * throttle.duration
        for throttle in throttles
        if throttle.windows
    }
    # This process's copy saves reading the response's bytes: the generation
    # read with the counts says whether it is current.
    local = local_entries.get(key)
    read = [GENERATION_KEY, *windows] if local else [GENERATION_KEY, key, *windows]
    values = read_and_count(read, counters)
    # A refused caller goes on to DRF's dispatch, which refuses it with the
    # API's 429 body; its count is taken back (a refusal is not counted).
    if not all(throttle.judge(values) for throttle in throttles):
        uncount(counters)
        return None
    # Admitted and counted: a miss served by DRF's dispatch is not counted again.
    setattr(request, COUNTED_ATTRIBUTE, frozenset(counters))
    generation = values.get(GENERATION_KEY)
    if generation is None:
        return None
    entry = _entry_current(key, local, values.get(key), generation)
    setattr(request, LOOKUP_ATTRIBUTE, (generation, entry))
    if entry is None:
        return None
    return _bytes_answer(request, entry, hit="hit")


class ContentHitMixin(APIView):
    """Serves content cache hits of anonymous readers before DRF's dispatch
    (authentication, permissions, negotiation), with the same rate and headers."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if "format" not in kwargs:  # a format suffix: DRF negotiates it
            response = content_hit(self, request)
            if response is not None:
                return response
        return super().dispatch(request, *args, **kwargs)
