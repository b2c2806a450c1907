"""The learning event page and a series' events on its programme page."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from tests.factories import DocumentFactory
from tests.factories.events import (
    EventFactory,
    EventPageFactory,
    EventRsvpFactory,
    background_documents,
)
from tests.factories.learning import EditionFactory
from tests.learning.events.event_site import event_site  # noqa: F401 (a fixture)

# Friday 3 December 2027, 17:00 in Bogotá (the organiser's zone) is 22:00 UTC.
DEADLINE = datetime(2027, 12, 3, 22, 0, tzinfo=UTC)


@pytest.fixture
def site(event_site, db):  # noqa: F811
    return event_site


def scheduled(page, **fields):
    fields = {
        "starts_at": DEADLINE + timedelta(days=7),
        "rsvp_closes_at": DEADLINE,
        "time_zone": "America/Bogota",
        **fields,
    }
    return EventFactory(page=page, **fields)


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


class TestEventPage:
    def test_shows_theme_objectives_questions_and_a_link_to_answer(self, client, site):
        event = scheduled(site.page)

        html = html_of(client, site.page)

        assert "How finance ministries keep reforms alive." in html
        assert "Compare three reform paths." in html
        assert "Who carried the reform after the election?" in html
        assert f'href="/en/events/{event.pk}/rsvp/"' in html
        assert 'data-rsvp-state="open"' in html

    def test_the_deadline_in_the_organisers_zone_and_in_utc(self, client, site):
        scheduled(site.page)

        html = html_of(client, site.page)

        assert "Please answer by" in html
        assert "Dec. 3, 2027, 5 p.m.</time> in the organiser" in html  # Bogotá
        assert "Colombia Time" in html
        assert "That is, in UTC:" in html
        assert "Dec. 3, 2027, 10 p.m. UTC" in html
        # local-time.js rewrites this one into the reader's zone.
        assert 'datetime="2027-12-03T22:00:00+00:00" data-local-time' in html
        assert "That is, in your time zone ({zone}):" in html

    def test_in_spanish(self, client, site):
        event = scheduled(site.page)

        html = html_of(client, site.page_es)

        assert "Reformas presupuestarias que perduran" in html
        assert "Cómo los ministerios de finanzas sostienen sus reformas." in html
        assert "3 de diciembre de 2027 a las 17:00" in html
        assert "hora de Colombia" in html
        assert f'href="/es/events/{event.pk}/rsvp/"' in html

    def test_in_spanish_the_sentences_too(self, client, site):
        scheduled(site.page)

        html = html_of(client, site.page_es)

        # Depends on the merge of the Spanish translations.
        assert "Responda a más tardar el" in html
        assert "Su participación" in html

    def test_full_says_so(self, client, site):
        event = scheduled(site.page, capacity=1)
        EventRsvpFactory(event=event)

        html = html_of(client, site.page)

        assert 'data-rsvp-state="full"' in html
        assert "This event is full." in html

    def test_closed_says_so_and_offers_no_answer(self, client, site):
        now = timezone.now()
        event = scheduled(
            site.page,
            starts_at=now + timedelta(days=1),
            rsvp_closes_at=now - timedelta(hours=1),
        )

        html = html_of(client, site.page)

        assert "Answers closed on" in html
        assert 'data-rsvp-state="closed"' in html
        assert f"/events/{event.pk}/rsvp/" not in html

    def test_an_unscheduled_event_page_shows_no_answer_section(self, client, site):
        html = html_of(client, site.noted_page)

        assert "Open data in audits" in html
        assert 'id="rsvp"' not in html

    def test_lists_the_background_documents(self, client, site):
        document = DocumentFactory(title="Stocktaking report 2027")
        page = EventPageFactory(
            parent=site.programme,
            background_documents=background_documents(document, kind="agenda"),
        )

        html = html_of(client, page)

        assert "Draft agenda" in html
        assert "Stocktaking report 2027" in html
        assert f'href="{document.url}"' in html

    def test_links_the_learning_note_in_the_readers_language(self, client, site):
        html_en = html_of(client, site.noted_page)
        html_es = html_of(client, site.noted_page_es)

        assert f'href="{site.note.url}" data-learning-note' in html_en
        assert f'href="{site.note_es.url}" data-learning-note' in html_es

    def test_no_note_link_while_the_note_is_a_draft(self, client, site):
        site.note.unpublish()

        assert "data-learning-note" not in html_of(client, site.noted_page)


class TestSeriesOnTheProgrammePage:
    def test_lists_upcoming_and_past_events_with_the_note(self, client, site):
        now = timezone.now()
        upcoming = scheduled(
            site.page,
            starts_at=now + timedelta(days=10),
            rsvp_closes_at=now + timedelta(days=5),
        )
        past = scheduled(
            site.noted_page,
            starts_at=now - timedelta(days=30),
            rsvp_closes_at=now - timedelta(days=35),
        )

        html = html_of(client, site.programme)

        upcoming_part, past_part = html.split('data-events="past"')
        assert f'data-event="{upcoming.pk}"' in upcoming_part
        assert f'href="{site.page.url}"' in upcoming_part
        assert f'data-event="{past.pk}"' in past_part
        assert f'href="{site.note.url}" data-learning-note' in past_part

    def test_in_spanish(self, client, site):
        scheduled(site.page)

        html = html_of(client, site.programme_es)

        assert "Reformas presupuestarias que perduran" in html
        assert f'href="{site.page_es.url}"' in html

    def test_a_series_without_events_shows_no_section(self, client, site):
        assert "data-event-series" not in html_of(client, site.programme)

    def test_a_series_offers_no_edition_enrolment_nor_certificate(self, client, site):
        # An edition of the same programme page must not turn up as "Editions".
        EditionFactory(programme=site.programme)
        scheduled(site.page)

        html = html_of(client, site.programme)

        assert "data-event-series" in html
        assert 'id="editions"' not in html and "data-edition=" not in html
        assert "attendance" not in html
