"""The settings modules read the environment as documented.

Each case imports a settings module in a fresh interpreter with a chosen
environment, as a server would start, and prints what it computed.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

# Variables the settings read; cleared so that the developer's shell cannot leak in.
SETTINGS_ENV = (
    "CONTENT_LANGUAGES",
    "DATABASE_URL",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_SETTINGS_MODULE",
    "CACHE_URL",
    "REDIS_URL",
    "EMAIL_URL",
)

# Lazy translations (language names) cannot be evaluated without configured settings.
PRINT_SETTINGS = """
import importlib, json, sys
from django.utils.functional import Promise
s = importlib.import_module(sys.argv[1])
values = {name: getattr(s, name, None) for name in sys.argv[2:]}
lazy = lambda o: "<lazy>" if isinstance(o, Promise) else str(o)
print(json.dumps(values, default=lazy))
"""


def run_settings(module, *names, **env):
    clean_env = {k: v for k, v in os.environ.items() if k not in SETTINGS_ENV}
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-c", PRINT_SETTINGS, module, *names],
        cwd=BASE_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def read_settings(module, *names, **env):
    result = run_settings(module, *names, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def codes(languages):
    return [code for code, _name in languages]


def test_content_languages_default_to_english_spanish_and_french():
    values = read_settings(
        "cms.settings.base", "LANGUAGES", "LANGUAGE_CODE", "WAGTAIL_CONTENT_LANGUAGES"
    )

    assert codes(values["LANGUAGES"]) == ["en", "es", "fr"]
    assert codes(values["WAGTAIL_CONTENT_LANGUAGES"]) == ["en", "es", "fr"]
    assert values["LANGUAGE_CODE"] == "en"


def test_content_languages_drive_languages():
    values = read_settings(
        "cms.settings.base",
        "LANGUAGES",
        "LANGUAGE_CODE",
        "WAGTAIL_CONTENT_LANGUAGES",
        "WAGTAILADMIN_PERMITTED_LANGUAGES",
        "LEARNING_DELIVERY_LANGUAGES",
        CONTENT_LANGUAGES="en,es",
    )

    assert codes(values["LANGUAGES"]) == ["en", "es"]
    assert codes(values["WAGTAIL_CONTENT_LANGUAGES"]) == ["en", "es"]
    assert codes(values["WAGTAILADMIN_PERMITTED_LANGUAGES"]) == ["en", "es"]
    assert values["LANGUAGE_CODE"] == "en"
    # Delivery languages stay the wider list whatever the site publishes in.
    assert codes(values["LEARNING_DELIVERY_LANGUAGES"]) == ["en", "es", "fr", "pt"]


def test_the_first_content_language_is_the_default():
    values = read_settings(
        "cms.settings.base", "LANGUAGES", "LANGUAGE_CODE", CONTENT_LANGUAGES="es,en"
    )

    assert values["LANGUAGE_CODE"] == "es"
    assert codes(values["LANGUAGES"]) == ["es", "en"]


def test_an_unknown_content_language_stops_start_up():
    result = run_settings("cms.settings.base", "LANGUAGES", CONTENT_LANGUAGES="en,xx")

    assert result.returncode != 0
    assert "KeyError" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings("cms.settings.production", "DEBUG")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY must be set in production." in result.stderr


def test_production_starts_with_a_secret_key_and_is_locked_down():
    values = read_settings(
        "cms.settings.production",
        "DEBUG",
        "SECRET_KEY",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_SSL_REDIRECT",
        DJANGO_SECRET_KEY="a-real-secret-from-the-environment",
        DJANGO_ALLOWED_HOSTS="learning.example.org",
    )

    assert values == {
        "DEBUG": False,
        "SECRET_KEY": "a-real-secret-from-the-environment",
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_SSL_REDIRECT": True,
    }


def test_dev_has_a_throwaway_key_and_debug():
    values = read_settings("cms.settings.dev", "DEBUG", "SECRET_KEY")

    assert values["DEBUG"] is True
    assert values["SECRET_KEY"]


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("", "django.db.backends.sqlite3"),
        ("postgres://mlp:pw@127.0.0.1:5432/mlp", "django.db.backends.postgresql"),
    ],
    ids=["default-sqlite", "postgres"],
)
def test_database_url_picks_the_engine_and_its_options(url, engine):
    env = {"DATABASE_URL": url} if url else {}

    database = read_settings("cms.settings.base", "DATABASES", **env)["DATABASES"][
        "default"
    ]

    assert database["ENGINE"] == engine
    # Both engines keep a worker's connection between requests (health-checked).
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    if engine.endswith("sqlite3"):
        assert database["NAME"].endswith("var/db.sqlite3")
        assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
        assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    else:
        assert database["NAME"] == "mlp"


def test_a_redis_url_selects_the_redis_cache():
    caches = read_settings(
        "cms.settings.base", "CACHES", REDIS_URL="redis://127.0.0.1:6379/0"
    )["CACHES"]

    assert caches["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/0",
    }


def test_the_test_settings_keep_mail_and_tasks_in_process(settings):
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
