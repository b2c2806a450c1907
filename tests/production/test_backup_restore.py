"""Backup and restore as the README describes: pg_dump -Fc, pg_restore, media_audit.

A small committed world (pages, an edition with enrolments, documents and an
image in a moto S3 bucket) is dumped, restored into a fresh database, and the
restored database must agree with the original and with the bucket.
"""

import os
import shutil
import subprocess
import uuid

import psycopg
import pytest
from django.db import connection
from django.test import override_settings

from learning.enrolments.models import Enrolment
from tests.factories import DocumentFactory, ImageFactory
from tests.factories.learning import EditionFactory, EnrolmentFactory
from tests.storage.moto_server import (
    MotoServer,
    create_bucket,
    s3_client,
    s3_env,
    s3_settings,
)

from .servers import database_url, missing, production_env, run_manage

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def pg_tool(name):
    path = shutil.which(name)
    if not path:
        missing(f"{name} is not installed (Debian's postgresql-client)")
    return path


def pg_args(settings_dict):
    args = ["--host", settings_dict.get("HOST") or "127.0.0.1"]
    args += ["--port", str(settings_dict.get("PORT") or 5432)]
    if settings_dict.get("USER"):
        args += ["--username", settings_dict["USER"]]
    return args


def pg_env(settings_dict):
    password = settings_dict.get("PASSWORD")
    return {"PGPASSWORD": password} if password else {}


def admin_connection(settings_dict):
    """An autocommit connection to the maintenance database, for CREATE DATABASE."""
    return psycopg.connect(
        host=settings_dict.get("HOST") or "127.0.0.1",
        port=settings_dict.get("PORT") or 5432,
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    )


@pytest.fixture
def bucket():
    with MotoServer() as server:
        name = f"media-{uuid.uuid4().hex[:12]}"
        create_bucket(server.endpoint_url, name)
        with override_settings(**s3_settings(server.endpoint_url, name)):
            yield server, name


@pytest.fixture
def world(home_pages, bucket):
    """Committed rows whose files are in the bucket."""
    edition = EditionFactory()
    EnrolmentFactory.create_batch(3, edition=edition)
    DocumentFactory.create_batch(2)
    ImageFactory()
    return edition


@pytest.fixture
def restored_database():
    """The settings of a fresh, empty database, dropped after the test."""
    original = connection.settings_dict
    name = f"{original['NAME']}_restored"
    with admin_connection(original) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield {**original, "NAME": name}
    with admin_connection(original) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(command, env):
    return subprocess.run(  # noqa: S603 - PostgreSQL's own tools
        command,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_restored_dump_has_the_same_enrolments_and_no_missing_media(
    world, bucket, restored_database, tmp_path
):
    original = connection.settings_dict
    dump = tmp_path / "mlp.dump"

    dumped = run(
        [
            pg_tool("pg_dump"),
            "-Fc",
            *pg_args(original),
            "--file",
            str(dump),
            original["NAME"],
        ],
        pg_env(original),
    )
    assert dumped.returncode == 0, dumped.stderr
    restored = run(
        [
            pg_tool("pg_restore"),
            "--no-owner",
            *pg_args(original),
            "--dbname",
            restored_database["NAME"],
            str(dump),
        ],
        pg_env(original),
    )
    assert restored.returncode == 0, restored.stderr

    with psycopg.connect(database_url(restored_database)) as copy:
        (count,) = copy.execute(
            f'SELECT count(*) FROM "{Enrolment._meta.db_table}"'  # noqa: S608
        ).fetchone()
    assert count == Enrolment.objects.count() == 3

    server, name = bucket
    env = production_env(
        DATABASE_URL=database_url(restored_database),
        **s3_env(server.endpoint_url, name),
    )
    audit = run_manage("media_audit", env=env)
    assert audit.returncode == 0, audit.stdout + audit.stderr
    assert "0 row(s) with a missing file, 0 orphan file(s)." in audit.stdout

    # The audit does notice a file the restored rows expect but the bucket lacks.
    client = s3_client(server.endpoint_url)
    keys = [item["Key"] for item in client.list_objects_v2(Bucket=name)["Contents"]]
    document_key = next(key for key in keys if "documents/" in key)
    client.delete_object(Bucket=name, Key=document_key)
    audit = run_manage("media_audit", env=env)
    assert audit.returncode == 1
    assert "1 row(s) with a missing file" in audit.stdout
