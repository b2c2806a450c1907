"""A person's own data through /api/v1/me/…: who they are, their enrolments,
meetings (join link only while open), attendance and certificates; never
another person's."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from learning.attendance.enums import AttendanceStatus
from learning.certificates.models import Certificate
from tests.api.roles import (
    COORDINATOR,
    FACILITATOR,
    PARTICIPANT_A,
    PARTICIPANT_B,
    caller,
)
from tests.factories.certificates import AttendanceMarkFactory
from tests.factories.learning import MeetingFactory


def _get(world, actor, path):
    response = caller(world, actor).get(f"/api/v1/me/{path}")
    assert response.status_code == 200, response.content
    return response.json()


def test_me_tells_who_the_participant_is_and_their_role(world):
    body = _get(world, PARTICIPANT_A, "")

    assert body["email"] == "participant-a@example.org"
    assert body["language"] == "en"
    assert body["is_coordinator"] is False
    assert body["roles"] == [
        {
            "edition": {"id": world.edition_a.pk, "title": world.edition_a.title},
            "role": "participant",
        }
    ]


def test_me_lists_a_facilitators_edition_and_a_coordinators_flag(world):
    facilitator = _get(world, FACILITATOR, "")
    coordinator = _get(world, COORDINATOR, "")

    assert [(r["edition"]["id"], r["role"]) for r in facilitator["roles"]] == [
        (world.edition_a.pk, "facilitator")
    ]
    assert coordinator["is_coordinator"] is True
    assert coordinator["roles"] == []


def test_enrolments_are_the_persons_own(world):
    body = _get(world, PARTICIPANT_A, "enrolments/")

    assert len(body) == 1
    enrolment = body[0]
    assert enrolment["participant"] == world.participant_a.pk
    assert enrolment["edition"]["id"] == world.edition_a.pk
    assert enrolment["organisation"]["name"] == (
        world.participant_a.enrolment.organisation.name
    )
    assert enrolment["status"] == "confirmed"
    assert enrolment["has_place"] is True
    assert enrolment["modules"] == ["Module 1", "Module 2"]
    assert world.edition_b.title not in str(body)


def test_a_facilitator_without_participations_has_no_enrolments(world):
    assert _get(world, FACILITATOR, "enrolments/") == []


def test_meetings_show_the_join_link_only_while_it_is_open(world):
    later = MeetingFactory(
        edition=world.edition_a,
        session_topic=world.tree.topics[2][0],
        starts_at=timezone.now() + timedelta(days=3),
        join_url="https://zoom.example.org/j/later",
    )

    meetings = _get(world, PARTICIPANT_A, "meetings/")

    by_id = {meeting["id"]: meeting for meeting in meetings}
    assert set(by_id) == {world.meeting_a.pk, later.pk}
    assert by_id[world.meeting_a.pk]["join_url"] == world.meeting_a.join_url
    assert by_id[later.pk]["join_url"] is None
    assert by_id[later.pk]["starts_at"].endswith("Z")
    assert [m["id"] for m in meetings] == [world.meeting_a.pk, later.pk]
    assert world.meeting_b.pk not in by_id


def test_attendance_lists_held_meetings_and_the_certificate_counts(world):
    AttendanceMarkFactory(
        meeting=world.meeting_a,
        participant=world.participant_a,
        status=AttendanceStatus.PRESENT,
    )
    AttendanceMarkFactory(
        meeting=world.meeting_b,
        participant=world.participant_b,
        status=AttendanceStatus.ABSENT,
    )

    body = _get(world, PARTICIPANT_A, "attendance/")

    assert len(body) == 1
    assert body[0]["edition"]["id"] == world.edition_a.pk
    assert body[0]["meetings"] == [
        {
            "id": world.meeting_a.pk,
            "title": world.meeting_a.display_title,
            "starts_at": body[0]["meetings"][0]["starts_at"],
            "status": "present",
        }
    ]
    module_one = body[0]["modules"][0]
    assert module_one["title"] == "Module 1"
    assert (module_one["meetings_held"], module_one["attended"]) == (1, 1)
    assert (module_one["counted"], module_one["percent"]) == (1, 100)
    assert body[0]["modules"][1]["percent"] is None  # nothing held yet


def test_unmarked_meetings_show_a_null_status(world):
    body = _get(world, PARTICIPANT_B, "attendance/")

    assert body[0]["meetings"][0]["status"] is None
    assert body[0]["modules"][0]["attended"] == 0


def test_certificates_say_why_not_yet(world):
    body = _get(world, PARTICIPANT_A, "certificates/")

    assert len(body) == 1
    assert body[0]["certificate"] is None
    reasons = [reason["code"] for reason in body[0]["eligibility"]["reasons"]]
    assert "edition_not_finished" in reasons
    assert body[0]["eligibility"]["eligible"] is False


@pytest.fixture
def certificate(world):
    return Certificate.objects.create(
        participant=world.participant_a,
        edition=world.edition_a,
        code_hash="a" * 64,
        issued_at=timezone.now(),
        holder_name="Amina Diallo",
        organisation_name="Organisation A",
        programme_titles={"en": "Mutual Learning", "es": "Aprendizaje mutuo"},
        edition_title=world.edition_a.title,
        hours=12,
        pdf="certificates/1/certificate.pdf",
    )


def test_a_certificate_links_to_the_sites_download_and_verify_page(world, certificate):
    body = _get(world, PARTICIPANT_A, "certificates/")
    other = _get(world, PARTICIPANT_B, "certificates/")

    shown = body[0]["certificate"]
    assert shown["id"] == certificate.pk
    assert shown["status"] == "valid"
    assert shown["hours"] == "12.0"
    assert shown["download_url"].startswith("http://testserver/")
    assert shown["download_url"].endswith(f"/certificates/{certificate.pk}/download/")
    assert shown["verify_page_url"] == "http://testserver/verify/"
    assert body[0]["eligibility"] is None
    assert all(item["certificate"] is None for item in other)


def test_the_site_session_works_too(world):
    api = APIClient(enforce_csrf_checks=True)
    api.force_login(world.participant_a.user)

    response = api.get("/api/v1/me/")

    assert response.status_code == 200
    assert response.json()["email"] == "participant-a@example.org"
