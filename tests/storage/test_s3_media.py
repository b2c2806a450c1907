"""Media on S3: tested against moto's S3 server over HTTP (see moto_server.py)."""

import io
import json
import time
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction

from learning.materials.services import shared_material_create
from tests.factories.learning import (
    EditionFactory,
    EnrolmentFactory,
    ParticipantFactory,
)
from tests.factories.users import UserFactory
from tests.storage.moto_server import MotoServer, create_bucket, s3_client, s3_settings

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


def keys(endpoint_url: str, bucket: str) -> list[str]:
    listing = s3_client(endpoint_url).list_objects_v2(Bucket=bucket)
    return sorted(entry["Key"] for entry in listing.get("Contents", ()))


def allow_public_media(endpoint_url: str, bucket: str) -> None:
    """The bucket policy the README asks for: anyone may read media/*, nothing else."""
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/media/*",
            }
        ],
    }
    s3_client(endpoint_url).put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))


def query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def upload_document(client, name: str, *, collection=None):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, PDF, content_type="application/pdf"),
            "collection": (collection or Collection.get_first_root_node()).pk,
        },
    )


# --- Images and renditions: public URLs ---------------------------------------------


@pytest.mark.django_db
def test_an_image_uploaded_in_the_admin_and_its_rendition_are_public_in_the_bucket(
    moto_s3, s3_media, superuser_client
):
    allow_public_media(moto_s3.endpoint_url, s3_media)

    response = superuser_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Teal",
            "file": SimpleUploadedFile("teal.png", png_bytes(), "image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302
    image = Image.objects.get(title="Teal")
    rendition = image.get_rendition("fill-20x20")
    stored = keys(moto_s3.endpoint_url, s3_media)
    assert f"media/{image.file.name}" in stored
    assert f"media/{rendition.file.name}" in stored
    assert rendition.file.name.startswith("images/")
    # A plain, permanent URL that pages and caches can keep: no signature.
    prefix = f"{moto_s3.endpoint_url}/{s3_media}/media/images/"
    assert rendition.url.startswith(prefix)
    assert "X-Amz-Signature" not in rendition.url
    downloaded = requests.get(rendition.url, timeout=5)
    assert downloaded.status_code == 200
    assert PILImage.open(io.BytesIO(downloaded.content)).size == (20, 20)


@pytest.mark.django_db
def test_public_media_use_the_cdn_domain_when_one_is_set(moto_s3, settings):
    from django.core.files.storage import default_storage
    from django.test import override_settings

    bucket = "cdn-check"
    create_bucket(moto_s3.endpoint_url, bucket)
    overrides = s3_settings(
        moto_s3.endpoint_url, bucket, custom_domain="cdn.example.org"
    )
    with override_settings(**overrides):
        name = default_storage.save("images/logo.png", ContentFile(png_bytes()))
        assert default_storage.url(name) == f"https://cdn.example.org/media/{name}"
        # Documents never go through the CDN: signed by the bucket itself.
        doc = default_storage.save("documents/a.pdf", ContentFile(PDF))
        assert default_storage.url(doc).startswith(
            f"{moto_s3.endpoint_url}/{bucket}/private/documents/"
        )


# --- Never overwritten --------------------------------------------------------------


@pytest.mark.django_db
def test_two_uploads_with_the_same_name_are_two_objects(
    moto_s3, s3_media, superuser_client
):
    upload_document(superuser_client, "a.pdf")
    upload_document(superuser_client, "a.pdf")

    first, second = Document.objects.order_by("pk")
    assert first.file.name != second.file.name
    stored = [
        key for key in keys(moto_s3.endpoint_url, s3_media) if "documents/" in key
    ]
    assert len(stored) == 2
    assert all(key.startswith("private/documents/a") for key in stored)


# --- Private documents: signed, short-lived, after Wagtail's privacy check ---------


@pytest.fixture
def private_document(s3_media, superuser_client):
    root = Collection.get_first_root_node()
    members = root.add_child(name="Members only")
    CollectionViewRestriction.objects.create(
        collection=members, restriction_type=CollectionViewRestriction.LOGIN
    )
    upload_document(superuser_client, "minutes.pdf", collection=members)
    superuser_client.logout()
    return Document.objects.get(title="minutes.pdf")


@pytest.mark.django_db
def test_a_private_document_is_refused_to_visitors_and_signed_for_users(
    moto_s3, s3_media, private_document, client
):
    allow_public_media(moto_s3.endpoint_url, s3_media)
    serve_url = private_document.url

    anonymous = client.get(serve_url)
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]
    assert s3_media not in anonymous["Location"]
    # The object itself is not public, even to someone who guesses its key.
    key_url = f"{moto_s3.endpoint_url}/{s3_media}/private/{private_document.file.name}"
    assert requests.get(key_url, timeout=5).status_code == 403

    client.force_login(UserFactory())
    signed = client.get(serve_url)
    assert signed.status_code == 302
    location = signed["Location"]
    assert location.startswith(f"{moto_s3.endpoint_url}/{s3_media}/private/documents/")
    assert query(location)["X-Amz-Expires"] == "300"
    downloaded = requests.get(location, timeout=5)
    assert downloaded.status_code == 200
    assert downloaded.content == PDF


@pytest.mark.django_db
def test_signed_urls_live_as_long_as_the_setting_says(moto_s3):
    from django.core.files.storage import default_storage, storages
    from django.test import override_settings

    bucket = "short-lived"
    create_bucket(moto_s3.endpoint_url, bucket)
    with override_settings(
        **s3_settings(moto_s3.endpoint_url, bucket, querystring_expire=7)
    ):
        name = default_storage.save("documents/short.pdf", ContentFile(PDF))
        private_name = storages["private"].save("materials/x.pdf", ContentFile(PDF))
        urls = [default_storage.url(name), storages["private"].url(private_name)]

    for url in urls:
        params = query(url)
        # moto does not enforce expiry itself: the signed lifetime is checked here.
        assert params["X-Amz-Expires"] == "7"
        signed_at = datetime.strptime(params["X-Amz-Date"], "%Y%m%dT%H%M%SZ")
        age = datetime.now(UTC).replace(tzinfo=None) - signed_at
        assert abs(age.total_seconds()) < 60
        assert requests.get(url, timeout=5).status_code == 200


# --- Edition materials: redirect to a signed attachment, members only ---------------


@pytest.fixture
def stored_material(s3_media):
    edition = EditionFactory()
    member = UserFactory()
    ParticipantFactory(enrolment=EnrolmentFactory(edition=edition), user=member)
    material = shared_material_create(
        user=member,
        edition=edition,
        title="Care plan",
        language="en",
        file=SimpleUploadedFile("care plan.pdf", PDF, "application/octet-stream"),
    )
    return material, member


@pytest.mark.django_db
def test_a_member_is_redirected_to_a_signed_attachment(
    moto_s3, s3_media, stored_material, client
):
    material, member = stored_material
    assert f"private/{material.file.name}" in keys(moto_s3.endpoint_url, s3_media)
    client.force_login(member)

    response = client.get(reverse("materials:shared-download", args=[material.pk]))

    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    location = response["Location"]
    assert query(location)["X-Amz-Expires"] == "300"
    downloaded = requests.get(location, timeout=5)
    assert downloaded.status_code == 200
    assert downloaded.content == PDF
    assert downloaded.headers["Content-Disposition"].startswith("attachment;")
    assert "care_plan.pdf" in downloaded.headers["Content-Disposition"]


@pytest.mark.django_db
def test_a_non_member_gets_404_for_a_private_file(s3_media, stored_material, client):
    material, _member = stored_material
    client.force_login(UserFactory())

    response = client.get(reverse("materials:shared-download", args=[material.pk]))

    assert response.status_code == 404


# --- Storage down: fast, clear failure, no row ----------------------------------------


@pytest.fixture
def doomed_s3():
    """A moto server of this test's own, which the test stops."""
    with MotoServer() as server:
        yield server


@pytest.mark.django_db
def test_uploads_fail_fast_and_clearly_when_the_storage_is_down(
    doomed_s3, superuser_client
):
    from django.test import override_settings

    create_bucket(doomed_s3.endpoint_url, "doomed")
    with override_settings(**s3_settings(doomed_s3.endpoint_url, "doomed")):
        assert upload_document(superuser_client, "before.pdf").status_code == 302
        doomed_s3.stop()

        started = time.monotonic()
        response = upload_document(superuser_client, "after.pdf")
        image_response = superuser_client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Lost",
                "file": SimpleUploadedFile("lost.png", png_bytes(), "image/png"),
                "collection": Collection.get_first_root_node().pk,
            },
            follow=True,
        )
        elapsed = time.monotonic() - started

    assert elapsed < 15
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtaildocs:add")
    assert response["Retry-After"]
    assert "storage is unavailable" in image_response.text
    assert list(Document.objects.values_list("title", flat=True)) == ["before.pdf"]
    assert not Image.objects.filter(title="Lost").exists()


# Autocommit, as in production: Django marks an enclosing test transaction for
# rollback when a save fails, which would hide whether a row was left behind.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_multiple_upload_gets_the_message_as_json(doomed_s3, superuser_client):
    from django.test import override_settings

    create_bucket(doomed_s3.endpoint_url, "doomed")
    with override_settings(**s3_settings(doomed_s3.endpoint_url, "doomed")):
        doomed_s3.stop()
        response = superuser_client.post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": SimpleUploadedFile("x.pdf", PDF, "application/pdf")},
            headers={"x-requested-with": "XMLHttpRequest"},
        )

    assert response.json()["success"] is False
    assert "storage is unavailable" in response.json()["error_message"]
    assert not Document.objects.exists()
