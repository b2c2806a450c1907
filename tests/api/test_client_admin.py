"""API clients in the Wagtail admin: the key is shown once and stored hashed,
scopes and a rate limit are set there, a new key replaces the old one and
revoking stops the key on the next request."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from rest_framework.test import APIClient

from api.models import ApiClient
from tests.factories import UserFactory

PAGES = "/api/v1/pages/"


def _key_from(response):
    """The key, in the page shown after saving (the one place it appears)."""
    assert response.status_code == 200
    (key,) = set(re.findall(r"mlpk_[A-Za-z0-9_-]+", response.content.decode()))
    return key


def _form(**overrides):
    data = {
        "name": "Partner site",
        "contact_email": "dev@partner.example.org",
        "scopes": ["content:read"],
        "expires_at": "",
        "rate_limit": "100/hour",
    }
    data.update(overrides)
    return data


def _call(key):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return api.get(PAGES)


@pytest.fixture
def created(superuser_client, home_pages):
    response = superuser_client.post(reverse("api_clients:add"), _form(), follow=True)
    return ApiClient.objects.get(name="Partner site"), _key_from(response)


def test_the_key_is_shown_once_and_only_its_digest_is_stored(created, superuser_client):
    client, key = created

    assert _call(key).status_code == 200
    assert client.scopes == ["content:read"]
    assert client.rate_limit == "100/hour"
    row = ApiClient.objects.filter(pk=client.pk).values()[0]
    stored = " ".join(str(value) for value in row.values())
    assert key.rsplit("_", 1)[1] not in stored
    edit = superuser_client.get(reverse("api_clients:edit", args=[client.pk]))
    assert edit.status_code == 200
    assert key not in edit.content.decode()


def test_a_new_key_replaces_the_old_one(created, superuser_client):
    client, old_key = created

    response = superuser_client.post(
        reverse("api_clients:edit", args=[client.pk]), _form(new_key="on"), follow=True
    )
    new_key = _key_from(response)

    assert new_key != old_key
    assert _call(old_key).status_code == 401
    assert _call(new_key).status_code == 200


def test_revoking_stops_the_key_on_the_next_request(created, superuser_client):
    client, key = created
    assert _call(key).status_code == 200

    superuser_client.post(
        reverse("api_clients:edit", args=[client.pk]), _form(revoke="on")
    )
    response = _call(key)

    assert response.status_code == 401
    assert response.json()["code"] == "key_revoked"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_key_without_content_scope_is_refused_content(superuser_client, home_pages):
    response = superuser_client.post(
        reverse("api_clients:add"), _form(scopes=["learning:read"]), follow=True
    )

    refused = _call(_key_from(response))

    assert refused.status_code == 403
    assert refused.json()["code"] == "scope_missing"


def test_staff_without_the_permission_cannot_manage_clients(client, created):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    response = client.get(reverse("api_clients:index"), follow=True)

    assert "Partner site" not in response.content.decode()
