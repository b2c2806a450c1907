"""A programme page lists its editions, their places and schedule, in both languages."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone, translation

from learning.editions.enums import EditionStatus
from learning.enrolments.enums import EnrolmentStatus
from tests.factories.learning import EditionFactory, EnrolmentFactory, MeetingFactory


@pytest.fixture
def editions(page_of):
    programme = page_of("programme")
    programme.time_zone = "Europe/Madrid"
    programme.save()
    now = timezone.now()
    open_edition = EditionFactory(programme=programme, title="Open edition", places=5)
    EnrolmentFactory.create_batch(2, edition=open_edition)
    full = EditionFactory(programme=programme, title="Full edition", places=1)
    EnrolmentFactory(edition=full)
    finished = EditionFactory(
        programme=programme,
        title="Past edition",
        enrolment_opens_at=now - timedelta(days=400),
        enrolment_closes_at=now - timedelta(days=380),
        starts_on=(now - timedelta(days=370)).date(),
        ends_on=(now - timedelta(days=200)).date(),
    )
    topic = page_of("session_topic")
    MeetingFactory(
        edition=open_edition,
        session_topic=topic,
        starts_at=datetime(2027, 1, 12, 15, 0, tzinfo=UTC),
    )
    return {"open": open_edition, "full": full, "finished": finished}


def card(html, edition):
    start = html.index(f'id="edition-{edition.pk}"')
    return html[start : html.index("</li>", start)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_editions_show_status_places_and_the_enrol_button(
    client, page_of, editions, language
):
    html = client.get(page_of("programme", language).url).content.decode()

    with translation.override(language):
        labels = {status: str(status.label) for status in EditionStatus}
    open_card = card(html, editions["open"])
    assert labels[EditionStatus.OPEN] in open_card
    assert 'data-places-left="3"' in open_card
    assert f'href="/{language}/editions/{editions["open"].pk}/enrol/"' in open_card
    full_card = card(html, editions["full"])
    assert labels[EditionStatus.FULLY_BOOKED] in full_card
    assert f'href="/{language}/editions/{editions["full"].pk}/enrol/"' in full_card
    finished_card = card(html, editions["finished"])
    assert labels[EditionStatus.FINISHED] in finished_card
    assert "/enrol/" not in finished_card


def test_the_schedule_gives_utc_and_the_editions_zone(client, page_of, editions):
    """The edition's own zone, not the programme's (which only seeds new ones)."""
    edition = editions["open"]
    edition.time_zone = "America/Bogota"
    edition.save()

    html = client.get(page_of("programme", "es").url).content.decode()

    schedule = card(html, edition)
    assert "Escuchar antes de aconsejar" in schedule  # the topic's Spanish title
    assert 'datetime="2027-01-12T15:00:00+00:00"' in schedule
    assert "10:00 (hora de Colombia)" in schedule  # named in Spanish
    assert "Madrid" not in schedule  # the programme's zone
    assert "15:00 UTC" in schedule
    assert "js/local-time.js" in html


def test_each_edition_shows_its_enrolment_dates_in_its_own_zone(
    client, page_of, editions
):
    # 02:00 UTC on 1 March is still 28 February in Bogotá.
    edition = editions["open"]
    edition.time_zone = "America/Bogota"
    edition.enrolment_closes_at = datetime(2099, 3, 1, 2, 0, tzinfo=UTC)
    edition.save()

    html = client.get(page_of("programme").url).content.decode()

    assert "Feb. 28, 2099." in card(html, edition)


def test_the_waitlist_button_replaces_enrol_when_full(client, page_of, editions):
    html = client.get(page_of("programme").url).content.decode()

    assert "Join the waitlist" in card(html, editions["full"])
    assert "Enrol your organisation" in card(html, editions["open"])


def test_withdrawn_enrolments_free_their_place(client, page_of, editions):
    EnrolmentFactory(edition=editions["open"], status=EnrolmentStatus.WITHDRAWN)

    html = client.get(page_of("programme").url).content.decode()

    assert 'data-places-left="3"' in card(html, editions["open"])
