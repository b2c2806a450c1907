"""Local development: the embedded default (SQLite, local media, console email)."""

from .base import *

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-not-for-production"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "[::1]"]

# Local receivers (tests, a developer's own machine) speak plain http.
WEBHOOKS_ALLOW_HTTP = True
