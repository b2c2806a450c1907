"""Web pages on other origins read the API: allowed origins come from a setting and
from each API client's record, preflights are answered, /api/ only, and cookies
never stand for a person across origins."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from api.keys import api_client_issue_key, api_client_revoke
from api.models import ApiClient
from tests.factories import UserFactory

PAGES = "/api/v1/pages/"
SETTING_ORIGIN = "http://localhost:3000"
CLIENT_ORIGIN = "https://partner.example.org"


@pytest.fixture(autouse=True)
def allowed(settings):
    settings.CORS_ALLOWED_ORIGINS = [SETTING_ORIGIN]


def _client_with_origins(*origins, **fields):
    client = ApiClient(name="Partner", allowed_origins=list(origins), **fields)
    api_client_issue_key(client=client)
    client.save()
    return client


def _preflight(client, origin, method="POST"):
    return client.options(
        PAGES,
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD=method,
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, idempotency-key",
    )


def _vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


def test_an_origin_of_the_setting_reads_the_api(client, home_pages):
    response = client.get(PAGES, HTTP_ORIGIN=SETTING_ORIGIN)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == SETTING_ORIGIN
    assert "etag" in response["Access-Control-Expose-Headers"].lower()
    assert "Access-Control-Allow-Credentials" not in response
    assert "origin" in _vary(response)


def test_a_preflight_is_answered_for_an_allowed_origin(client, db):
    response = _preflight(client, SETTING_ORIGIN)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == SETTING_ORIGIN
    allowed_headers = response["Access-Control-Allow-Headers"].lower()
    for header in (
        "authorization",
        "content-type",
        "idempotency-key",
        "if-none-match",
    ):
        assert header in allowed_headers
    assert "POST" in response["Access-Control-Allow-Methods"]
    assert int(response["Access-Control-Max-Age"]) > 0
    assert "Access-Control-Allow-Credentials" not in response


def test_another_origin_gets_no_cors_headers(client, home_pages):
    for response in (
        client.get(PAGES, HTTP_ORIGIN="https://evil.example.com"),
        _preflight(client, "https://evil.example.com"),
    ):
        assert "Access-Control-Allow-Origin" not in response
        assert "origin" in _vary(response)


def test_only_api_paths_carry_cors_headers(client, home_pages):
    response = client.get("/en/", HTTP_ORIGIN=SETTING_ORIGIN)

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_an_api_clients_origins_are_allowed_while_it_is_active(client, home_pages):
    partner = _client_with_origins(CLIENT_ORIGIN)
    admin = UserFactory(is_superuser=True)

    allowed = client.get(PAGES, HTTP_ORIGIN=CLIENT_ORIGIN)
    api_client_revoke(client=partner, user=admin)
    after_revoke = client.get(PAGES, HTTP_ORIGIN=CLIENT_ORIGIN)
    _client_with_origins(CLIENT_ORIGIN, expires_at=timezone.now() - timedelta(days=1))
    expired = client.get(PAGES, HTTP_ORIGIN=CLIENT_ORIGIN)

    assert allowed["Access-Control-Allow-Origin"] == CLIENT_ORIGIN
    assert "Access-Control-Allow-Origin" not in after_revoke
    assert "Access-Control-Allow-Origin" not in expired


def test_the_clients_origins_are_read_once_then_cached(client, home_pages):
    _client_with_origins(CLIENT_ORIGIN)
    client.get(PAGES, HTTP_ORIGIN=CLIENT_ORIGIN)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(PAGES, HTTP_ORIGIN=CLIENT_ORIGIN)

    assert response["Access-Control-Allow-Origin"] == CLIENT_ORIGIN
    assert not [q for q in queries.captured_queries if "api_apiclient" in q["sql"]]


def test_a_session_from_another_origin_is_not_the_person(client, db):
    client.force_login(UserFactory(email="amina@example.org"))

    same_site = client.get("/api/v1/me/")
    own_origin = client.get("/api/v1/me/", HTTP_ORIGIN="http://testserver")
    cross = client.get("/api/v1/me/", HTTP_ORIGIN=SETTING_ORIGIN)

    assert same_site.status_code == 200
    assert own_origin.status_code == 200
    assert cross.status_code in (401, 403)
    assert "amina@example.org" not in cross.content.decode()
    assert "Access-Control-Allow-Credentials" not in cross


def test_the_admin_saves_a_clients_origins_normalised(superuser_client, db):
    form = {
        "name": "Partner site",
        "contact_email": "",
        "scopes": ["content:read"],
        "allowed_origins": "https://Partner.Example.org/\nhttp://localhost:3000\n",
        "expires_at": "",
        "rate_limit": "100/hour",
    }

    superuser_client.post(reverse("api_clients:add"), form)
    refused = superuser_client.post(
        reverse("api_clients:add"),
        {**form, "name": "Other", "allowed_origins": "https://x.example.org/app"},
    )

    saved = ApiClient.objects.get(name="Partner site")
    assert saved.allowed_origins == [CLIENT_ORIGIN, SETTING_ORIGIN]
    assert refused.status_code == 200
    assert "is not an origin" in refused.content.decode()
    assert not ApiClient.objects.filter(name="Other").exists()
