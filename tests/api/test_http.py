"""The API's HTTP behaviour: one error shape, ETag/304, cache invalidation on
publish, query counts, the schema and its docs."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ModulePageFactory

pytestmark = pytest.mark.django_db


def assert_error_shape(response, status, code):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"code", "message", "fields"}
    assert body["code"] == code
    assert body["message"]
    return body


def test_unknown_address_is_a_json_404(api, db):
    assert_error_shape(api.get("/api/v1/nothing-here/"), 404, "not_found")


def test_missing_page_is_a_json_404(api, catalogue):
    assert_error_shape(api.get("/api/v1/modules/999999/"), 404, "not_found")


def test_method_not_allowed(api, catalogue):
    assert_error_shape(api.post("/api/v1/modules/", {}), 405, "method_not_allowed")


def test_bad_input_lists_the_fields(api, db):
    body = assert_error_shape(
        api.post("/api/v1/tokens/", {}, format="json"), 400, "invalid"
    )
    assert body["fields"]["email"][0]["code"] == "required"
    assert body["fields"]["password"][0]["code"] == "required"


def test_unknown_locale_is_a_400_on_that_field(api, catalogue):
    body = assert_error_shape(api.get("/api/v1/modules/?locale=de"), 400, "invalid")
    assert body["fields"]["locale"][0]["code"] == "locale_unknown"


def test_messages_follow_the_request_language(api, db):
    english = api.get("/api/v1/nothing/", HTTP_ACCEPT_LANGUAGE="en").json()["message"]
    spanish = api.get("/api/v1/nothing/", HTTP_ACCEPT_LANGUAGE="es").json()["message"]
    assert english != spanish


def test_unexpected_errors_are_a_json_500(api, catalogue, monkeypatch):
    from api.content import views

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "stored_translations", boom)
    assert_error_shape(api.get("/api/v1/modules/"), 500, "server_error")


def test_etag_and_last_modified_answer_conditional_requests(api, catalogue):
    first = api.get("/api/v1/modules/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag and modified
    again = api.get("/api/v1/modules/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert (
        api.get("/api/v1/modules/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    )
    assert api.get("/api/v1/modules/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_publish_is_seen_at_once(api, catalogue):
    url = f"/api/v1/modules/{catalogue.module.pk}/"
    first = api.get(url)
    assert first.json()["title"] == "Module one"
    revision = catalogue.module.save_revision()
    module = revision.as_object()
    module.title = "Module one, revised"
    module.save_revision().publish()
    response = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert response.json()["title"] == "Module one, revised"
    assert "Module one, revised" in [
        r["title"] for r in api.get("/api/v1/modules/").json()["results"]
    ]


def test_unpublish_and_move_are_seen_at_once(api, catalogue):
    assert len(api.get("/api/v1/modules/").json()["results"]) == 2
    catalogue.untranslated_module.unpublish()
    assert len(api.get("/api/v1/modules/").json()["results"]) == 1
    response = api.get(f"/api/v1/pages/{catalogue.topic.pk}/breadcrumbs/")
    assert "Module one" in [c["title"] for c in response.json()]
    catalogue.topic.move(catalogue.programme, pos="last-child")
    response = api.get(f"/api/v1/pages/{catalogue.topic.pk}/breadcrumbs/")
    assert "Module one" not in [c["title"] for c in response.json()]


def test_a_cached_response_costs_no_queries(api, catalogue):
    api.get("/api/v1/modules/")
    with CaptureQueriesContext(connection) as queries:
        assert api.get("/api/v1/modules/").status_code == 200
    assert len(queries) == 0


def test_x_cache_says_whether_the_response_was_cached(api, catalogue):
    """The benchmark counts this header to report its hit ratio."""
    url = f"/api/v1/modules/{catalogue.module.pk}/"
    first, again = api.get(url), api.get(url)
    catalogue.module.save_revision().publish()

    assert (first["X-Cache"], again["X-Cache"]) == ("miss", "hit")
    assert api.get(url)["X-Cache"] == "miss"
    assert api.get(url, HTTP_IF_NONE_MATCH=again["ETag"])["X-Cache"] == "hit"


def _count(api, url):
    """Queries of a request after a publish (the content cache is invalidated;
    Wagtail's own cached site root paths stay). The publish's task has stored
    the pages' representations (api.content.stored): the factories' pages were
    never committed, so a first read stores them instead."""
    from api.caching import content_generation_bump

    api.get(url)
    content_generation_bump()
    with CaptureQueriesContext(connection) as queries:
        assert api.get(url).status_code == 200
    return len(queries)


def test_list_query_count_does_not_grow_with_items(api, catalogue):
    for n in range(8):
        ModulePageFactory(parent=catalogue.programme, title=f"Extra {n}", slug=f"x{n}")
    ten = _count(api, "/api/v1/modules/?limit=10")
    for n in range(40):
        ModulePageFactory(parent=catalogue.programme, title=f"More {n}", slug=f"m{n}")
    fifty = _count(api, "/api/v1/modules/?limit=50")
    assert ten == fifty
    assert fifty <= 8


def test_detail_query_count(api, catalogue):
    # The page, then the translations map: locales, visible translations and
    # the translation report's selector (three or four queries here).
    assert _count(api, f"/api/v1/modules/{catalogue.module.pk}/") <= 7


def test_schema_is_valid_openapi_without_warnings(tmp_path):
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml")
    )
    assert "openapi: 3" in (tmp_path / "s.yml").read_text()


def test_schema_endpoint(api, db):
    response = api.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/pages/find/" in schema["paths"]
    assert not any(path.startswith("/api/v2/") for path in schema["paths"])


def test_docs_use_local_assets(client, db):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn." not in html and "unpkg" not in html and "jsdelivr" not in html
    # No inline script, so the site's strict Content-Security-Policy allows it.
    assert "<script>" not in html
    assert client.get("/api/v1/docs/?script").status_code == 200


def test_stock_v2_api_still_answers(api, catalogue):
    response = api.get("/api/v2/pages/?type=catalogue.ModulePage")
    assert response.status_code == 200
