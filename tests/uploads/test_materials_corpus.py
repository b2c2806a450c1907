"""The malicious-upload corpus through members' shared materials: the service
every caller uses, and the share form and download a member meets."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from learning.materials.models import SharedMaterial
from learning.materials.services import shared_material_create
from tests.learning.materials.conftest import stored_files

from . import corpus

pytestmark = pytest.mark.django_db


def share(world, name: str, data: bytes) -> SharedMaterial:
    # A plain File: unlike an UploadedFile it keeps whatever name a caller gives.
    file = File(io.BytesIO(data))
    file.name = name
    return shared_material_create(
        user=world.participant_a,
        edition=world.edition_a,
        title="Our poster",
        language="en",
        file=file,
    )


def download(client, world, material):
    client.force_login(world.participant_a)
    return client.get(reverse("materials:shared-download", args=[material.pk]))


@pytest.mark.parametrize("data", [corpus.SVG_AS_PNG, corpus.HTML_AS_PNG])
def test_markup_named_png_is_refused_and_nothing_is_stored(world, data):
    with pytest.raises(ValidationError) as excinfo:
        share(world, "poster.png", data)

    assert excinfo.value.error_list[0].code == "file_type_not_allowed"
    assert stored_files() == []
    assert not SharedMaterial.objects.exists()


def test_the_share_form_explains_the_refusal_in_the_members_language(client, world):
    client.force_login(world.participant_a)
    url = reverse("materials:shared", args=[world.edition_a.pk]).replace(
        "/en/", "/es/", 1
    )
    response = client.post(
        url,
        {
            "title": "Póster",
            "language": "es",
            "file": SimpleUploadedFile("poster.png", corpus.SVG_AS_PNG),
        },
    )

    assert response.status_code == 200
    english = (
        "This kind of file cannot be shared. Share a PDF, an image, an "
        "office document, a text file or a video (MP4)."
    )
    with translation.override("es"):
        spanish = translation.gettext(english)
    assert spanish != english
    assert spanish in response.text
    assert stored_files() == []


def test_a_png_with_a_page_inside_is_only_ever_downloaded_as_an_image(client, world):
    material = share(world, "poster.png", corpus.png_html_polyglot())

    response = download(client, world, material)

    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == corpus.png_html_polyglot()


def test_a_hostile_name_never_leaves_the_edition_folder(client, world):
    folder = Path(settings.PRIVATE_MEDIA_ROOT, "materials", str(world.edition_a.pk))
    for name in corpus.HOSTILE_NAMES:
        material = share(world, name, corpus.png())

        stored = Path(settings.PRIVATE_MEDIA_ROOT, material.file.name).resolve()
        assert stored.parent == folder.resolve(), name
        assert stored.is_file()
        assert "/" not in material.file_name
        assert "\\" not in material.file_name
        assert not material.file_name.startswith("."), material.file_name
        assert material.file_name.endswith(".png")
        disposition = download(client, world, material)["Content-Disposition"]
        assert ".." not in disposition
        assert "/" not in disposition
    assert len(stored_files()) == len(corpus.HOSTILE_NAMES)


def test_a_decompression_bomb_is_kept_as_a_file_and_never_decoded(client, world):
    # Shared files are never resized or previewed: the bomb stays 300 bytes on disk
    # and goes out as an attachment; only the Wagtail image library decodes images.
    bomb = corpus.png_bomb()

    material = share(world, "map.png", bomb)

    response = download(client, world, material)
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == bomb


def test_the_same_name_twice_keeps_both_files(client, world):
    first = share(world, "plan.png", corpus.png(colour="red"))
    second = share(world, "plan.png", corpus.png(colour="blue"))

    assert first.file.name != second.file.name
    assert first.file_name == second.file_name == "plan.png"
    assert len(stored_files()) == 2
    assert b"".join(download(client, world, first).streaming_content) == corpus.png(
        colour="red"
    )
    assert b"".join(download(client, world, second).streaming_content) == corpus.png(
        colour="blue"
    )


def test_a_path_in_the_posted_file_name_is_dropped(client, world):
    client.force_login(world.participant_a)
    url = reverse("materials:shared", args=[world.edition_a.pk])

    body, content_type = corpus.multipart(
        {"title": "Poster", "language": "en"},
        file_field="file",
        filename="../../../../etc/evil.png",
        data=corpus.png(),
    )

    response = client.generic("POST", url, body, content_type=content_type)

    assert response.status_code == 302
    material = SharedMaterial.objects.get()
    assert material.file_name == "evil.png"
    assert material.file.name.startswith(f"materials/{world.edition_a.pk}/")
