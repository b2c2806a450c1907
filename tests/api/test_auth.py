"""Who may read content: the role and scope matrix, key life cycle, personal
tokens, the API clients admin."""

from datetime import timedelta

import pytest
from django.utils import timezone

from api.models import ApiClient, PersonalToken, Scope
from tests.factories import UserFactory
from tests.factories.api import ApiClientFactory

pytestmark = pytest.mark.django_db

CONTENT_URLS = [
    "/api/v1/pages/",
    "/api/v1/programmes/",
    "/api/v1/modules/",
    "/api/v1/session-topics/",
    "/api/v1/event-pages/",
    "/api/v1/publications/",
    "/api/v1/videos/",
    "/api/v1/standard-pages/",
    "/api/v1/navigation/",
    "/api/v1/pages/find/?path=/en/programmes/",
]


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def person_token(api, db):
    UserFactory(email="p@example.org", password="correct horse")
    response = api.post(
        "/api/v1/tokens/",
        {"email": "p@example.org", "password": "correct horse", "name": "phone"},
        format="json",
    )
    assert response.status_code == 201
    return response.json()["key"]


def caller_headers(kind, person_token=None):
    if kind == "anonymous":
        return {}
    if kind == "content_client":
        return bearer(ApiClientFactory(scopes=[Scope.CONTENT_READ]).key)
    if kind == "personal_token":
        return bearer(person_token)
    raise AssertionError(kind)


@pytest.mark.parametrize("url", CONTENT_URLS)
@pytest.mark.parametrize("kind", ["anonymous", "content_client", "personal_token"])
def test_content_is_readable(api, catalogue, person_token, url, kind):
    response = api.get(url, **caller_headers(kind, person_token))
    assert response.status_code == 200, response.content


@pytest.mark.parametrize("url", CONTENT_URLS)
def test_a_key_without_content_scope_is_refused(api, catalogue, url):
    client = ApiClientFactory(scopes=[Scope.LEARNING_READ])
    response = api.get(url, **bearer(client.key))
    assert response.status_code == 403
    assert response.json()["code"] == "scope_missing"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"revoked_at": timezone.now()}, "key_revoked"),
        ({"expires_at": timezone.now() - timedelta(minutes=1)}, "key_expired"),
    ],
)
def test_revoked_or_expired_key_is_refused_on_the_next_request(
    api, catalogue, change, code
):
    client = ApiClientFactory()
    assert api.get("/api/v1/modules/", **bearer(client.key)).status_code == 200
    ApiClient.objects.filter(pk=client.pk).update(**change)
    response = api.get("/api/v1/modules/", **bearer(client.key))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["code"] == code


def test_wrong_secret_is_refused(api, catalogue):
    client = ApiClientFactory()
    response = api.get("/api/v1/modules/", **bearer(client.key[:-2] + "xx"))
    assert response.status_code == 401
    assert response.json()["code"] == "key_invalid"


def test_keys_are_stored_hashed_and_last_use_recorded(api, catalogue):
    client = ApiClientFactory()
    secret = client.key.split("_", 2)[2]
    client.refresh_from_db()
    assert secret not in client.key_hash
    assert client.last_used_at is None
    api.get("/api/v1/modules/", **bearer(client.key))
    client.refresh_from_db()
    assert client.last_used_at is not None


def test_per_key_rate_limit(api, catalogue):
    client = ApiClientFactory(rate_limit="2/minute")
    other = ApiClientFactory(rate_limit="2/minute")
    for _ in range(2):
        assert api.get("/api/v1/modules/", **bearer(client.key)).status_code == 200
    response = api.get("/api/v1/modules/", **bearer(client.key))
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert "Retry-After" in response
    assert api.get("/api/v1/modules/", **bearer(other.key)).status_code == 200


def test_personal_tokens_list_and_revoke(api, catalogue, person_token):
    tokens = api.get("/api/v1/tokens/", **bearer(person_token)).json()
    assert [t["name"] for t in tokens] == ["phone"]
    assert "key" not in tokens[0]
    token = PersonalToken.objects.get()
    assert person_token.split("_", 2)[2] not in token.key_hash
    # Someone else cannot revoke it.
    UserFactory(email="q@example.org", password="pw")
    other = api.post(
        "/api/v1/tokens/", {"email": "q@example.org", "password": "pw"}, format="json"
    ).json()["key"]
    assert api.delete(f"/api/v1/tokens/{token.pk}/", **bearer(other)).status_code == 404
    assert (
        api.delete(f"/api/v1/tokens/{token.pk}/", **bearer(person_token)).status_code
        == 204
    )
    response = api.get("/api/v1/modules/", **bearer(person_token))
    assert response.status_code == 401
    assert response.json()["code"] == "key_revoked"


def test_token_creation_refuses_wrong_password(api, db):
    UserFactory(email="p@example.org", password="right")
    response = api.post(
        "/api/v1/tokens/",
        {"email": "p@example.org", "password": "wrong"},
        format="json",
    )
    assert response.status_code == 401
    assert response.json()["code"] == "credentials_invalid"


def test_an_app_key_cannot_list_personal_tokens(api, db):
    client = ApiClientFactory(scopes=list(Scope.values))
    assert api.get("/api/v1/tokens/", **bearer(client.key)).status_code == 403


def test_session_authentication_enforces_csrf(db):
    from rest_framework.test import APIClient

    user = UserFactory(email="s@example.org", password="pw")
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.get("/api/v1/tokens/").status_code == 200
    token = PersonalToken.objects.create(user=user, prefix="abc", key_hash="x")
    response = client.delete(f"/api/v1/tokens/{token.pk}/")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    token.refresh_from_db()
    assert token.revoked_at is None


def test_admin_creates_a_client_and_shows_the_key_once(superuser_client):
    response = superuser_client.post(
        "/admin/api_clients/new/",
        {
            "name": "Partner site",
            "contact_email": "",
            "scopes": ["content:read"],
            "expires_at": "",
            "rate_limit": "100/hour",
        },
        follow=True,
    )
    assert response.status_code == 200
    client = ApiClient.objects.get(name="Partner site")
    shown = [str(m) for m in response.context["messages"]]
    key = next(m.split(": ")[-1] for m in shown if "mlpk_" in m)
    assert key.startswith(f"mlpk_{client.prefix}_")
    assert client.scopes == ["content:read"]
    listing = superuser_client.get("/admin/api_clients/")
    assert key not in listing.content.decode()


def test_admin_revokes_a_client_and_it_is_logged(api, catalogue, superuser_client):
    from wagtail.models import ModelLogEntry

    client = ApiClientFactory(name="Partner")
    response = superuser_client.post(
        f"/admin/api_clients/edit/{client.pk}/",
        {
            "name": "Partner",
            "contact_email": "",
            "scopes": ["content:read"],
            "expires_at": "",
            "rate_limit": "100/hour",
            "revoke": "on",
        },
    )
    assert response.status_code == 302
    assert api.get("/api/v1/modules/", **bearer(client.key)).status_code == 401
    assert ModelLogEntry.objects.filter(action="api.client_revoke").count() == 1
