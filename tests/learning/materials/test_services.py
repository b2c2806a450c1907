"""Sharing, hiding and review marks: the rules every caller goes through."""

import io
import tracemalloc
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import DatabaseError, transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from learning.materials.models import MaterialReview, SharedMaterial
from learning.materials.services import (
    material_mark_reviewed,
    material_unmark_reviewed,
    shared_material_create,
    shared_material_hide,
    shared_material_orphans_delete,
    shared_material_restore,
)
from tests.factories.materials import SharedMaterialFactory

from . import files
from .conftest import DECK_KEY, PUBLICATION_KEY, stored_files

pytestmark = pytest.mark.django_db


def share(world, user=None, **overrides):
    arguments = {
        "user": user or world.participant_a,
        "edition": world.edition_a,
        "title": "Our care plan",
        "language": "es",
        "description": "How we plan.",
    }
    arguments.update(overrides)
    return shared_material_create(**arguments)


def error_code(excinfo) -> str:
    return excinfo.value.error_list[0].code


# --- Sharing ------------------------------------------------------------------


def test_a_file_is_stored_under_a_new_name_with_its_sniffed_type(world):
    material = share(world, file=files.upload("Care plan.pdf", files.PDF))

    assert material.file.name.startswith(f"materials/{world.edition_a.pk}/")
    assert material.file.name.endswith(".pdf")
    assert "Care" not in material.file.name
    assert material.file_name == "Care_plan.pdf"
    assert material.content_type == "application/pdf"
    assert material.size == len(files.PDF)
    assert stored_files() == [material.file.name]


def test_two_files_of_the_same_name_do_not_overwrite_each_other(world):
    first = share(world, file=files.upload("plan.pdf", files.PDF))
    second = share(world, file=files.upload("plan.pdf", files.PDF + b"%second"))

    assert first.file.name != second.file.name
    assert len(stored_files()) == 2


def test_a_file_without_an_ending_gets_the_sniffed_one(world):
    material = share(world, file=files.upload("slides", files.PPTX))

    assert material.file_name == "slides.pptx"
    assert material.file.name.endswith(".pptx")


def test_a_csv_file_is_recorded_as_csv(world):
    material = share(world, file=files.upload("organisations.csv", files.CSV))

    assert material.content_type == "text/csv"


def test_a_link_is_shared_without_a_file(world):
    material = share(world, url="https://example.org/guide")

    assert material.url == "https://example.org/guide"
    assert not material.file
    assert stored_files() == []


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("setup.exe", files.EXE),
        ("program", files.ELF),
        ("page.html", files.HTML),
        ("logo.svg", files.SVG),
        ("archive.zip", files.PLAIN_ZIP),
    ],
)
def test_programs_web_pages_and_svg_are_refused(world, name, data):
    with pytest.raises(ValidationError) as excinfo:
        share(world, file=files.upload(name, data))

    assert error_code(excinfo) == "file_type_not_allowed"
    assert not SharedMaterial.objects.exists()
    assert stored_files() == []


# A request's own work (queries, the error) stays far below this.
FLAT_PEAK_BYTES = 4 * 1024 * 1024


@pytest.mark.parametrize("inflated_mib", [1_000, 19_000], ids=["1MB-file", "20MB-file"])
def test_a_zip_bomb_is_refused_and_memory_stays_flat(world, inflated_mib):
    bomb = files.upload("x.odt", files.zip_bomb(inflated_mib=inflated_mib))
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError) as excinfo:
            share(world, file=bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert error_code(excinfo) == "file_type_not_allowed"
    assert peak < FLAT_PEAK_BYTES
    assert stored_files() == []


def test_a_pdf_name_on_png_bytes_is_refused(world):
    with pytest.raises(ValidationError) as excinfo:
        share(world, file=files.upload("report.pdf", files.PNG))

    assert error_code(excinfo) == "file_name_mismatch"
    assert stored_files() == []


def test_a_file_over_the_size_limit_is_refused(world, settings):
    settings.LEARNING_MATERIAL_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as excinfo:
        share(world, file=files.upload("big.pdf", files.PDF + b"0" * 1024))

    assert error_code(excinfo) == "file_too_large"
    assert stored_files() == []


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"url": "javascript:alert(1)"}, "url_not_allowed"),
        ({"url": "ftp://example.org/file"}, "url_not_allowed"),
        ({}, "file_or_url_required"),
        (
            {"url": "https://example.org", "file": files.upload("a.pdf", files.PDF)},
            "file_and_url",
        ),
        ({"url": "https://example.org", "title": "  "}, "title_required"),
        ({"file": files.upload("empty.txt", b"")}, "file_empty"),
    ],
)
def test_invalid_shares_are_refused_with_a_code(world, overrides, code):
    with pytest.raises(ValidationError) as excinfo:
        share(world, **overrides)

    assert error_code(excinfo) == code
    assert not SharedMaterial.objects.exists()


def test_only_members_of_the_edition_can_share(world):
    with pytest.raises(PermissionDenied):
        share(world, user=world.participant_b, url="https://example.org")

    assert not SharedMaterial.objects.exists()


# --- A file and its row, or neither ---------------------------------------------


def test_a_file_that_cannot_be_stored_leaves_no_row(world, monkeypatch):
    storage = SharedMaterial._meta.get_field("file").storage

    def broken_save(name, content):
        raise OSError("disk full")

    monkeypatch.setattr(storage, "_save", broken_save)
    with pytest.raises(ValidationError) as excinfo:
        share(world, file=files.upload("plan.pdf", files.PDF))

    assert error_code(excinfo) == "file_not_stored"
    assert not SharedMaterial.objects.exists()
    assert stored_files() == []


def test_a_row_that_cannot_be_saved_leaves_no_file(world, monkeypatch):
    def broken_save(self, *args, **kwargs):
        assert stored_files(), "the file is stored before the row"
        raise DatabaseError("connection lost")

    monkeypatch.setattr(SharedMaterial, "save", broken_save)
    with pytest.raises(DatabaseError):
        share(world, file=files.upload("plan.pdf", files.PDF))

    assert not SharedMaterial.objects.exists()
    assert stored_files() == []


def test_files_of_rows_rolled_back_later_are_swept(world):
    kept = share(world, file=files.upload("kept.pdf", files.PDF))
    with pytest.raises(RuntimeError), transaction.atomic():
        share(world, file=files.upload("lost.pdf", files.PDF))
        raise RuntimeError("the caller's transaction fails")
    assert len(stored_files()) == 2

    assert shared_material_orphans_delete() == 0  # too recent to judge
    later = timezone.now() + timedelta(hours=2)
    assert shared_material_orphans_delete(now=later) == 1

    assert stored_files() == [kept.file.name]


# --- Hiding -------------------------------------------------------------------


@pytest.mark.parametrize("moderator", ["facilitator", "coordinator"])
def test_facilitators_and_coordinators_hide_and_restore_with_an_audit_log(
    world, moderator
):
    user = getattr(world, moderator)
    material = SharedMaterialFactory(edition=world.edition_a)

    hidden = shared_material_hide(material=material, user=user)
    assert hidden.is_hidden
    assert hidden.hidden_by == user
    restored = shared_material_restore(material=hidden, user=user)
    assert not restored.is_hidden

    actions = list(
        ModelLogEntry.objects.filter(object_id=str(material.pk))
        .order_by("timestamp", "pk")
        .values_list("action", "user_id")
    )
    assert actions == [("materials.hide", user.pk), ("materials.restore", user.pk)]


@pytest.mark.parametrize("user", ["participant_a", "participant_b"])
def test_participants_cannot_hide(world, user):
    material = SharedMaterialFactory(edition=world.edition_a)

    with pytest.raises(PermissionDenied):
        shared_material_hide(material=material, user=getattr(world, user))

    material.refresh_from_db()
    assert not material.is_hidden
    assert not ModelLogEntry.objects.filter(action="materials.hide").exists()


# --- Review marks -------------------------------------------------------------


def test_a_participant_marks_and_unmarks_a_material(world):
    arguments = {
        "user": world.participant_a,
        "edition": world.edition_a,
        "session_topic": world.topic,
        "material_key": PUBLICATION_KEY,
    }
    first = material_mark_reviewed(**arguments)
    again = material_mark_reviewed(**arguments)
    assert first.pk == again.pk
    assert MaterialReview.objects.count() == 1

    material_unmark_reviewed(**arguments)
    assert not MaterialReview.objects.exists()


def test_a_non_member_cannot_mark(world):
    with pytest.raises(PermissionDenied):
        material_mark_reviewed(
            user=world.participant_b,
            edition=world.edition_a,
            session_topic=world.topic,
            material_key=DECK_KEY,
        )
    assert not MaterialReview.objects.exists()


def test_only_materials_of_the_editions_topics_can_be_marked(world, site):
    with pytest.raises(ValidationError) as excinfo:
        material_mark_reviewed(
            user=world.participant_a,
            edition=world.edition_a,
            session_topic=world.topic,
            material_key="not-there",
        )
    assert error_code(excinfo) == "unknown_material"

    other_topic = site.modules[1].get_children().first().specific
    with pytest.raises(ValidationError) as excinfo:
        material_mark_reviewed(
            user=world.participant_a,
            edition=world.edition_a,
            session_topic=other_topic,
            material_key=DECK_KEY,
        )
    assert error_code(excinfo) == "unknown_session_topic"


def test_the_orphan_command_keeps_files_that_rows_name(world):
    kept = share(world, file=files.upload("kept.pdf", files.PDF))
    output = io.StringIO()

    call_command("materials_delete_orphans", stdout=output)

    assert "0" in output.getvalue()
    assert stored_files() == [kept.file.name]
