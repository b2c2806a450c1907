"""Local development: the embedded default (SQLite, local media, console email)."""

from .base import *

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-not-for-production"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "[::1]"]
