"""The seminar's programme page and API: objectives, target groups, and each run
with its place and its days, in English and Spanish."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from rest_framework.test import APIClient

from learning.catalogue.enums import ProgrammeFormat
from learning.catalogue.models import ProgrammePage
from learning.editions.models import Edition
from learning.editions.services import edition_create, meeting_create
from tests.factories import (
    ModulePageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    SessionTopicPageFactory,
)
from tests.learning.public_site import translate

pytestmark = pytest.mark.django_db

MANILA = ZoneInfo("Asia/Manila")


@dataclass
class Seminar:
    page: ProgrammePage
    page_es: ProgrammePage
    run: Edition


def _objectives(language: str) -> dict:
    if language == "es":
        return {
            "objectives_intro": "Al finalizar el seminario, podrán:",
            "objectives": [("objective", "Introducir la técnica del diálogo.")],
            "target_groups_intro": "El seminario está pensado para:",
        }
    return {
        "objectives_intro": "At the end of the seminar, participants will be able to:",
        "objectives": [("objective", "Introduce dialogue technique.")],
        "target_groups_intro": "The seminar is designed for:",
        "target_groups": [("target_group", "Local government officials")],
    }


@pytest.fixture
def seminar(home_pages) -> Seminar:
    return build_seminar(home_pages)


def build_seminar(home_pages) -> Seminar:
    """A seminar in English and Spanish with a run of two days in Cebu City."""
    index = ProgrammeIndexPageFactory(parent=home_pages["en"], slug="programmes")
    translate(index, "es", title="Programas")
    page = ProgrammePageFactory(
        parent=index,
        title="Peer-to-peer seminar",
        slug="seminar",
        programme_format=ProgrammeFormat.SEMINAR,
        **_objectives("en"),
    )
    # A translation keeps each group's id and changes its words only.
    group = {
        "type": "target_group",
        "id": page.target_groups[0].id,
        "value": "Funcionarios de gobiernos locales",
    }
    page_es = translate(
        page,
        "es",
        title="Seminario entre pares",
        target_groups=[group],
        **_objectives("es"),
    )
    run = edition_create(
        programme=page,
        starts_on=date(2027, 3, 2),
        ends_on=date(2027, 3, 4),
        enrolment_opens_at=datetime(2027, 1, 4, tzinfo=UTC),
        enrolment_closes_at=datetime(2027, 2, 15, tzinfo=UTC),
        places=30,
        time_zone="Asia/Manila",
        venue="Bayanihan Training Centre",
        city="Cebu City",
        country="Philippines",
    )
    for number, day, hour in ((1, 2, 9), (2, 3, 13)):
        module = ModulePageFactory(
            parent=page, title=f"Module {number} in English", module_number=number
        )
        translate(module, "es", title=f"Módulo {number} en español")
        topic = SessionTopicPageFactory(parent=module, title=f"Topic {number}")
        translate(topic, "es", title=f"Tema {number}")
        meeting_create(
            edition=run,
            session_topic=topic,
            starts_at=datetime(2027, 3, day, hour, tzinfo=MANILA),
            duration_minutes=120,
        )
    return Seminar(page=page, page_es=ProgrammePage.objects.get(pk=page_es.pk), run=run)


def test_the_english_page_shows_objectives_groups_place_and_days(client, seminar):
    html = client.get(seminar.page.url).content.decode()

    assert "At the end of the seminar, participants will be able to:" in html
    assert "<li>Introduce dialogue technique.</li>" in html
    group_id = seminar.page.target_groups[0].id
    assert f'data-target-group="{group_id}">Local government officials<' in html
    assert "Bayanihan Training Centre, Cebu City, Philippines" in html
    assert "Day 1 · Tuesday, March 2, 2027" in html
    assert "Day 2 · Wednesday, March 3, 2027" in html
    assert "Module 2: Module 2 in English" in html
    # The venue's local times, not converted in the reader's browser.
    assert ">9 a.m.</time>" in html
    assert "1 p.m." in html
    assert "/enrol/" not in html


def test_the_spanish_page_shows_the_same_groups_and_days_in_spanish(client, seminar):
    html = client.get(seminar.page_es.url).content.decode()

    group_id = seminar.page.target_groups[0].id
    assert f'data-target-group="{group_id}">Funcionarios de gobiernos locales<' in html
    assert "Al finalizar el seminario, podrán:" in html
    assert "Tema 2" in html
    assert "martes, 2 de marzo de 2027" in html
    assert ">09:00</time>" in html
    # These labels come from the Spanish catalogue (after the translations merge).
    assert "Día 1 · martes, 2 de marzo de 2027" in html
    assert "Módulo 2: Módulo 2 en español" in html
    assert "Participantes destinatarios" in html


def test_an_online_run_shows_times_the_readers_browser_converts(client, seminar):
    Edition.objects.filter(pk=seminar.run.pk).update(
        is_online=True, venue="", city="", country=""
    )

    html = client.get(seminar.page.url).content.decode()

    assert "Online" in html
    assert "data-local-time" in html


def test_the_content_api_gives_objectives_and_groups_with_shared_ids(seminar):
    api = APIClient()

    english = api.get(f"/api/v1/programmes/{seminar.page.pk}/").json()
    spanish = api.get(f"/api/v1/programmes/{seminar.page_es.pk}/").json()

    assert english["objectives_intro"].startswith("At the end of the seminar")
    assert english["objectives"][0]["value"] == "Introduce dialogue technique."
    assert [g["id"] for g in spanish["target_groups"]] == [
        g["id"] for g in english["target_groups"]
    ]
    assert spanish["target_groups"][0]["value"] == "Funcionarios de gobiernos locales"


def test_the_wagtail_pages_api_gives_the_structured_fields(seminar):
    response = APIClient().get(f"/api/v2/pages/{seminar.page.pk}/")

    body = response.json()
    assert body["target_groups_intro"] == "The seminar is designed for:"
    assert body["target_groups"][0]["type"] == "target_group"
    assert body["target_groups"][0]["id"] == seminar.page.target_groups[0].id
    assert body["objectives"][0]["value"] == "Introduce dialogue technique."


def test_the_edition_api_gives_the_place_and_the_days(seminar):
    body = APIClient().get(f"/api/v1/editions/{seminar.run.pk}/").json()

    assert body["location"] == {
        "online": False,
        "venue": "Bayanihan Training Centre",
        "city": "Cebu City",
        "country": "Philippines",
        "label": "Bayanihan Training Centre, Cebu City, Philippines",
    }
    assert [(d["date"], d["number"]) for d in body["days"]] == [
        ("2027-03-02", 1),
        ("2027-03-03", 2),
    ]
    second = body["days"][1]["meetings"][0]
    assert second["module"]["title"] == "Module 2 in English"
    assert second["starts_at"] == "2027-03-03T05:00:00Z"


def test_a_meeting_calendar_names_the_place(seminar):
    meeting = seminar.run.meetings.first()

    body = APIClient().get(f"/api/v1/meetings/{meeting.pk}/calendar.ics")

    assert b"LOCATION:Bayanihan Training Centre\\, Cebu City\\, Philippines" in (
        body.content
    )
