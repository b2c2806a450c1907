"""An anonymous reader's cache hit is answered before DRF's dispatch: no query,
one read and one write of the cache (one round trip on Redis:
tests/production/test_redis_content_hits.py), the same bytes and headers as DRF's
answer, and every rule of the full path kept (the rate, keys' scopes, 304, CORS,
freshness). A process's own copy of a response saves reading its bytes, never
the generation's check."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.caching import KEY_PREFIX, LocalEntries, local_entries
from api.models import Scope
from api.throttling import AnonymousRateThrottle
from cms.core.generation import GENERATION_KEY, content_generation_bump
from tests.factories.api import ApiClientFactory

pytestmark = pytest.mark.django_db

CACHE_METHODS = ("get", "get_many", "set", "set_many", "add", "delete", "incr")
OWN_HEADERS = ("X-Cache", "Date")


@pytest.fixture
def round_trips(monkeypatch):
    """The calls made to the default cache, by method name, in order (a call
    made inside another, as the local cache's get_many calls get, is part of it:
    a shared cache answers it in one round trip)."""
    backend, calls, depth = caches["default"], [], [0]
    for name in CACHE_METHODS:
        method = getattr(backend, name)

        def counting(*args, _name=name, _method=method, **kwargs):
            if not depth[0]:
                calls.append(_name)
            depth[0] += 1
            try:
                return _method(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(backend, name, counting)
    return calls


def _urls(catalogue) -> list[str]:
    return ["/api/v1/modules/?locale=en", f"/api/v1/modules/{catalogue.module.pk}/"]


def _headers(response) -> dict:
    return {k: v for k, v in response.items() if k not in OWN_HEADERS}


@pytest.mark.parametrize("detail", [False, True])
def test_a_hit_costs_no_query_and_two_cache_round_trips(
    api, catalogue, round_trips, detail
):
    url = _urls(catalogue)[detail]
    first = api.get(url)
    round_trips.clear()

    with CaptureQueriesContext(connection) as queries:
        hit = api.get(url)

    assert (first["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    assert queries.captured_queries == []
    # One read (generation, response, rate counts), one write (the count).
    assert round_trips == ["get_many", "set"]
    assert hit.content == first.content
    assert _headers(hit) == _headers(first)


def test_a_publish_makes_the_next_read_a_miss_with_the_change(api, catalogue):
    url = f"/api/v1/modules/{catalogue.module.pk}/"
    api.get(url)
    assert api.get(url)["X-Cache"] == "hit"
    module = catalogue.module.get_latest_revision_as_object()
    module.title = "Module one, revised"
    module.save_revision().publish()

    after = api.get(url)

    assert after["X-Cache"] == "miss"
    assert after.json()["title"] == "Module one, revised"
    assert api.get(url)["X-Cache"] == "hit"


def test_an_entry_of_an_older_generation_is_never_served(api, catalogue):
    url = "/api/v1/modules/"
    api.get(url)
    content_generation_bump()

    assert api.get(url)["X-Cache"] == "miss"


def test_a_throttled_address_is_refused_on_a_hit(api, catalogue, monkeypatch):
    monkeypatch.setattr(AnonymousRateThrottle, "rate", "2/minute", raising=False)
    url = "/api/v1/modules/"

    statuses = [(r.status_code, r.get("X-Cache")) for r in (api.get(url), api.get(url))]
    refused = api.get(url)
    other_address = api.get(url, REMOTE_ADDR="203.0.113.9")

    assert statuses == [(200, "miss"), (200, "hit")]
    assert refused.status_code == 429
    assert refused.json()["code"] == "throttled"
    assert int(refused["Retry-After"]) > 0
    assert (other_address.status_code, other_address["X-Cache"]) == (200, "hit")


def test_a_hit_answers_its_etag_with_304_and_no_query(api, catalogue):
    url = "/api/v1/modules/"
    etag = api.get(url)["ETag"]

    with CaptureQueriesContext(connection) as queries:
        not_modified = api.get(url, HTTP_IF_NONE_MATCH=etag)

    assert (not_modified.status_code, not_modified["X-Cache"]) == (304, "hit")
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert queries.captured_queries == []


def test_keys_are_still_judged_when_the_response_is_cached(api, catalogue):
    url = "/api/v1/modules/"
    api.get(url)
    reader = ApiClientFactory()
    other_scope = ApiClientFactory(scopes=[Scope.LEARNING_READ])

    read = api.get(url, HTTP_AUTHORIZATION=f"Bearer {reader.key}")
    refused = api.get(url, HTTP_AUTHORIZATION=f"Bearer {other_scope.key}")
    unknown = api.get(url, HTTP_AUTHORIZATION="Bearer nope")

    assert (read.status_code, read["X-Cache"]) == (200, "hit")
    assert (refused.status_code, refused.json()["code"]) == (403, "scope_missing")
    assert (unknown.status_code, unknown.json()["code"]) == (401, "key_invalid")


def test_another_origin_gets_its_cors_headers_on_a_hit(api, catalogue, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]
    url = "/api/v1/modules/"
    api.get(url)

    hit = api.get(url, HTTP_ORIGIN="https://app.example.org")

    assert hit["X-Cache"] == "hit"
    assert hit["Access-Control-Allow-Origin"] == "https://app.example.org"


def test_languages_are_cached_apart(api, catalogue):
    url = f"/api/v1/modules/{catalogue.module.pk}/"
    english = api.get(url, HTTP_ACCEPT_LANGUAGE="en")
    spanish = api.get(url, HTTP_ACCEPT_LANGUAGE="es")

    again = api.get(url, HTTP_ACCEPT_LANGUAGE="es")

    assert (english["X-Cache"], spanish["X-Cache"], again["X-Cache"]) == (
        "miss",
        "miss",
        "hit",
    )
    assert again.content == spanish.content
    assert again["Content-Language"] == spanish["Content-Language"]


def test_the_browsable_api_is_still_rendered_by_drf(api, catalogue):
    api.get("/api/v1/modules/")

    page = api.get("/api/v1/modules/", HTTP_ACCEPT="text/html")

    assert page["Content-Type"].startswith("text/html")
    assert page["X-Cache"] == "hit"


def test_the_last_windows_requests_count_for_the_part_still_within_the_rate(
    rf, monkeypatch
):
    from django.contrib.auth.models import AnonymousUser

    monkeypatch.setattr(AnonymousRateThrottle, "rate", "10/minute", raising=False)
    monkeypatch.setattr(AnonymousRateThrottle, "timer", lambda self: 60 * 1000 + 30)
    request = rf.get("/api/v1/modules/")
    request.user = AnonymousUser()
    caches["default"].set("throttle_anon_127.0.0.1:999", 10)

    allowed = 0
    while AnonymousRateThrottle().allow_request(request, None):
        allowed += 1
    refused = AnonymousRateThrottle()
    refused.allow_request(request, None)

    # Half of the last minute's 10 requests lie within the last 60 s.
    assert allowed == 5
    assert 0 < refused.wait() <= 60


def test_a_head_request_is_a_hit_with_the_gets_headers(api, catalogue):
    url = "/api/v1/modules/"
    first = api.get(url)

    head = api.head(url)

    assert (head.status_code, head["X-Cache"]) == (200, "hit")
    assert head["ETag"] == first["ETag"]
    assert head["Content-Length"] == str(len(first.content))


def test_a_hit_on_this_process_copy_reads_the_generation_not_the_response(
    api, catalogue, monkeypatch
):
    url = "/api/v1/modules/"
    first = api.get(url)
    backend, read = caches["default"], []
    get_many = backend.get_many

    def recording(keys, *args, **kwargs):
        read.append(list(keys))
        return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(backend, "get_many", recording)

    hit = api.get(url)

    assert hit["X-Cache"] == "hit"
    assert hit.content == first.content
    assert read[0][0] == GENERATION_KEY
    assert not any(key.startswith(KEY_PREFIX) for key in read[0])


def test_a_copy_of_an_older_generation_gives_way_to_another_process_entry(
    api, catalogue
):
    url = f"/api/v1/modules/{catalogue.module.pk}/"
    local_entries.clear()
    api.get(url)
    (key,) = [k for k in local_entries._entries if k.startswith(KEY_PREFIX)]
    old_copy = local_entries.get(key)
    module = catalogue.module.get_latest_revision_as_object()
    module.title = "Module one, revised"
    module.save_revision().publish()
    # Another process serves the change first: the shared cache holds its
    # entry, while this process still holds its copy of the old one.
    local_entries.clear()
    made_elsewhere = api.get(url)
    local_entries.put(key, old_copy)

    with CaptureQueriesContext(connection) as queries:
        read = api.get(url)

    assert (made_elsewhere["X-Cache"], read["X-Cache"]) == ("miss", "hit")
    assert read.json()["title"] == "Module one, revised"
    assert queries.captured_queries == []
    assert local_entries.get(key)["etag"] == made_elsewhere["ETag"]


def test_a_process_keeps_its_copies_within_their_byte_limit():
    copies = LocalEntries(limit=3 * (1000 + LocalEntries.OVERHEAD))

    for n in range(4):
        copies.put(f"k{n}", {"n": 1, "body": b"x" * 1000})
    copies.put("k3", {"n": 2, "body": b"y" * 1000})
    copies.put("huge", {"n": 1, "body": b"z" * 10_000})

    assert [copies.get(f"k{n}") is not None for n in range(4)] == [
        False,
        True,
        True,
        True,
    ]
    assert copies.get("k3")["n"] == 2
    assert copies.get("huge") is None
    assert copies.size == 3 * (1000 + LocalEntries.OVERHEAD)
