"""The shared cache and the sessions work against a real Redis."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from tests.factories.users import DEFAULT_PASSWORD, UserFactory


@pytest.fixture
def redis_cache(redis_cache, settings):
    """The shared Redis cache (tests/conftest.py) with sessions in it too, as
    production derives them."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    return redis_cache


def test_the_cache_stores_values_in_redis(redis_cache):
    cache.set("greeting", {"en": "hello", "es": "hola"}, timeout=60)

    assert cache.get("greeting") == {"en": "hello", "es": "hola"}
    assert any(b"greeting" in key for key in redis_cache.keys("*"))


@pytest.mark.django_db
def test_a_signed_in_session_lives_in_redis_and_survives_a_cache_flush(
    client, home_pages, redis_cache
):
    user = UserFactory(email="maria@example.org")
    with translation.override("en"):
        login, profile = reverse("accounts:login"), reverse("accounts:profile")

    response = client.post(
        login, {"username": user.email, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 302
    session_key = client.cookies["sessionid"].value
    assert any(session_key.encode() in key for key in redis_cache.keys("*"))
    assert client.get(profile).status_code == 200
    # Written through to the database: flushing Redis signs nobody out.
    redis_cache.flushdb()
    assert client.get(profile).status_code == 200
