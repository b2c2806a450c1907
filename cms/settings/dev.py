"""Local development: the embedded default (SQLite, local media, console email)."""

from importlib.util import find_spec

from .base import *

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-not-for-production"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "[::1]"]

# Local receivers (tests, a developer's own machine) speak plain http.
WEBHOOKS_ALLOW_HTTP = True

# The headless example (`make example`, examples/headless/) on port 8001: Wagtail's
# preview panel offers it, and it may read the API from the browser.
_EXAMPLE_ORIGINS = ["http://127.0.0.1:8001", "http://localhost:8001"]
CORS_ALLOWED_ORIGINS = [*CORS_ALLOWED_ORIGINS, *_EXAMPLE_ORIGINS]
LEARNING_HEADLESS_PREVIEW_URL = (
    LEARNING_HEADLESS_PREVIEW_URL or "http://127.0.0.1:8001/?api=http://127.0.0.1:8000"
)

# django-debug-toolbar on pages served to this machine (the dev extra installs it;
# DJANGO_DEBUG_TOOLBAR=false turns it off). Test and production settings never load it.
if DEBUG_TOOLBAR and find_spec("debug_toolbar"):
    INSTALLED_APPS = [*INSTALLED_APPS, "debug_toolbar"]
    # First: no middleware here compresses responses, and it should see them all.
    MIDDLEWARE = ["debug_toolbar.middleware.DebugToolbarMiddleware", *MIDDLEWARE]
    INTERNAL_IPS = ["127.0.0.1", "::1"]
