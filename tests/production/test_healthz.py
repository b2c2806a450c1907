"""/healthz answers load balancers: 200 when database, cache and storage answer."""

import time

import pytest
import requests
from django.db import connection

from cms.core import health

from .servers import GunicornServer, database_url, free_port, production_env


@pytest.mark.django_db
def test_healthz_is_ok_when_everything_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
    }
    # Answered here, not redirected to a language prefix, and never cached.
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_reports_the_cache_when_it_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "checks": {"database": "ok", "cache": "error", "storage": "ok"},
    }


@pytest.mark.django_db
def test_healthz_reports_a_check_that_hangs_as_a_timeout(client, settings, monkeypatch):
    settings.HEALTHZ_TIMEOUT = 0.2
    monkeypatch.setitem(health.CHECKS, "storage", lambda: time.sleep(2))

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "timeout"


# Under gunicorn and production settings -------------------------------------------


def healthz_of(env):
    server = GunicornServer(env).start()
    try:
        # Plain HTTP, as a load balancer probes: no redirect to HTTPS.
        return requests.get(f"{server.url}/healthz", timeout=30, allow_redirects=False)
    finally:
        server.stop()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_production_healthz_is_ok_over_plain_http(redis_server, media_root):
    response = healthz_of(
        production_env(
            DATABASE_URL=database_url(connection.settings_dict),
            REDIS_URL=redis_server.url,
            DJANGO_MEDIA_ROOT=str(media_root),
        )
    )

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "ok"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_production_healthz_fails_when_redis_is_down(media_root):
    response = healthz_of(
        production_env(
            DATABASE_URL=database_url(connection.settings_dict),
            REDIS_URL=f"redis://127.0.0.1:{free_port()}/0",
            DJANGO_MEDIA_ROOT=str(media_root),
        )
    )

    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "ok",
        "cache": "error",
        "storage": "ok",
    }


def test_production_healthz_fails_when_the_database_is_down(redis_server, media_root):
    response = healthz_of(
        production_env(
            DATABASE_URL=f"postgres://mlp@127.0.0.1:{free_port()}/mlp",
            REDIS_URL=redis_server.url,
            DJANGO_MEDIA_ROOT=str(media_root),
        )
    )

    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "error",
        "cache": "ok",
        "storage": "ok",
    }
