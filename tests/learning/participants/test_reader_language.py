"""My programme on /es/: the edition, zones and languages in the reader's language."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories.learning import MeetingFactory

from .conftest import seat


def programme_url(language: str) -> str:
    with translation.override(language):
        return reverse("participants:home")


@pytest.fixture
def untitled_seat(site):
    """A participant in Lima in an edition named by nothing but its start date."""
    soon = timezone.now() + timedelta(days=3)
    place = seat(site, email="lima@example.org", start=soon, title="")
    place.edition.starts_on = soon.date()
    place.edition.ends_on = (soon + timedelta(weeks=3)).date()
    place.edition.save()
    user = place.participant.user
    user.time_zone = "America/Lima"
    user.save()
    for meeting in place.meetings:
        meeting.interpretation_languages = ["en", "es"]
        meeting.save()
    return place


def test_spanish_page_names_edition_zone_and_languages_in_spanish(
    client, untitled_seat
):
    client.force_login(untitled_seat.participant.user)
    with translation.override("es"):
        month = untitled_seat.edition.label

    html = client.get(programme_url("es")).text

    assert " de 20" in month  # e.g. "febrero de 2031", made from the start date
    assert month in html
    assert "hora de Perú" in html
    assert "America/Lima" not in html
    assert "inglés y español" in html
    assert "en, es" not in html


def test_english_page_names_them_in_english(client, untitled_seat):
    client.force_login(untitled_seat.participant.user)
    start = untitled_seat.edition.starts_on

    html = client.get(programme_url("en")).text

    assert f"{start:%B} {start.year}" in html
    assert "Peru Time" in html
    assert "English and Spanish" in html


def test_a_meeting_without_topic_on_the_first_day_is_the_introduction(
    client, untitled_seat
):
    edition = untitled_seat.edition
    first = untitled_seat.meetings[0]
    MeetingFactory(
        edition=edition,
        session_topic=None,
        title="",
        starts_at=first.starts_at - timedelta(hours=3),
    )
    client.force_login(untitled_seat.participant.user)

    english = client.get(programme_url("en")).text
    spanish = client.get(programme_url("es")).text

    assert "Introduction session" in english
    # Needs the Spanish catalogue with the lead's merge of es_pending/spanish.json.
    assert "Sesión de introducción" in spanish
    assert "Introduction session" not in spanish
