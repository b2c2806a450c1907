"""Editions, information sessions, enrolment (idempotent) and certificate
verification through /api/v1/."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from icalendar import Calendar

from api.models import IdempotencyRecord
from learning.enrolments.models import Enrolment
from learning.infosessions.models import InfoSessionRegistration
from tests.api.roles import LEARNING_CLIENT, PARTICIPANT_A, caller
from tests.factories.learning import EditionFactory, InfoSessionFactory
from tests.learning.concurrency import require_concurrent_database, run_at_once


def _enrolment_body(world, key="acme", **overrides):
    body = {
        "organisation_name": f"Organisation {key}",
        "organisation_country": "Kenya",
        "organisation_website": f"https://{key}.example.org",
        "representatives": [
            {"name": f"Person {i}", "email": f"person{i}@{key}.example.org"}
            for i in (1, 2)
        ],
        "module_ids": [world.tree.modules[1].pk],
        "consent": True,
    }
    body.update(overrides)
    return body


def test_editions_show_status_places_and_a_utc_schedule(world, api):
    listing = api.get("/api/v1/editions/", {"programme": world.tree.programme.pk})
    detail = api.get(f"/api/v1/editions/{world.edition_a.pk}/")

    assert listing.status_code == 200
    assert {item["id"] for item in listing.json()["results"]} == {
        world.edition_a.pk,
        world.edition_b.pk,
    }
    body = detail.json()
    assert body["status"] == "open"
    assert body["places"] == 15
    assert body["places_left"] == 14  # participant A's organisation holds one
    (group,) = body["schedule"]
    assert group["module"]["id"] == world.tree.modules[0].pk
    (meeting,) = group["meetings"]
    assert meeting["id"] == world.meeting_a.pk
    assert meeting["starts_at"].endswith("Z")
    assert "join" not in str(body).lower()
    assert meeting["ics_url"].endswith(f"/meetings/{world.meeting_a.pk}/calendar.ics")


def test_a_status_filter_and_bad_filters(world, api):
    EditionFactory(
        programme=world.tree.programme,
        enrolment_opens_at=timezone.now() + timedelta(days=10),
        enrolment_closes_at=timezone.now() + timedelta(days=20),
    )

    upcoming = api.get("/api/v1/editions/", {"status": "upcoming"})
    unknown = api.get("/api/v1/editions/", {"status": "sideways"})

    assert [item["status"] for item in upcoming.json()["results"]] == ["upcoming"]
    assert unknown.status_code == 400
    assert unknown.json()["fields"]["status"][0]["code"] == "invalid"


def test_calendars_of_an_edition_and_a_meeting_have_no_join_link(world, api):
    edition = api.get(f"/api/v1/editions/{world.edition_a.pk}/calendar.ics")
    meeting = api.get(f"/api/v1/meetings/{world.meeting_a.pk}/calendar.ics")

    assert edition["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(edition.content).walk("VEVENT")
    assert event.decoded("dtstart") == world.meeting_a.starts_at.replace(microsecond=0)
    assert b"zoom.example.org" not in edition.content + meeting.content
    assert len(Calendar.from_ical(meeting.content).walk("VEVENT")) == 1


def test_enrolling_takes_a_place_and_module_one_comes_with_it(world):
    api = caller(world, LEARNING_CLIENT)

    response = api.post(
        f"/api/v1/editions/{world.edition_a.pk}/enrolments/",
        _enrolment_body(world),
        format="json",
    )

    assert response.status_code == 202, response.json()
    assert set(response.json()) == {"edition", "message"}
    enrolment = Enrolment.objects.get(organisation__name="Organisation acme")
    assert enrolment.status == "confirmed"
    assert {m.pk for m in enrolment.modules.all()} == {m.pk for m in world.tree.modules}
    after = caller(world, LEARNING_CLIENT).get(
        f"/api/v1/editions/{world.edition_a.pk}/"
    )
    assert after.json()["places_left"] == 13


def test_a_repeat_answers_exactly_like_a_new_enrolment(world):
    api = caller(world, PARTICIPANT_A)
    url = f"/api/v1/editions/{world.edition_a.pk}/enrolments/"
    strangers = [
        {"name": f"Eve {i}", "email": f"eve{i}@elsewhere.example.net"} for i in (1, 2)
    ]

    new = api.post(url, _enrolment_body(world), format="json")
    repeat = api.post(
        url, _enrolment_body(world, representatives=strangers), format="json"
    )

    assert (repeat.status_code, repeat.json()) == (new.status_code, new.json())
    assert "Organisation acme" not in repeat.content.decode()
    assert Enrolment.objects.filter(organisation__name="Organisation acme").count() == 1


def test_an_invalid_enrolment_answers_in_the_error_shape_and_saves_nothing(world):
    api = caller(world, LEARNING_CLIENT)
    before = Enrolment.objects.count()

    missing = api.post(
        f"/api/v1/editions/{world.edition_a.pk}/enrolments/",
        _enrolment_body(world, consent=False, module_ids=[world.tree.topics[1][0].pk]),
        format="json",
        HTTP_ACCEPT_LANGUAGE="es",
    )
    no_people = api.post(
        f"/api/v1/editions/{world.edition_a.pk}/enrolments/",
        {"organisation_name": "X"},
        format="json",
    )

    assert missing.status_code == 400
    assert set(missing.json()) == {"code", "message", "fields"}
    assert missing.json()["code"] in {"consent_required", "unknown_module"}
    assert no_people.status_code == 400
    assert "representatives" in no_people.json()["fields"]
    assert Enrolment.objects.count() == before


def test_the_same_idempotency_key_and_body_replays_the_first_answer(world):
    api = caller(world, LEARNING_CLIENT)
    url = f"/api/v1/editions/{world.edition_a.pk}/enrolments/"
    body = _enrolment_body(world)

    first = api.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = api.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    other = api.post(
        url,
        _enrolment_body(world, key="other"),
        format="json",
        HTTP_IDEMPOTENCY_KEY="k-1",
    )

    assert first.status_code == 202
    assert again.status_code == 202
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_key_reused"
    assert Enrolment.objects.filter(edition=world.edition_a).count() == 2


def test_a_failed_request_keeps_no_key_so_a_corrected_retry_works(world):
    api = caller(world, LEARNING_CLIENT)
    url = f"/api/v1/editions/{world.edition_a.pk}/enrolments/"

    failed = api.post(
        url,
        _enrolment_body(world, consent=False),
        format="json",
        HTTP_IDEMPOTENCY_KEY="k-2",
    )
    fixed = api.post(
        url, _enrolment_body(world), format="json", HTTP_IDEMPOTENCY_KEY="k-2"
    )

    assert failed.status_code == 400
    assert fixed.status_code == 202
    assert IdempotencyRecord.objects.filter(key="k-2").count() == 1


def test_keys_belong_to_their_caller(world):
    url = f"/api/v1/editions/{world.edition_a.pk}/enrolments/"
    app = caller(world, LEARNING_CLIENT).post(
        url, _enrolment_body(world), format="json", HTTP_IDEMPOTENCY_KEY="shared"
    )
    person = caller(world, PARTICIPANT_A).post(
        url,
        _enrolment_body(world, key="person"),
        format="json",
        HTTP_IDEMPOTENCY_KEY="shared",
    )

    assert app.status_code == 202
    assert person.status_code == 202
    names = {"Organisation acme", "Organisation person"}
    assert Enrolment.objects.filter(organisation__name__in=names).count() == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_with_one_key_make_one_enrolment(world):
    require_concurrent_database()
    url = f"/api/v1/editions/{world.edition_a.pk}/enrolments/"
    body = _enrolment_body(world)

    def send():
        return caller(world, LEARNING_CLIENT).post(
            url, body, format="json", HTTP_IDEMPOTENCY_KEY="race"
        )

    outcome = run_at_once(send, [{}] * 4)

    assert outcome.errors == []
    assert {r.status_code for r in outcome.results} == {202}
    assert len({r.content for r in outcome.results}) == 1
    assert Enrolment.objects.filter(edition=world.edition_a).count() == 2


def test_information_sessions_and_sign_up(world, api):
    session = InfoSessionFactory(programme=world.tree.programme, capacity=1)
    InfoSessionFactory(
        programme=world.tree.programme,
        starts_at=timezone.now() - timedelta(hours=1),
    )
    writer = caller(world, LEARNING_CLIENT)
    url = f"/api/v1/info-sessions/{session.pk}/registrations/"
    person = {"name": "Ana", "email": "ana@example.org", "consent": True}

    listing = api.get("/api/v1/info-sessions/")
    signed = writer.post(url, person, format="json")
    repeat = writer.post(url, person, format="json")
    full = writer.post(url, {**person, "email": "ben@example.org"}, format="json")
    anonymous = api.post(url, person, format="json")

    assert [item["id"] for item in listing.json()["results"]] == [session.pk]
    assert "join" not in str(listing.json())
    assert signed.status_code == 201
    # Full is full for everyone, a repeat too: nothing tells who signed up.
    assert repeat.status_code == full.status_code == 400
    assert repeat.json() == full.json()
    assert full.json()["code"] == "infosession_full"
    assert anonymous.status_code == 401
    assert InfoSessionRegistration.objects.filter(session=session).count() == 1
    assert api.get(f"/api/v1/info-sessions/{session.pk}/").json()["places_left"] == 0


def test_certificate_verification_valid_revoked_unknown_and_throttled(
    world, api, monkeypatch
):
    import learning.certificates.services as services

    codes = []
    real = services.code_generate
    monkeypatch.setattr(
        services, "code_generate", lambda: codes.append(real()) or codes[-1]
    )
    certificate = services.certificate_issue(
        participant=world.participant_a,
        actor=world.coordinator,
        reason="Completed by hand",
        force=True,
    )
    code = services.code_readable(codes[0])
    cache.clear()

    valid = api.get(f"/api/v1/certificates/verify/{code}/")
    unknown = api.get("/api/v1/certificates/verify/ABCD-EFGH-IJKL/")
    malformed = api.get("/api/v1/certificates/verify/%3Cscript%3E/")
    services.certificate_revoke(
        certificate=certificate, actor=world.coordinator, reason="A mistake"
    )
    revoked = api.get(f"/api/v1/certificates/verify/{code}/")

    assert valid.status_code == 200
    assert valid.json()["holder_name"] == "Amina Diallo"
    assert valid.json()["status"] == "valid"
    assert "@" not in str(valid.json())
    assert unknown.status_code == malformed.status_code == 404
    assert unknown.json() == malformed.json()
    assert revoked.json()["status"] == "revoked"
    statuses = [
        api.get("/api/v1/certificates/verify/ABCD/").status_code for _ in range(30)
    ]
    assert statuses[-1] == 429
    assert api.get("/api/v1/certificates/verify/ABCD/").json()["code"] == "throttled"


def test_a_repeat_sign_up_answers_like_a_new_one_and_shows_nothing(world):
    # Issue 22, case 3: the answer carried the first registrant's name and
    # language, and "created": false.
    session = InfoSessionFactory(programme=world.tree.programme, language="en")
    writer = caller(world, LEARNING_CLIENT)
    url = f"/api/v1/info-sessions/{session.pk}/registrations/"
    writer.post(
        url,
        {
            "name": "Ana Pérez",
            "email": "ana@example.org",
            "language": "es",
            "consent": True,
        },
        format="json",
    )

    repeat = writer.post(
        url,
        {"name": "Mallory", "email": "ANA@example.org", "consent": True},
        format="json",
    )

    assert repeat.status_code == 201
    assert repeat.json() == {
        "session": session.pk,
        "name": "Mallory",
        "email": "ana@example.org",
        "language": "en",
    }


@pytest.mark.parametrize("field", ["name", "organisation"])
def test_an_invisible_name_is_refused_on_its_field(world, field):
    session = InfoSessionFactory(programme=world.tree.programme)
    body = {"name": "Ana", "email": "ana@example.org", "consent": True}

    response = caller(world, LEARNING_CLIENT).post(
        f"/api/v1/info-sessions/{session.pk}/registrations/",
        {**body, field: "\u200b\u200b"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["fields"][field][0]["code"] == "name_invisible"
    assert not InfoSessionRegistration.objects.exists()
