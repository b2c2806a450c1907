"""The test suite: fast hashing, in-memory email, throwaway media under var/."""

import os
import tempfile
from pathlib import Path

from .base import *

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="mlp-test-media-"))
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="mlp-test-private-"))
STORAGES["private"]["OPTIONS"]["location"] = str(PRIVATE_MEDIA_ROOT)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The test client's login() authenticates without a request, which axes refuses;
# tests/production/test_login_throttling.py switches it on.
AXES_ENABLED = False
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
LOGGING["root"]["level"] = "WARNING"
# A file, not memory: the concurrency tests write from several connections at once.
# One file per test run, so that two runs side by side do not share it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"mlp-test-{os.getpid()}.sqlite3")
    }

# Local receivers (tests, a developer's own machine) speak plain http.
WEBHOOKS_ALLOW_HTTP = True
# The tests' receivers listen on 127.0.0.1.
WEBHOOKS_ALLOW_LOOPBACK = True
