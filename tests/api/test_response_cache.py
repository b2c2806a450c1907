"""Cached content responses are stored bytes: a hit sends them as they are
(no serializer, no renderer), with their ETag and 304 answers; the
API_RESPONSE_CACHE setting switches the cache off and every request misses."""

import pytest
from django.core.cache import cache
from rest_framework.renderers import JSONRenderer
from rest_framework.serializers import Serializer

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls(monkeypatch):
    """Counts of serializer and JSON renderer calls made while serving."""
    counted = {"serializer": 0, "renderer": 0}
    to_representation, render = Serializer.to_representation, JSONRenderer.render

    def counting_representation(self, instance):
        counted["serializer"] += 1
        return to_representation(self, instance)

    def counting_render(self, *args, **kwargs):
        counted["renderer"] += 1
        return render(self, *args, **kwargs)

    monkeypatch.setattr(Serializer, "to_representation", counting_representation)
    monkeypatch.setattr(JSONRenderer, "render", counting_render)
    return counted


@pytest.mark.parametrize("detail", [False, True])
def test_a_hit_sends_the_stored_bytes_without_serializing(
    api, catalogue, calls, detail
):
    url = f"/api/v1/modules/{catalogue.module.pk}/" if detail else "/api/v1/modules/"
    first = api.get(url)
    # A miss: the pages have no stored representation yet (their publish task
    # runs on commit), so the read serializes and renders each one to store it.
    assert calls["serializer"] > 0
    assert calls["renderer"] > 0
    calls.update(serializer=0, renderer=0)

    again = api.get(url)

    assert again["X-Cache"] == "hit"
    assert calls == {"serializer": 0, "renderer": 0}
    assert again.content == first.content
    assert again["Content-Type"] == "application/json"
    assert again["ETag"] == first["ETag"]
    assert "Module one" in again.content.decode()


def test_a_hit_answers_its_etag_with_304_and_another_with_the_body(api, catalogue):
    url = "/api/v1/modules/"
    etag = api.get(url)["ETag"]

    not_modified = api.get(url, HTTP_IF_NONE_MATCH=etag)
    changed = api.get(url, HTTP_IF_NONE_MATCH='"stale"')

    assert (not_modified.status_code, not_modified["X-Cache"]) == (304, "hit")
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert (changed.status_code, changed["ETag"]) == (200, etag)
    assert changed.json()["results"]


def test_a_publish_changes_the_bytes_and_their_etag(api, catalogue):
    url = f"/api/v1/modules/{catalogue.module.pk}/"
    first = api.get(url)
    module = catalogue.module.get_latest_revision_as_object()
    module.title = "Module one, revised"
    module.save_revision().publish()

    after = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert (after.status_code, after["X-Cache"]) == (200, "miss")
    assert after["ETag"] != first["ETag"]
    assert after.json()["title"] == "Module one, revised"


def test_the_browsable_api_still_renders_a_cached_response(api, catalogue):
    api.get("/api/v1/modules/")

    page = api.get("/api/v1/modules/", HTTP_ACCEPT="text/html")

    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")
    assert "Module one" in page.content.decode()


def test_switched_off_every_request_misses_and_etags_still_work(
    api, catalogue, calls, settings
):
    settings.API_RESPONSE_CACHE = False
    url = "/api/v1/modules/"
    cache.clear()

    first = api.get(url)
    made = dict(calls)
    calls.update(serializer=0, renderer=0)
    again = api.get(url)

    assert (first["X-Cache"], again["X-Cache"]) == ("miss", "miss")
    # The first read made and stored each page's representation; the second is
    # still a miss (nothing cached), assembled from those stored texts: no page is
    # serialized again (only the per-request parts, e.g. the page envelope, are
    # rendered).
    assert made["serializer"] > 0
    assert calls["serializer"] == 0
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert not [k for k in cache._cache if "api:v1:content:" in k]
