"""Bodies too large or nested too deeply, and addresses under /api/ that exist
nowhere: each a 4xx in the API's one error shape, never a 500 or a redirect
(issue 22, cases 5, 6 and 9)."""

import json

import pytest
from django.test import override_settings

from tests.api.roles import LEARNING_CLIENT, PARTICIPANT_A, caller
from tests.factories.forum import ThreadFactory
from tests.factories.learning import InfoSessionFactory

pytestmark = pytest.mark.django_db

TOO_LARGE = 2_621_440 + 1  # Django's default DATA_UPLOAD_MAX_MEMORY_SIZE, plus one


def _writes(world):
    """(caller, URL) of each write the issue named."""
    thread = ThreadFactory(edition=world.edition_a)
    session = InfoSessionFactory(programme=world.tree.programme)
    return [
        (PARTICIPANT_A, f"/api/v1/forum/threads/{thread.pk}/posts/"),
        (LEARNING_CLIENT, f"/api/v1/editions/{world.edition_a.pk}/enrolments/"),
        (LEARNING_CLIENT, f"/api/v1/info-sessions/{session.pk}/registrations/"),
    ]


def _post(world, actor, url, body, **headers):
    return caller(world, actor).generic(
        "POST", url, body, content_type="application/json", **headers
    )


def assert_error_shape(response, status, code):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"code", "message", "fields"}
    assert body["code"] == code
    return body


def test_a_body_over_the_upload_limit_is_a_413(world):
    body = json.dumps({"body": "x" * TOO_LARGE, "name": "x" * TOO_LARGE})

    for actor, url in _writes(world):
        assert_error_shape(_post(world, actor, url, body), 413, "request_too_large")


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_the_limit_is_djangos_setting(world):
    actor, url = _writes(world)[2]
    body = json.dumps({"name": "x" * 1000})

    assert_error_shape(_post(world, actor, url, body), 413, "request_too_large")


@pytest.mark.parametrize("depth", [100_000, 40])
def test_deeply_nested_json_is_a_400(world, depth):
    body = "[" * depth + "]" * depth

    for actor, url in _writes(world):
        response = _post(world, actor, url, body)
        assert_error_shape(response, 400, "too_deeply_nested")


def test_json_nested_as_requests_are_is_accepted(world):
    actor, url = _writes(world)[2]
    body = json.dumps({"name": "Ana", "email": "ana@example.org", "consent": True})

    assert _post(world, actor, url, body).status_code == 201


def test_malformed_json_is_a_400(world):
    actor, url = _writes(world)[2]

    assert_error_shape(_post(world, actor, url, "{"), 400, "parse_error")


def test_the_messages_follow_the_request_language(world):
    # Needs the Spanish catalogue with signups.json merged.
    actor, url = _writes(world)[2]
    big = json.dumps({"name": "x" * TOO_LARGE})
    deep = "[" * 100 + "]" * 100

    too_large = _post(world, actor, url, big, HTTP_ACCEPT_LANGUAGE="es").json()
    too_deep = _post(world, actor, url, deep, HTTP_ACCEPT_LANGUAGE="es").json()

    assert too_large["message"] == "El cuerpo de la solicitud es demasiado grande."
    assert too_deep["message"] == (
        "El cuerpo de la solicitud tiene demasiados niveles anidados."
    )


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/nonexistent/",
        "/api/v2/nothing/",
        "/api/v2/pages/not-a-number/",
        "/api/v3/pages/",
        "/api/",
        "/api",
    ],
)
def test_unknown_addresses_under_api_are_a_json_404_without_redirect(client, path):
    response = client.get(path, follow=False)

    if response.status_code == 301:  # APPEND_SLASH, still outside /en/
        assert response["Location"] == f"{path}/"
        response = client.get(response["Location"])
    assert_error_shape(response, 404, "not_found")


def test_a_missing_page_in_the_stock_api_is_a_json_404(client, home_pages):
    response = client.get("/api/v2/pages/999999/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()
