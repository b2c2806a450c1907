"""`manage.py media_audit`: missing files, orphans, and deleting the orphans."""

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import DocumentFactory, ImageFactory
from tests.storage.moto_server import s3_client

pytestmark = pytest.mark.django_db


def audit(*args: str) -> tuple[str, str, int]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("media_audit", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error.returncode
    return out.getvalue(), err.getvalue(), 0


def s3_keys(endpoint_url: str, bucket: str) -> set[str]:
    listing = s3_client(endpoint_url).list_objects_v2(Bucket=bucket)
    return {entry["Key"] for entry in listing.get("Contents", ())}


def test_on_s3_it_finds_a_missing_file_and_an_orphan_and_deletes_the_orphan(
    moto_s3, s3_media
):
    image = ImageFactory()
    image.get_rendition("fill-10x10")
    kept = DocumentFactory()
    lost = DocumentFactory()
    s3_client(moto_s3.endpoint_url).delete_object(
        Bucket=s3_media, Key=f"private/{lost.file.name}"
    )
    orphan = default_storage.save("images/stray.png", ContentFile(b"x"))

    out, err, status = audit()

    assert status == 1
    assert f"missing  wagtaildocs.Document #{lost.pk} file: {lost.file.name}" in out
    assert f"orphan   s3://{s3_media}/media/{orphan}" in out
    assert kept.file.name not in out
    assert image.file.name not in out
    assert "1 row(s) with a missing file, 1 orphan file(s)." in out
    assert "Checking rows [" in err

    out, _err, status = audit("--delete-orphans", "--yes")

    assert "Deleted 1 orphan file(s)." in out
    assert status == 1  # the missing file is still missing
    assert f"media/{orphan}" not in s3_keys(moto_s3.endpoint_url, s3_media)
    assert f"private/{kept.file.name}" in s3_keys(moto_s3.endpoint_url, s3_media)

    lost.delete()
    out, _err, status = audit()
    assert status == 0
    assert "No problems found." in out


@pytest.fixture
def local_media(settings, tmp_path):
    """Empty media and private folders of this test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }


def test_on_local_storage_it_reports_both_kinds_and_refuses_to_delete_unasked(
    local_media, monkeypatch
):
    document = DocumentFactory()
    Path(default_storage.path(document.file.name)).unlink()
    orphan = default_storage.save("documents/forgotten.pdf", ContentFile(b"%PDF"))
    monkeypatch.setattr("sys.stdin", io.StringIO())

    out, _err, status = audit()
    assert status == 1
    assert f"wagtaildocs.Document #{document.pk} file: {document.file.name}" in out
    assert default_storage.path(orphan) in out

    with pytest.raises(CommandError, match="--yes"):
        call_command("media_audit", "--delete-orphans", stdout=io.StringIO())
    assert default_storage.exists(orphan)

    audit("--delete-orphans", "--yes")
    assert not default_storage.exists(orphan)
