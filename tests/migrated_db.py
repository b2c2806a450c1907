"""A migrated SQLite test database, kept between test processes.

Running every migration (Django's, Wagtail's, ours) costs each test process about
35 CPU-seconds, and `make test` starts four of them (two xdist workers in each of
its two sessions). The first process that migrates keeps a copy of the migrated
file in the user's cache directory (`$MLP_TEST_DB_CACHE`, else
`$XDG_CACHE_HOME/mlp/test-db` or `~/.cache/mlp/test-db`), named by a hash of every
migration file and the installed versions; later processes, and later runs from any
checkout of the project on this machine (a CI clone included), copy that file into
place and let Django's `keepdb` path check it (migrate finds nothing to apply). A
changed migration changes the hash, so a stale copy is never used; the most recent
few are kept, for checkouts on different branches. PostgreSQL migrates as before.
"""

import hashlib
import os
import shutil
import sqlite3
import tempfile
from importlib import metadata
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection

CACHE_DIR = Path(
    os.environ.get("MLP_TEST_DB_CACHE")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    / "mlp"
    / "test-db"
)
KEPT = 5
# Packages whose code decides what migrate writes besides the migration files.
VERSIONED = ("django", "wagtail", "wagtail-localize")


def applies() -> bool:
    """Only for a file-backed SQLite test database."""
    test_name = connection.settings_dict.get("TEST", {}).get("NAME")
    on_disk = bool(test_name) and ":memory:" not in test_name
    return connection.vendor == "sqlite" and on_disk


def _cache_key() -> str:
    digest = hashlib.sha256()
    # Data migrations read these (e.g. Wagtail's first locale).
    for name in ("INSTALLED_APPS", "LANGUAGE_CODE", "WAGTAIL_CONTENT_LANGUAGES"):
        digest.update(f"{name}={getattr(settings, name, None)!r}\n".encode())
    for package in VERSIONED:
        digest.update(f"{package}={metadata.version(package)}\n".encode())
    for app in sorted(apps.get_app_configs(), key=lambda app: app.label):
        migrations = Path(app.path) / "migrations"
        for path in sorted(migrations.glob("*.py")):
            digest.update(f"{app.label}/{path.name}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def cached_file() -> Path:
    return CACHE_DIR / f"{_cache_key()}.sqlite3"


def test_db_name() -> str:
    return connection.creation._get_test_db_name()


def put_in_place() -> bool:
    """Copy the cached migrated database to the test database's path; False when
    there is no cached copy yet (then this process migrates and keeps one)."""
    cached = cached_file()
    if not cached.exists():
        return False
    target = Path(test_db_name())
    shutil.copyfile(cached, target)
    os.utime(cached)  # recently used: kept before older copies
    return True


def keep() -> None:
    """Keep a copy of the freshly migrated test database (sqlite3's backup API
    copies it consistently; the rename makes the copy appear whole or not at all)."""
    cached = cached_file()
    if cached.exists():
        return
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=CACHE_DIR, suffix=".partial")
    os.close(handle)
    connection.ensure_connection()
    copy = sqlite3.connect(partial)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()
    os.replace(partial, cached)
    copies = sorted(
        CACHE_DIR.glob("*.sqlite3"), key=lambda path: path.stat().st_mtime, reverse=True
    )
    for stale in copies[KEPT:]:
        stale.unlink(missing_ok=True)


def remove() -> None:
    """The test database file, which `keepdb` leaves behind."""
    name = test_db_name()
    connection.close()
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(name + suffix).unlink(missing_ok=True)
