"""Learning events through /api/v1/: events with their RSVP state, answering
(anonymous, throttled, idempotent for callers with an identity), changing an
answer with the email's link, and the coordinators' RSVP list."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from api.models import IdempotencyRecord
from api.throttling import RsvpThrottle
from learning.events.links import rsvp_token_make
from learning.events.models import EventRsvp
from tests.api.roles import COORDINATOR, LEARNING_CLIENT, PARTICIPANT_A, caller
from tests.factories.events import (
    EventFactory,
    EventRecordingFactory,
    EventRsvpFactory,
    EventSeriesProgrammePageFactory,
    background_documents,
)
from tests.factories.media import DocumentFactory
from tests.factories.pages import PublicationPageFactory
from tests.learning.events.domain import spanish_source_session

EVENTS = "/api/v1/events/"


def _translate(page, locale, **fields):
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


@pytest.fixture
def series(home_pages):
    """A series with an upcoming event (2 places, 1 taken) and a past one with
    its learning note and an agenda."""
    now = timezone.now()
    programme = EventSeriesProgrammePageFactory(
        parent__parent=home_pages["en"], title="Learning events"
    )
    upcoming = EventFactory(
        page__parent=programme, page__title="Budget reform", capacity=2
    )
    note = PublicationPageFactory(
        parent__parent=home_pages["en"], title="What we learned"
    )
    agenda = DocumentFactory(title="Agenda file")
    past = EventFactory(
        page__parent=programme,
        page__title="Civil service reform",
        page__learning_note=note,
        page__background_documents=background_documents(agenda, kind="agenda"),
        starts_at=now - timedelta(days=10),
        rsvp_closes_at=now - timedelta(days=12),
    )
    EventRsvpFactory(event=upcoming, name="Amina Diallo", email="amina@example.org")
    return {"programme": programme, "upcoming": upcoming, "past": past, "note": note}


def _body(email="ana@example.org", **overrides):
    body = {
        "attending": True,
        "name": "Ana Pérez",
        "email": email,
        "institution": "Ministry of Finance",
        "country": "Peru",
        "language": "es",
        "consent": True,
    }
    return body | overrides


def test_events_show_their_dates_rsvp_state_documents_and_note_but_no_people(
    series, api
):
    response = api.get(EVENTS)

    assert response.status_code == 200
    upcoming, past = response.json()["results"]
    assert upcoming["id"] == series["upcoming"].pk
    assert upcoming["title"] == "Budget reform"
    assert upcoming["programme"]["title"] == "Learning events"
    assert upcoming["rsvp"] == {"is_open": True, "status": "open", "places_left": 1}
    assert upcoming["rsvp_closes_at"].endswith("Z")
    assert upcoming["url"].startswith("http://")
    assert upcoming["learning_note"] is None
    assert past["rsvp"]["status"] == "closed"
    assert past["learning_note"]["title"] == "What we learned"
    (document,) = past["background_documents"]
    assert (document["title"], document["kind"]) == ("Agenda file", "agenda")
    assert document["url"].startswith("http://")
    text = str(response.json())
    assert "amina" not in text.lower()
    assert "zoom" not in text


def test_filters_narrow_the_list_and_bad_filters_say_why(series, home_pages, api):
    other = EventFactory(page__parent__parent__parent=home_pages["en"])

    past = api.get(EVENTS, {"when": "past"}).json()["results"]
    upcoming = api.get(EVENTS, {"when": "upcoming"}).json()["results"]
    mine = api.get(EVENTS, {"programme": series["programme"].pk}).json()["results"]
    bad_when = api.get(EVENTS, {"when": "soon"})
    bad_programme = api.get(EVENTS, {"programme": "x"})

    assert [e["id"] for e in past] == [series["past"].pk]
    assert [e["id"] for e in upcoming] == [series["upcoming"].pk, other.pk]
    assert {e["id"] for e in mine} == {series["upcoming"].pk, series["past"].pk}
    assert bad_when.status_code == bad_programme.status_code == 400
    assert bad_when.json()["fields"]["when"][0]["code"] == "invalid_choice"


def test_titles_and_page_follow_the_request_language(series, locales, api):
    spanish = _translate(series["upcoming"].page, locales["es"], title="Reforma")

    body = api.get(
        f"{EVENTS}{series['upcoming'].pk}/", HTTP_ACCEPT_LANGUAGE="es"
    ).json()

    assert body["title"] == "Reforma"
    assert body["page_id"] == spanish.pk
    assert "/es/" in body["url"]


def test_an_event_whose_page_is_a_draft_is_not_found(series, api):
    page = series["upcoming"].page
    page.unpublish()

    listing = api.get(EVENTS).json()["results"]
    detail = api.get(f"{EVENTS}{series['upcoming'].pk}/")
    answer = api.post(f"{EVENTS}{series['upcoming'].pk}/rsvps/", _body(), format="json")

    assert [e["id"] for e in listing] == [series["past"].pk]
    assert (detail.status_code, answer.status_code) == (404, 404)
    assert not EventRsvp.objects.filter(email="ana@example.org").exists()


def test_anyone_answers_and_a_repeat_answers_the_same_and_changes_nothing(
    series, api, mailoutbox, django_capture_on_commit_callbacks
):
    url = f"{EVENTS}{series['upcoming'].pk}/rsvps/"

    with django_capture_on_commit_callbacks(execute=True):
        first = api.post(url, _body(email=" Ana@Example.org "), format="json")
    with django_capture_on_commit_callbacks(execute=True):
        again = api.post(url, _body(attending=False), format="json")

    assert first.status_code == 201
    assert first.json() == {
        "event": series["upcoming"].pk,
        "attending": True,
        "name": "Ana Pérez",
        "email": "ana@example.org",
        "language": "es",
    }
    assert again.status_code == 201
    assert again.json() == first.json() | {"attending": False}
    rsvp = EventRsvp.objects.get(email="ana@example.org")
    assert rsvp.attending is True
    assert [m.to for m in mailoutbox] == [["ana@example.org"], ["ana@example.org"]]
    assert mailoutbox[0].attachments  # the calendar entry for attending


def test_the_language_of_the_emails_defaults_to_the_request_language(series, api):
    url = f"{EVENTS}{series['upcoming'].pk}/rsvps/"

    body = _body()
    del body["language"]
    response = api.post(url, body, format="json", HTTP_ACCEPT_LANGUAGE="es")

    assert response.json()["language"] == "es"
    assert EventRsvp.objects.get(email="ana@example.org").language == "es"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ("closed", "rsvp_closed"),
        ("full", "event_full"),
        ("no_consent", "consent_required"),
        ("blank_name", "name_required"),
    ],
)
def test_refused_answers_keep_their_code_and_save_nothing(series, api, change, code):
    event = series["upcoming"]
    body = _body()
    if change == "closed":
        event.rsvp_closes_at = timezone.now() - timedelta(minutes=1)
        event.save()
    elif change == "full":
        EventRsvpFactory(event=event)
    elif change == "no_consent":
        body["consent"] = False
    else:
        body["name"] = "   "

    response = api.post(f"{EVENTS}{event.pk}/rsvps/", body, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == code
    assert not EventRsvp.objects.filter(email="ana@example.org").exists()


def test_a_refusal_is_in_the_request_language(series, api):
    """Needs the Spanish catalogue (merged by the lead)."""
    event = series["upcoming"]
    event.rsvp_closes_at = timezone.now() - timedelta(minutes=1)
    event.save()

    response = api.post(
        f"{EVENTS}{event.pk}/rsvps/", _body(), format="json", HTTP_ACCEPT_LANGUAGE="es"
    )

    assert response.json()["code"] == "rsvp_closed"
    assert response.json()["message"] != (
        "Answers for this event closed at its RSVP deadline."
    )


def test_an_app_key_replays_an_idempotent_answer(series, world):
    api = caller(world, LEARNING_CLIENT)
    url = f"{EVENTS}{series['upcoming'].pk}/rsvps/"

    first = api.post(url, _body(), format="json", HTTP_IDEMPOTENCY_KEY="r-1")
    again = api.post(url, _body(), format="json", HTTP_IDEMPOTENCY_KEY="r-1")
    other = api.post(
        url, _body(email="x@example.org"), format="json", HTTP_IDEMPOTENCY_KEY="r-1"
    )

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_key_reused"
    assert EventRsvp.objects.filter(event=series["upcoming"]).count() == 2


def test_anonymous_callers_share_no_idempotency_key(series, api):
    url = f"{EVENTS}{series['upcoming'].pk}/rsvps/"

    one = api.post(url, _body(), format="json", HTTP_IDEMPOTENCY_KEY="same")
    two = APIClient().post(
        url,
        _body(email="bo@example.org", attending=False),
        format="json",
        HTTP_IDEMPOTENCY_KEY="same",
    )

    assert (one.status_code, two.status_code) == (201, 201)
    assert not IdempotencyRecord.objects.exists()


def test_anonymous_answers_are_throttled_per_address(series, api, monkeypatch):
    monkeypatch.setattr(RsvpThrottle, "rate", "2/hour", raising=False)
    url = f"{EVENTS}{series['upcoming'].pk}/rsvps/"

    codes = [
        api.post(url, _body(email=f"p{n}@example.org", attending=False), format="json")
        for n in range(3)
    ]
    reads = api.get(EVENTS)

    assert [response.status_code for response in codes] == [201, 201, 429]
    assert codes[2].json()["code"] == "throttled"
    assert reads.status_code == 200
    assert EventRsvp.objects.filter(email__startswith="p").count() == 2


def test_the_email_link_shows_and_changes_the_answer_without_a_second_rsvp(series, api):
    rsvp = EventRsvpFactory(event=series["upcoming"], attending=True)
    url = f"/api/v1/event-rsvps/{rsvp_token_make(rsvp=rsvp)}/"

    shown = api.get(url)
    changed = api.post(url, {"attending": False}, format="json")

    assert shown.status_code == 200
    assert shown.json()["event"]["title"] == "Budget reform"
    assert shown.json()["attending"] is True
    assert shown.json()["is_open"] is True
    assert changed.status_code == 200
    assert changed.json()["attending"] is False
    assert EventRsvp.objects.filter(email=rsvp.email).count() == 1
    rsvp.refresh_from_db()
    assert rsvp.attending is False
    detail = api.get(f"{EVENTS}{series['upcoming'].pk}/").json()
    assert detail["rsvp"]["places_left"] == 1  # Amina still attends


def test_a_bad_link_is_not_found_and_a_late_change_is_refused(series, api):
    rsvp = EventRsvpFactory(event=series["past"], attending=True)
    token = rsvp_token_make(rsvp=rsvp)

    forged = api.get(f"/api/v1/event-rsvps/{token[:-4]}abcd/")
    late = api.post(
        f"/api/v1/event-rsvps/{token}/", {"attending": False}, format="json"
    )

    assert forged.status_code == 404
    assert late.status_code == 400
    assert late.json()["code"] == "rsvp_closed"
    rsvp.refresh_from_db()
    assert rsvp.attending is True


def test_changing_to_attending_needs_a_place(series, api):
    event = series["upcoming"]
    declined = EventRsvpFactory(event=event, attending=False)
    EventRsvpFactory(event=event, attending=True)  # the last place

    response = api.post(
        f"/api/v1/event-rsvps/{rsvp_token_make(rsvp=declined)}/",
        {"attending": True},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["code"] == "event_full"


def test_coordinators_see_the_answers_with_counts(series, world):
    event = series["upcoming"]
    EventRsvpFactory(event=event, attending=False, name="Bruno")
    url = f"{EVENTS}{event.pk}/rsvps/"

    response = caller(world, COORDINATOR).get(url)
    participant = caller(world, PARTICIPANT_A).get(url)
    app = caller(world, LEARNING_CLIENT).get(url)

    assert response.status_code == 200
    body = response.json()
    assert body["counts"] == {"attending": 1, "not_attending": 1, "places_left": 1}
    assert body["count"] == 2
    assert [row["name"] for row in body["results"]] == ["Amina Diallo", "Bruno"]
    assert participant.status_code == 403
    assert participant.json()["code"] == "coordinator_required"
    assert app.status_code == 403
    assert app.json()["code"] == "person_required"


def _queries(api, url):
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_list_costs_the_same_queries_for_more_events(series, api):
    few = _queries(api, EVENTS)
    for n in range(4):
        note = PublicationPageFactory(parent=series["note"].get_parent())
        EventFactory(
            page__parent=series["programme"],
            page__learning_note=note,
            page__background_documents=background_documents(DocumentFactory()),
            starts_at=timezone.now() - timedelta(days=20 + n),
            rsvp_closes_at=timezone.now() - timedelta(days=30),
        )

    assert _queries(api, EVENTS) == few


def test_event_pages_serve_their_editorial_content(series, api):
    page = series["past"].page

    body = api.get(f"/api/v1/event-pages/{page.pk}/").json()
    listing = api.get("/api/v1/event-pages/", {"programme": series["programme"].pk})

    assert body["type"] == "events.LearningEventPage"
    assert body["learning_note"]["title"] == "What we learned"
    (document,) = body["background_documents"]
    assert document["value"]["document"]["title"] == "Agenda file"
    assert body["key_questions"][0]["value"] == "What made the reform last?"
    assert {item["id"] for item in listing.json()["results"]} == {
        series["upcoming"].page.pk,
        page.pk,
    }


def test_wagtail_v2_lists_event_pages_with_their_api_fields(series, api):
    response = api.get(
        "/api/v2/pages/", {"type": "events.LearningEventPage", "fields": "*"}
    )

    assert response.status_code == 200
    items = {item["id"]: item for item in response.json()["items"]}
    past = items[series["past"].page.pk]
    assert past["learning_note"]["id"] == series["note"].pk
    assert past["background_documents"][0]["value"]["kind"] == "agenda"
    assert past["introduction"]


# Interpretation, recordings and sessions from proposals --------------------------


def test_recordings_show_once_held_in_the_request_language_first(series, api):
    past, upcoming = series["past"], series["upcoming"]
    past.interpretation_languages = ["es", "fr"]
    past.save()
    upcoming.interpretation_languages = ["fr"]
    upcoming.save()
    for language in ("en", "es", "fr"):
        EventRecordingFactory(
            event=past, language=language, url=f"https://video.example.org/{language}"
        )
    # A recording on an event that was later moved ahead shows only once held.
    EventRecordingFactory(event=upcoming, language="en")

    english = api.get(f"{EVENTS}{past.pk}/").json()
    spanish = api.get(f"{EVENTS}{past.pk}/", HTTP_ACCEPT_LANGUAGE="es").json()
    listed = api.get(EVENTS, {"when": "upcoming"}).json()["results"]

    assert english["interpretation_languages"] == ["es", "fr"]
    assert [r["language"] for r in english["recordings"]] == ["en", "es", "fr"]
    assert english["recordings"][1]["url"] == "https://video.example.org/es"
    assert [r["language"] for r in spanish["recordings"]] == ["es", "en", "fr"]
    assert listed[0]["interpretation_languages"] == ["fr"]
    assert listed[0]["recordings"] == []


def test_sessions_from_proposals_are_listed_with_a_spanish_source(home_pages, api):
    made = spanish_source_session(home_pages, interpretation_languages=["en"])

    listed = api.get(EVENTS).json()["results"]
    english = api.get(f"{EVENTS}{made.event.pk}/").json()
    spanish = api.get(f"{EVENTS}{made.event.pk}/", HTTP_ACCEPT_LANGUAGE="es").json()

    assert [e["id"] for e in listed] == [made.event.pk]
    assert (english["title"], english["page_id"]) == (
        "Masculinities and care",
        made.page_en.pk,
    )
    assert (spanish["title"], spanish["page_id"]) == (
        "Masculinidades y cuidado",
        made.page_es.pk,
    )
    assert english["programme"]["id"] == spanish["programme"]["id"]
    assert english["interpretation_languages"] == ["en"]


def test_the_openapi_schema_documents_interpretation_and_recordings(api):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()

    event = schema["components"]["schemas"]["Event"]["properties"]
    recording = schema["components"]["schemas"]["EventRecording"]["properties"]
    assert event["interpretation_languages"]["type"] == "array"
    assert event["recordings"]["type"] == "array"
    assert set(recording) == {"language", "url"}
