"""`GET /api/v1/editions/<id>/readiness/`: the facilitators' readiness before
upcoming meetings, the same figures as the site's readiness page, for the
edition's staff only, in a number of queries that does not grow with the
number of organisations."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from learning.attendance.enums import AttendanceStatus
from learning.attendance.models import Attendance
from learning.forum.models import Thread
from learning.forum.services import post_create, thread_ensure_for_edition
from learning.materials.services import material_mark_reviewed
from tests.factories.users import UserFactory
from tests.learning.preparation.conftest import (
    MATERIAL_KEYS,
    _prep_world_once,  # noqa: F401
    enrolled,
    prep_world,
)
from tests.shared_world import copy_or_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(_prep_world_once, db):  # noqa: F811
    """Built once for the module (tests/shared_world.py)."""
    return copy_or_build(_prep_world_once, prep_world)


def url(world) -> str:
    return f"/api/v1/editions/{world.edition.pk}/readiness/"


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def review(world, participant, meeting, *keys: str) -> None:
    for key in keys:
        material_mark_reviewed(
            user=participant.user,
            edition=world.edition,
            session_topic=meeting.session_topic,
            material_key=key,
        )


def answer(world, participant, meeting, key: str) -> None:
    thread_ensure_for_edition(edition=world.edition)
    thread = Thread.objects.get(
        edition=world.edition, session_topic=meeting.session_topic, question_key=key
    )
    post_create(thread=thread, author=participant.user, body="My answer.")


def excuse(participant, meeting) -> None:
    Attendance.objects.create(
        meeting=meeting, participant=participant, status=AttendanceStatus.EXCUSED
    )


def prepared(world) -> None:
    """Participant A did all of module 1; participant C reviewed one material
    and answered one question; A's colleague is excused from module 1."""
    review(world, world.participant_a, world.module_1, *MATERIAL_KEYS)
    answer(world, world.participant_a, world.module_1, "q-listen")
    answer(world, world.participant_a, world.module_1, "q-next")
    review(world, world.participant_c, world.module_1, "slides")
    answer(world, world.participant_c, world.module_1, "q-next")
    excuse(world.colleague_a, world.module_1)


def people(body: dict) -> dict[tuple[int, int], dict]:
    """(meeting id, participant id) -> that person's row in the API's answer."""
    return {
        (item["meeting"]["id"], person["participant"]): person
        for item in body["meetings"]
        for group in item["organisations"]
        for person in group["people"]
    }


def test_facilitators_see_who_reviewed_and_answered_what(world):
    prepared(world)
    response = client_for(world.facilitator).get(url(world))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["edition"] == {"id": world.edition.pk, "title": world.edition.title}
    meetings = [item["meeting"]["id"] for item in body["meetings"]]
    assert meetings == [world.module_1.pk, world.module_3.pk, world.module_2.pk]
    module_1 = body["meetings"][0]
    assert [m["key"] for m in module_1["materials"]] == MATERIAL_KEYS
    assert [q["key"] for q in module_1["questions"]] == ["q-listen", "q-next"]
    assert (module_1["expected"], module_1["ready"]) == (2, 1)
    rows = people(body)
    a = rows[world.module_1.pk, world.participant_a.pk]
    assert (a["materials_reviewed"], a["materials_total"]) == (2, 2)
    assert (a["questions_answered"], a["questions_total"]) == (2, 2)
    assert a["is_ready"] and not a["is_excused"]
    c = rows[world.module_1.pk, world.participant_c.pk]
    assert (c["reviewed"], c["answered"]) == (["slides"], ["q-next"])
    assert (c["materials_reviewed"], c["questions_answered"]) == (1, 1)
    assert not c["is_ready"]
    assert rows[world.module_1.pk, world.colleague_a.pk]["is_excused"]
    # Module 3 is organisation C's choice only; module 2 organisation A's.
    assert {p for m, p in rows if m == world.module_3.pk} == {world.participant_c.pk}
    assert (world.module_2.pk, world.participant_c.pk) not in rows


def test_organisations_carry_the_counts_without_the_excused(world):
    prepared(world)
    body = client_for(world.facilitator).get(url(world)).json()
    groups = {g["id"]: g for g in body["meetings"][0]["organisations"]}
    own = groups[world.participant_a.enrolment.organisation_id]
    assert own["name"] == world.participant_a.enrolment.organisation.name
    assert {p["participant"] for p in own["people"]} == {
        world.participant_a.pk,
        world.colleague_a.pk,
    }
    assert (own["expected"], own["ready"]) == (1, 1)
    assert (own["materials_reviewed"], own["materials_total"]) == (2, 2)
    other = groups[world.participant_c.enrolment.organisation_id]
    assert (other["questions_answered"], other["questions_total"]) == (1, 2)


def page_people(html: str) -> dict[tuple[int, int], dict]:
    """(meeting id, participant id) -> the figures the readiness page shows."""
    soup = BeautifulSoup(html, "html.parser")
    rows = {}
    for section in soup.select("section[data-meeting]"):
        for item in section.select("li[data-person]"):
            reviewed = item.select_one("[data-reviewed]")
            answered = item.select_one("[data-answered]")
            rows[int(section["data-meeting"]), int(item["data-person"])] = {
                "reviewed": int(reviewed["data-reviewed"]) if reviewed else 0,
                "answered": int(answered["data-answered"]) if answered else 0,
                "excused": item.select_one('[data-status="excused"]') is not None,
                "ready": item.has_attr("data-ready"),
            }
    return rows


def test_the_page_and_the_api_agree(client, world):
    prepared(world)
    client.force_login(world.facilitator)
    page = reverse("preparation:readiness", kwargs={"edition_id": world.edition.pk})
    shown = page_people(client.get(page).content.decode())
    body = client_for(world.facilitator).get(url(world)).json()
    answered = {
        key: {
            "reviewed": row["materials_reviewed"],
            "answered": row["questions_answered"],
            "excused": row["is_excused"],
            "ready": row["is_ready"],
        }
        for key, row in people(body).items()
    }
    assert answered == shown
    assert shown[world.module_1.pk, world.participant_c.pk]["reviewed"] == 1


def test_coordinators_read_every_edition(world):
    coordinator = UserFactory(is_staff=True, is_superuser=True)
    assert client_for(coordinator).get(url(world)).status_code == 200


def test_participants_are_refused_and_strangers_see_nothing(world):
    response = client_for(world.participant_a.user).get(url(world))
    assert response.status_code == 403
    assert response.json()["code"] == "not_a_facilitator"
    assert client_for(UserFactory()).get(url(world)).status_code == 404
    missing = f"/api/v1/editions/{world.edition.pk + 1000}/readiness/"
    assert client_for(world.facilitator).get(missing).status_code == 404
    assert APIClient().get(url(world)).status_code == 401


def test_the_refusal_is_in_the_callers_language(world):
    """Needs the Spanish catalogue merged."""
    response = client_for(world.participant_a.user).get(
        url(world), HTTP_ACCEPT_LANGUAGE="es"
    )
    assert response.json()["message"] == (
        "Solo los facilitadores de la edición y los coordinadores ven la "
        "preparación de sus participantes."
    )


def test_query_count_is_bounded_and_flat_in_organisations(world):
    api = client_for(world.facilitator)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api.get(url(world)).status_code == 200
        return len(captured.captured_queries)

    modules = list(world.participant_a.enrolment.modules.all())
    before = count()
    for n in range(4):
        enrolled(world.edition, modules[:2], f"p{n}@example.org", f"q{n}@example.org")
    after = count()
    assert after == before
    assert before <= 16, before
