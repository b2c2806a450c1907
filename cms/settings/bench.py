"""The benchmark (bench/, `make bench`): production-like (DEBUG off) on the
bench database that bench/run.py points DATABASE_URL and the media roots at."""

from .base import *

DEBUG = False
SECRET_KEY = SECRET_KEY or "bench-only-insecure-key"
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
# The site plus the benchmark's references under /bench/ (bench/references.py).
ROOT_URLCONF = "bench.urls"
