"""Demo shared materials and review marks in the demo editions, made through services.

participant-a shares in the open edition, participant-b in the past one: a small
PDF, a text file and links, in English and Spanish; the facilitator hides one.
Review marks are spread over the past edition's participants so that the
progress page has bars of different lengths. A later run finds everything by
title and key and changes nothing.
"""

import io
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from learning.editions.models import Edition, Meeting
from learning.enrolments.membership import participant_list_members
from learning.materials.models import MaterialReview, SharedMaterial
from learning.materials.selectors import material_keys_for_topic
from learning.materials.services import (
    material_mark_reviewed,
    shared_material_create,
    shared_material_hide,
)
from learning.participants.selectors import (
    meeting_expects_modules,
    member_module_paths,
)

from .learning import FACILITATOR, OPEN_SLUG, PARTICIPANT_A, PARTICIPANT_B, PAST_SLUG


@dataclass(frozen=True)
class DemoMaterial:
    title: str
    language: str
    description: str
    url: str = ""
    pdf_lines: tuple[str, ...] = ()
    text: str = ""
    hidden: bool = False


OPEN_MATERIALS = (
    DemoMaterial(
        "Our kinship care support plan (template)",
        "en",
        "The template we use to plan support with each kinship family.",
        pdf_lines=(
            "Kinship care support plan",
            "1. Who lives in the household",
            "2. What the child needs",
            "3. Who helps, and how often",
        ),
    ),
    DemoMaterial(
        "Guía de acogimiento familiar (enlace)",
        "es",
        "Una guía práctica que usamos con las familias de acogida.",
        url="https://bettercarenetwork.org/",
    ),
)
PAST_MATERIALS = (
    DemoMaterial(
        "Notas de nuestra visita de intercambio",
        "es",
        "Lo que aprendimos al visitar otra organización del programa.",
        text="Notas de la visita\n- Escuchar primero a las familias.\n"
        "- Acordar un plan con fechas.\n",
    ),
    DemoMaterial(
        "Alternative care guidelines",
        "en",
        "The international guidelines we discussed in module 1.",
        url="https://bettercarenetwork.org/library",
    ),
    DemoMaterial(
        "Draft slides shared by mistake",
        "en",
        "An unfinished draft.",
        url="https://example.org/draft-slides",
        hidden=True,
    ),
)


def ensure_materials() -> tuple[int, int]:
    """Shared materials and review marks in the demo editions; (created, reused)."""
    created = reused = 0
    for slug, sharer, materials in (
        (OPEN_SLUG, PARTICIPANT_A[1], OPEN_MATERIALS),
        (PAST_SLUG, PARTICIPANT_B[1], PAST_MATERIALS),
    ):
        edition = Edition.objects.filter(slug=slug).first()
        user = get_user_model().objects.filter(email=sharer).first()
        if edition is None or user is None:
            continue
        for material in materials:
            made = _shared(edition=edition, user=user, material=material)
            created, reused = created + made, reused + (not made)
        made, kept = _reviews(edition=edition, every=1 if slug == PAST_SLUG else 3)
        created, reused = created + made, reused + kept
    return created, reused


def _shared(*, edition: Edition, user, material: DemoMaterial) -> bool:
    if SharedMaterial.objects.filter(edition=edition, title=material.title).exists():
        return False
    shared = shared_material_create(
        user=user,
        edition=edition,
        title=material.title,
        language=material.language,
        description=material.description,
        url=material.url,
        file=_file(material),
    )
    facilitator = edition.facilitators.filter(email=FACILITATOR).first()
    if material.hidden and facilitator is not None:
        shared_material_hide(material=shared, user=facilitator)
    return True


def _file(material: DemoMaterial) -> SimpleUploadedFile | None:
    if material.pdf_lines:
        return SimpleUploadedFile("support-plan.pdf", _pdf(material.pdf_lines))
    if material.text:
        return SimpleUploadedFile("notas-visita.txt", material.text.encode())
    return None


def _pdf(lines: tuple[str, ...]) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    y = 780
    for line in lines:
        pdf.drawString(72, y, line)
        y -= 24
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _reviews(*, edition: Edition, every: int) -> tuple[int, int]:
    """Marks by every `every`-th participant, fewer for each later material."""
    members = participant_list_members(edition=edition).select_related("user")
    users = [p.user for p in members][::every]
    meetings = Meeting.objects.filter(
        edition=edition, session_topic__isnull=False
    ).select_related("session_topic")[:3]
    chosen = member_module_paths(edition=edition)
    created = reused = 0
    for meeting in meetings:
        topic = meeting.session_topic
        keys = sorted(material_keys_for_topic(session_topic=topic))
        # Only the people expected at the meeting review its materials.
        expected = [
            user
            for user in users
            if meeting_expects_modules(meeting=meeting, module_paths=chosen[user.pk])
        ]
        for position, key in enumerate(keys):
            for user in expected[: max(1, len(expected) - 2 * position)]:
                exists = MaterialReview.objects.filter(
                    user=user, edition=edition, session_topic=topic, material_key=key
                ).exists()
                if exists:
                    reused += 1
                    continue
                material_mark_reviewed(
                    user=user, edition=edition, session_topic=topic, material_key=key
                )
                created += 1
    return created, reused
