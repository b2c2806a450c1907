"""The demo site for transactional tests: built once per process, put back per test.

``load_demo`` takes tens of seconds and its content grows with every format, while
putting back a copy of the finished database and media takes a fraction of a second.
So the first test in a process that asks for the demo loads it and takes a snapshot
(the whole database: rows, sequences, the search index; and the files under the media
roots); every later test gets that snapshot back, whatever earlier tests changed.

- SQLite: the test database is a file; sqlite3's backup API copies it, page by page,
  into an in-memory database and back. The live server's own connection sees the
  restored file at its next query.
- PostgreSQL: a copy of every table in a schema of its own, plus each sequence's
  value; restoring truncates the tables and copies the rows and sequence values back,
  in one transaction.
"""

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction


class SqliteSnapshot:
    """The whole database file, held in an in-memory SQLite database."""

    def __init__(self) -> None:
        connection.ensure_connection()
        self.copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(self.copy)

    def restore(self) -> None:
        connection.ensure_connection()
        self.copy.backup(connection.connection)


SNAPSHOT_SCHEMA = "mlp_demo_snapshot"


def _quoted(name: str) -> str:
    return connection.ops.quote_name(name)


class PostgresSnapshot:
    """The rows of every table of the current schema, copied into SNAPSHOT_SCHEMA,
    and the sequences' values."""

    def __init__(self) -> None:
        schema = _quoted(SNAPSHOT_SCHEMA)
        with connection.cursor() as cursor:
            # Generated columns cannot be written: copy the others.
            cursor.execute(
                "SELECT table_name, string_agg(quote_ident(column_name), ', ' "
                "ORDER BY ordinal_position) FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND is_generated = 'NEVER' "
                "AND table_name IN (SELECT tablename FROM pg_tables "
                "WHERE schemaname = current_schema()) GROUP BY table_name"
            )
            self.columns: dict[str, str] = dict(cursor.fetchall())
            cursor.execute(
                "SELECT quote_ident(sequencename), last_value FROM pg_sequences "
                "WHERE schemaname = current_schema()"
            )
            self.sequences: list[tuple[str, int | None]] = cursor.fetchall()
            self.filled = [
                table for table in self.columns if _has_rows(cursor, _quoted(table))
            ]
            cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            cursor.execute(f"CREATE SCHEMA {schema}")
            for table in self.filled:
                cursor.execute(
                    f"CREATE UNLOGGED TABLE {schema}.{_quoted(table)} AS "  # noqa: S608
                    f"SELECT {self.columns[table]} FROM {_quoted(table)}"
                )

    def restore(self) -> None:
        schema = _quoted(SNAPSHOT_SCHEMA)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            tables = ", ".join(_quoted(table) for table in self.columns)
            cursor.execute(f"TRUNCATE {tables}")
            for table in self.filled:
                columns = self.columns[table]
                cursor.execute(
                    f"INSERT INTO {_quoted(table)} ({columns}) "  # noqa: S608
                    f"SELECT {columns} FROM {schema}.{_quoted(table)}"
                )
            for sequence, last_value in self.sequences:
                # A sequence never used has no last value: its next is its start.
                if last_value is None:
                    cursor.execute(f"ALTER SEQUENCE {sequence} RESTART")
                else:
                    cursor.execute("SELECT setval(%s, %s)", [sequence, last_value])


def _has_rows(cursor, table: str) -> bool:
    cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {table})")  # noqa: S608
    return cursor.fetchone()[0]


class MediaSnapshot:
    """A copy of the files under the media roots."""

    def __init__(self) -> None:
        self.copies: dict[Path, Path] = {}
        for root in _media_roots():
            copy = Path(tempfile.mkdtemp(prefix="mlp-demo-media-"))
            shutil.copytree(root, copy, dirs_exist_ok=True)
            self.copies[root] = copy

    def restore(self) -> None:
        for root, copy in self.copies.items():
            shutil.rmtree(root, ignore_errors=True)
            shutil.copytree(copy, root)

    def discard(self) -> None:
        for copy in self.copies.values():
            shutil.rmtree(copy, ignore_errors=True)


def _media_roots() -> list[Path]:
    return [Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)]


@dataclass
class DemoSnapshot:
    database: SqliteSnapshot | PostgresSnapshot
    media: MediaSnapshot

    def restore(self) -> None:
        self.database.restore()
        self.media.restore()


def _database_snapshot() -> SqliteSnapshot | PostgresSnapshot:
    if connection.vendor == "sqlite":
        return SqliteSnapshot()
    if connection.vendor == "postgresql":
        return PostgresSnapshot()
    raise NotImplementedError(f"no demo snapshot for {connection.vendor}")


def _reset_to_migrated_state() -> None:
    """The database as serialized_rollback leaves it when a test starts, so that
    the snapshot never holds what fixtures before the demo wrote."""
    serialized = getattr(connection, "_test_serialized_contents", None)
    if serialized is None:
        return
    # As the teardown of a transactional test flushes: sequences left as they are,
    # since the serialized rows keep their keys and PostgreSQL's sequences would
    # hand those keys out again.
    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        reset_sequences=False,
        inhibit_post_migrate=True,
    )
    connection.creation.deserialize_db_from_string(serialized)


def _forget_cached_state() -> None:
    """What this process cached from the database it replaced: Wagtail's site root
    paths, the site's API responses. (Content types keep their keys: the snapshot
    holds the rows serialized_rollback puts back.)"""
    for cache in caches.all(initialized_only=True):
        cache.clear()


class DemoSnapshots:
    """One demo snapshot per test process, taken on first use."""

    def __init__(self, load: Callable[[], None]) -> None:
        self.load = load
        self.snapshot: DemoSnapshot | None = None
        self.media_roots: list[Path] = []

    def put_in_place(self) -> None:
        if self.snapshot is not None and self.media_roots == _media_roots():
            self.snapshot.restore()
        else:
            self.discard()
            _reset_to_migrated_state()
            self.load()
            self.snapshot = DemoSnapshot(_database_snapshot(), MediaSnapshot())
            self.media_roots = _media_roots()
        _forget_cached_state()

    def discard(self) -> None:
        if self.snapshot is not None:
            self.snapshot.media.discard()
            self.snapshot = None
