"""A database failure after a file was stored leaves no orphan behind: the shared
materials service removes its file, and `media_audit` finds (and deletes) what
Wagtail's own uploads leave. On local folders and on S3 (the moto server)."""

import io
from collections.abc import Callable

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from learning.materials.models import SharedMaterial
from learning.materials.services import shared_material_create
from tests.storage.moto_server import s3_client

from . import corpus

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["local", "s3"])
def stored_names(request, settings, tmp_path) -> Callable[[], set[str]]:
    """This test's own empty storages; a function listing every stored file."""
    if request.param == "s3":
        bucket = request.getfixturevalue("s3_media")
        endpoint = request.getfixturevalue("moto_s3").endpoint_url

        def listing() -> set[str]:
            found = s3_client(endpoint).list_objects_v2(Bucket=bucket)
            return {entry["Key"] for entry in found.get("Contents", ())}

        return listing
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    return lambda: {
        str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()
    }


def failing_insert(table: str):
    """A database that refuses to insert into `table`, after the file is stored."""

    def execute(run, sql, params, many, context):
        if sql.lstrip().upper().startswith("INSERT") and table in sql:
            raise DatabaseError("simulated: the database went away")
        return run(sql, params, many, context)

    return connection.execute_wrapper(execute)


def audit(*args: str) -> tuple[str, int]:
    out = io.StringIO()
    try:
        call_command("media_audit", *args, stdout=out, stderr=io.StringIO())
    except CommandError as error:
        return out.getvalue(), error.returncode
    return out.getvalue(), 0


def test_a_shared_file_whose_row_fails_is_removed(world, stored_names):
    with pytest.raises(DatabaseError), failing_insert("materials_sharedmaterial"):
        shared_material_create(
            user=world.participant_a,
            edition=world.edition_a,
            title="Plan",
            language="en",
            file=SimpleUploadedFile("plan.png", corpus.png()),
        )

    assert not SharedMaterial.objects.exists()
    assert stored_names() == set()


def test_a_shared_file_of_a_rolled_back_caller_is_listed_by_the_audit(
    world, stored_names
):
    with pytest.raises(RuntimeError), transaction.atomic():
        material = shared_material_create(
            user=world.participant_a,
            edition=world.edition_a,
            title="Plan",
            language="en",
            file=SimpleUploadedFile("plan.png", corpus.png()),
        )
        raise RuntimeError("the caller's own transaction fails afterwards")
    assert len(stored_names()) == 1

    out, status = audit()

    assert status == 1
    assert "orphan" in out
    assert material.file.name in out
    audit("--delete-orphans", "--yes")
    assert stored_names() == set()


def test_wagtail_uploads_whose_rows_fail_are_found_and_removed_by_the_audit(
    stored_names,
):
    orphans = []
    for model, table, name, data in [
        (get_document_model(), "wagtaildocs_document", "report.txt", b"notes"),
        (get_image_model(), "wagtailimages_image", "photo.png", corpus.png()),
    ]:
        item = model(title="Lost", file=ContentFile(data, name=name))
        with (
            pytest.raises(DatabaseError),
            transaction.atomic(),
            failing_insert(table),
        ):
            item.save()
        assert not model.objects.exists()
        orphans.append(item.file.name)
    assert len(stored_names()) == 2

    out, status = audit()

    assert status == 1
    listed = [line for line in out.splitlines() if line.startswith("orphan")]
    assert all(any(line.endswith(o) for line in listed) for o in orphans), out
    out, status = audit("--delete-orphans", "--yes")
    assert "Deleted 2 orphan file(s)." in out
    assert status == 0
    assert stored_names() == set()
