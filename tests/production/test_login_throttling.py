"""Brute force is throttled (django-axes) on the site's sign-in and the admin's."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from cms.core.throttling import client_ip
from tests.factories.users import DEFAULT_PASSWORD, SuperUserFactory, UserFactory

FAILURE_LIMIT = 3


@pytest.fixture(autouse=True)
def throttling(settings):
    """Axes as production runs it (the test profile switches it off)."""
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = FAILURE_LIMIT


def site_login_url():
    with translation.override("en"):
        return reverse("accounts:login")


ADMIN_LOGIN_URL = "/admin/login/"


def fail(client, url, email, times):
    """Post wrong passwords; below the limit the form comes back with its error."""
    for attempt in range(1, times + 1):
        response = client.post(url, {"username": email, "password": "wrong-guess"})
        assert response.status_code == (429 if attempt >= FAILURE_LIMIT else 200)


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_the_site_sign_in_locks_out_after_the_failure_limit(client, home_pages):
    user = UserFactory(email="maria@example.org")
    fail(client, site_login_url(), user.email, FAILURE_LIMIT)

    response = client.post(
        site_login_url(), {"username": user.email, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 429
    assert not signed_in(client)
    body = response.content.decode()
    assert "Too many sign-in attempts" in body
    assert "Try again in 15 minutes" in body


@pytest.mark.django_db
def test_below_the_limit_the_right_password_still_works(client, home_pages):
    user = UserFactory(email="maria@example.org")
    fail(client, site_login_url(), user.email, FAILURE_LIMIT - 1)

    response = client.post(
        site_login_url(), {"username": user.email, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 302
    assert signed_in(client)


@pytest.mark.django_db
def test_changing_the_case_of_the_email_does_not_buy_more_attempts(client, home_pages):
    user = UserFactory(email="maria@example.org")
    for email in ("maria@example.org", "Maria@Example.org", "MARIA@EXAMPLE.ORG"):
        client.post(site_login_url(), {"username": email, "password": "wrong-guess"})

    response = client.post(
        site_login_url(), {"username": user.email, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 429
    assert not signed_in(client)


@pytest.mark.django_db
def test_the_admin_sign_in_locks_out_after_the_failure_limit(client, home_pages):
    admin = SuperUserFactory()
    fail(client, ADMIN_LOGIN_URL, admin.email, FAILURE_LIMIT)

    response = client.post(
        ADMIN_LOGIN_URL, {"username": admin.email, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 429
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302  # back to the login form


@pytest.mark.django_db
def test_a_locked_out_account_can_still_sign_in_from_another_address(
    client, home_pages
):
    user = UserFactory(email="maria@example.org")
    fail(client, site_login_url(), user.email, FAILURE_LIMIT)

    response = client.post(
        site_login_url(),
        {"username": user.email, "password": DEFAULT_PASSWORD},
        REMOTE_ADDR="198.51.100.7",
    )

    assert response.status_code == 302
    assert signed_in(client)


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.2"),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.2"),
    ],
    ids=["no-proxy-trusted", "one-proxy", "spoofed-entry-ignored", "too-few-hops"],
)
def test_the_client_address_trusts_only_the_configured_proxies(
    settings, proxies, forwarded_for, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for
    )

    assert client_ip(request) == expected


@pytest.mark.django_db
def test_the_api_token_endpoint_locks_out_with_a_json_answer(client, home_pages):
    user = UserFactory(email="maria@example.org")
    url = "/api/v1/tokens/"
    for _ in range(FAILURE_LIMIT):
        client.post(
            url,
            {"email": user.email, "password": "wrong-guess"},
            content_type="application/json",
        )

    response = client.post(
        url,
        {"email": user.email, "password": DEFAULT_PASSWORD},
        content_type="application/json",
    )

    assert response.status_code == 429
    assert response.json()["code"] == "login_locked_out"
    assert response["Retry-After"] == "900"
