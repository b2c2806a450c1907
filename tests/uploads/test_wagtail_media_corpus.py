"""The malicious-upload corpus through the Wagtail admin's image and document
uploads (where editors put images, documents, slides and recordings)."""

from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image as PILImage
from PIL import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

from . import corpus

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()


def upload(client, kind: str, name: str, data: bytes) -> dict:
    body, content_type = corpus.multipart(
        {}, file_field="files[]", filename=name, data=data
    )
    response = client.generic(
        "POST", f"/admin/{kind}/multiple/add/", body, content_type=content_type
    )
    assert response.status_code == 200
    return response.json()


def stored(folder: str) -> list[Path]:
    root = Path(settings.MEDIA_ROOT, folder)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


@pytest.fixture
def admin(superuser_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return superuser_client


@pytest.mark.parametrize("data", [corpus.SVG_AS_PNG, corpus.HTML_AS_PNG])
def test_markup_named_png_is_not_an_image(admin, data):
    answer = upload(admin, "images", "poster.png", data)

    assert answer["success"] is False
    assert answer["error_message"]
    assert not Image.objects.exists()
    assert stored("original_images") == []


@pytest.mark.parametrize(
    "data",
    [
        corpus.png_bomb(3_000),  # cut short: Django's "not a valid image"
        corpus.SVG_AS_PNG,  # the message cms/core/images.py brings to Spanish
        corpus.png_bomb(12_000),  # too many pixels: likewise
    ],
)
def test_the_refusal_is_in_the_editors_language(admin, superuser, data):
    answers = {}
    for language in ("en", "es"):
        profile = UserProfile.get_for_user(superuser)
        profile.preferred_language = language
        profile.save()
        answers[language] = upload(admin, "images", "poster.png", data)

    assert answers["en"]["success"] is answers["es"]["success"] is False
    assert answers["es"]["error_message"] != answers["en"]["error_message"]


@pytest.mark.parametrize(
    "side",
    [
        100_000,  # 10 gigapixels: past twice Pillow's limit
        12_000,  # 144 megapixels: past Wagtail's limit, within twice Pillow's
    ],
)
def test_a_decompression_bomb_is_refused_for_its_pixels(admin, side):
    answer = upload(admin, "images", "map.png", corpus.png_bomb(side))

    assert answer["success"] is False
    assert answer["error_message"].startswith("This file has too many pixels")
    assert not Image.objects.exists()
    assert stored("original_images") == []


def test_a_bomb_is_refused_without_being_decoded(admin, monkeypatch):
    def decode(*args, **kwargs):
        raise AssertionError("the image was decoded")

    monkeypatch.setattr(PILImage.Image, "load", decode)
    monkeypatch.setattr(ImageFile.ImageFile, "load", decode)

    answer = upload(admin, "images", "map.png", corpus.png_bomb(12_000))

    assert answer["error_message"].startswith("This file has too many pixels")


def test_an_image_whose_data_ends_early_is_refused_not_a_server_error(admin):
    answer = upload(admin, "images", "map.png", corpus.png_bomb(3_000))

    assert answer["success"] is False
    assert answer["error_message"].startswith("Upload a valid image.")
    assert not Image.objects.exists()


def test_a_png_with_a_page_inside_is_stored_as_a_png(admin):
    answer = upload(admin, "images", "poster.png", corpus.png_html_polyglot())

    image = Image.objects.get(pk=answer["image_id"])
    assert Path(image.file.name).suffix == ".png"
    assert Path(image.file.name).parent.name == "original_images"


@pytest.mark.parametrize("name", ["../../../etc/evil.png", "..\\..\\evil.png"])
def test_a_path_in_an_image_name_never_leaves_the_images_folder(admin, name):
    answer = upload(admin, "images", name, corpus.png())

    image = Image.objects.get(pk=answer["image_id"])
    path = Path(image.file.path).resolve()
    assert path.parent == Path(settings.MEDIA_ROOT, "original_images").resolve()
    assert ".." not in image.file.name


def test_the_same_image_name_twice_keeps_both_files(admin):
    first = upload(admin, "images", "plan.png", corpus.png(colour="red"))
    second = upload(admin, "images", "plan.png", corpus.png(colour="blue"))

    files = [Image.objects.get(pk=a["image_id"]).file for a in (first, second)]
    assert files[0].name != files[1].name
    assert [f.read() for f in files] == [
        corpus.png(colour="red"),
        corpus.png(colour="blue"),
    ]


@pytest.mark.parametrize(
    "name", ["page.html", "poster.svg", "poster.png", "script.js", "run.exe"]
)
def test_documents_of_kinds_outside_the_list_are_refused(admin, name):
    answer = upload(admin, "documents", name, corpus.SVG_AS_PNG)

    assert answer["success"] is False
    assert "txt" in answer["error_message"]
    assert not Document.objects.exists()
    assert stored("documents") == []


def test_a_page_named_txt_is_served_as_an_attachment_that_cannot_run(admin, client):
    answer = upload(admin, "documents", "../notes.txt", corpus.HTML_AS_PNG)
    document = Document.objects.get(pk=answer["doc_id"])
    assert ".." not in document.file.name

    response = client.get(document.url)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["Content-Type"].startswith("text/plain")


def test_the_same_document_name_twice_keeps_both_files(admin):
    first = upload(admin, "documents", "plan.txt", b"first")
    second = upload(admin, "documents", "plan.txt", b"second")

    files = [Document.objects.get(pk=a["doc_id"]).file for a in (first, second)]
    assert files[0].name != files[1].name
    assert [f.read() for f in files] == [b"first", b"second"]
