"""On Redis, a content cache hit is one round trip: the generation, the
response (or only the generation, with this process's copy) and the caller's
rate counts are read and the request counted in one pipeline. Every request is
counted once, a miss served by DRF's dispatch too, and a refusal not at all."""

import pytest
import redis
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.caching import local_entries
from api.throttling import AnonymousRateThrottle

pytestmark = pytest.mark.django_db

URL = "/api/v1/modules/"


@pytest.fixture
def round_trips(monkeypatch):
    """How many times a command (or a pipeline of them) was sent to Redis."""
    sent = []
    send = redis.connection.Connection.send_packed_command

    def counting(self, command, *args, **kwargs):
        sent.append(command)
        return send(self, command, *args, **kwargs)

    monkeypatch.setattr(redis.connection.Connection, "send_packed_command", counting)
    return sent


def _counted(client) -> int:
    """The anonymous callers' counts, over every window."""
    return sum(int(client.get(key)) for key in client.keys("*throttle_anon_*"))


@pytest.mark.parametrize("copy", [True, False], ids=["own copy", "shared entry"])
def test_a_content_hit_is_one_round_trip_to_redis(
    api, catalogue, redis_cache, round_trips, copy
):
    first = api.get(URL)
    if not copy:
        local_entries.clear()
    round_trips.clear()

    with CaptureQueriesContext(connection) as queries:
        hit = api.get(URL)

    assert (first["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    assert hit.content == first.content
    assert queries.captured_queries == []
    assert len(round_trips) == 1


def test_each_request_is_counted_once_and_a_refusal_not_at_all(
    api, catalogue, redis_cache, monkeypatch
):
    monkeypatch.setattr(AnonymousRateThrottle, "rate", "3/minute", raising=False)

    served = [api.get(URL) for _ in range(3)]
    after_three = _counted(redis_cache)
    refused = api.get(URL)

    assert [r["X-Cache"] for r in served] == ["miss", "hit", "hit"]
    assert after_three == 3
    assert refused.status_code == 429
    assert refused.json()["code"] == "throttled"
    assert _counted(redis_cache) == 3
    assert api.get(URL, REMOTE_ADDR="203.0.113.9")["X-Cache"] == "hit"


def test_a_publish_is_read_at_once_through_redis(api, catalogue, redis_cache):
    url = f"/api/v1/modules/{catalogue.module.pk}/"
    api.get(url)
    assert api.get(url)["X-Cache"] == "hit"
    module = catalogue.module.get_latest_revision_as_object()
    module.title = "Module one, revised"
    module.save_revision().publish()

    after = api.get(url)

    assert after["X-Cache"] == "miss"
    assert after.json()["title"] == "Module one, revised"


def test_a_connection_lost_midway_is_replaced_and_the_hit_still_served(
    api, catalogue, redis_cache, monkeypatch
):
    first = api.get(URL)
    send = redis.connection.Connection.send_packed_command
    failures = []

    def failing_once(self, command, *args, **kwargs):
        if not failures:
            failures.append(command)
            raise redis.ConnectionError("Connection reset by peer")
        return send(self, command, *args, **kwargs)

    monkeypatch.setattr(
        redis.connection.Connection, "send_packed_command", failing_once
    )

    hit = api.get(URL)

    assert failures
    assert (hit.status_code, hit["X-Cache"]) == (200, "hit")
    assert hit.content == first.content
    assert _counted(redis_cache) == 2
