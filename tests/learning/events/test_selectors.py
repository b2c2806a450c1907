"""Reads of learning events: an event page's date, a series, the RSVP state."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from learning.events.selectors import (
    event_for_page,
    event_learning_note,
    event_rsvp_state,
    events_of_programme,
)
from tests.factories.events import EventFactory, EventPageFactory, EventRsvpFactory
from tests.learning.events.event_site import event_site  # noqa: F401 (a fixture)
from tests.learning.public_site import translate


@pytest.fixture
def site(event_site, db):  # noqa: F811
    return event_site


def test_event_for_page_finds_the_event_from_any_translation(site):
    event = EventFactory(page=site.page)

    assert event_for_page(page=site.page) == event
    assert event_for_page(page=site.page_es) == event
    assert event_for_page(page=site.noted_page) is None


class TestRsvpState:
    def test_open_with_places_left(self, db):
        event = EventFactory(capacity=3)
        EventRsvpFactory(event=event)
        EventRsvpFactory(event=event, attending=False)

        state = event_rsvp_state(event=event)

        assert (state.is_open, state.places_left, state.attending_count) == (True, 2, 1)
        assert state.status == "open"
        assert state.closes_at == event.rsvp_closes_at

    def test_no_limit_has_no_places_count(self, db):
        event = EventFactory(capacity=None)
        EventRsvpFactory(event=event)

        state = event_rsvp_state(event=event)

        assert state.places_left is None
        assert not state.is_full

    def test_full_when_every_place_is_taken(self, db):
        event = EventFactory(capacity=1)
        EventRsvpFactory(event=event)

        state = event_rsvp_state(event=event)

        assert (state.is_open, state.is_full, state.status) == (True, True, "full")

    def test_closed_from_the_deadline_on(self, db):
        event = EventFactory()

        before = event_rsvp_state(
            event=event, now=event.rsvp_closes_at - timedelta(seconds=1)
        )
        at = event_rsvp_state(event=event, now=event.rsvp_closes_at)

        assert before.is_open
        assert (at.is_open, at.status) == (False, "closed")


class TestEventsOfProgramme:
    def test_splits_upcoming_and_past_in_order(self, site):
        now = timezone.now()
        soon = EventFactory(page=site.page, starts_at=now + timedelta(days=3))
        past = EventFactory(
            page=site.noted_page,
            starts_at=now - timedelta(days=30),
            rsvp_closes_at=now - timedelta(days=35),
        )

        series = events_of_programme(programme=site.programme, now=now)

        assert [item.event for item in series.upcoming] == [soon]
        assert [item.event for item in series.past] == [past]
        assert series.past[0].learning_note.pk == site.note.pk

    def test_the_cost_does_not_grow_with_the_series(
        self, site, django_assert_num_queries
    ):
        EventFactory(page=site.page)
        with CaptureQueriesContext(connection) as one:
            events_of_programme(programme=site.programme)
        for _ in range(3):
            EventFactory(page=EventPageFactory(parent=site.programme))

        with django_assert_num_queries(len(one)):
            series = events_of_programme(programme=site.programme)

        assert len(series.upcoming) == 4

    def test_an_event_under_way_is_still_upcoming(self, site):
        now = timezone.now()
        EventFactory(
            page=site.page,
            starts_at=now - timedelta(minutes=30),
            duration_minutes=90,
            rsvp_closes_at=now - timedelta(days=1),
        )

        series = events_of_programme(programme=site.programme, now=now)

        assert [item.title for item in series.upcoming] == [site.page.title]
        assert series.past == []

    def test_titles_and_notes_in_the_readers_language(self, site):
        now = timezone.now()
        EventFactory(page=site.page, starts_at=now + timedelta(days=3))
        EventFactory(
            page=site.noted_page,
            starts_at=now - timedelta(days=30),
            rsvp_closes_at=now - timedelta(days=35),
        )

        with translation.override("es"):
            series = events_of_programme(programme=site.programme_es, now=now)

        assert series.upcoming[0].title == "Reformas presupuestarias que perduran"
        assert series.upcoming[0].url == site.page_es.url
        assert series.upcoming[0].learning_note is None
        assert series.past[0].title == "Datos abiertos en auditorías"
        assert series.past[0].learning_note.pk == site.note_es.pk

    def test_a_draft_event_page_is_left_out(self, site):
        draft = EventPageFactory(parent=site.programme, live=False)
        EventFactory(page=draft)

        series = events_of_programme(programme=site.programme)

        assert series.upcoming == []

    def test_an_event_page_behind_a_password_is_left_out(self, site):
        page = EventPageFactory(parent=site.programme, title="Members only")
        EventFactory(page=page)
        PageViewRestriction.objects.create(
            page=page, restriction_type="password", password="secret"
        )

        series = events_of_programme(programme=site.programme)

        assert "Members only" not in [item.title for item in series.upcoming]

    def test_an_untranslated_event_shows_its_source_page(self, site):
        page = EventPageFactory(parent=site.programme, title="Only in English")
        EventFactory(page=page)

        with translation.override("es"):
            series = events_of_programme(programme=site.programme_es)

        assert [item.title for item in series.upcoming] == ["Only in English"]

    def test_events_of_another_programme_are_left_out(self, site):
        EventFactory()

        series = events_of_programme(programme=site.programme)

        assert series.upcoming == [] and series.past == []


class TestLearningNote:
    def test_the_note_in_the_readers_language(self, site):
        with translation.override("es"):
            assert event_learning_note(page=site.noted_page_es).pk == site.note_es.pk
        assert event_learning_note(page=site.noted_page).pk == site.note.pk

    def test_no_note_until_it_is_live(self, site):
        site.note.unpublish()

        assert event_learning_note(page=site.noted_page) is None
        assert event_learning_note(page=site.page) is None

    def test_a_translation_without_its_own_link_shows_the_sources_note(self, site):
        page = EventPageFactory(parent=site.programme, learning_note=site.note)
        page_es = translate(page, "es", title="Sin enlace", learning_note=None)

        with translation.override("es"):
            assert event_learning_note(page=page_es).pk == site.note_es.pk
