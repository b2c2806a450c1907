"""load_demo builds the Learning Events series (seed 002) in English and Spanish."""

from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale

from cms.demo.content import eip
from cms.demo.events import ensure_events
from cms.demo.specs import demo_translation_key
from cms.publications.models import PublicationPage
from learning.catalogue.enums import ProgrammeFormat
from learning.catalogue.models import ProgrammePage
from learning.events.models import Event, EventRsvp, LearningEventPage
from learning.events.selectors import event_rsvp_state

FRIDAY = 4


@dataclass
class Series:
    programme: ProgrammePage
    past: Event
    upcoming: Event


@pytest.fixture
def series(demo_site) -> Series:
    """The series as load_demo builds it (tests/conftest.py: loaded once per test
    process, put back for each test, so a test's changes are undone)."""
    programme = ProgrammePage.objects.get(
        translation_key=demo_translation_key(eip.EIP.key),
        locale__language_code="en",
    )
    events = {
        event.page.translation_key: event
        for event in Event.objects.filter(page__in=programme.get_children())
    }
    return Series(
        programme=programme,
        past=events[demo_translation_key(eip.TRUST_EVENT.key)],
        upcoming=events[demo_translation_key(eip.MEL_EVENT.key)],
    )


def spanish(page):
    return page.get_translation(Locale.objects.get(language_code="es")).specific


def test_the_series_is_a_programme_of_format_event_series_with_two_events(series):
    assert series.programme.programme_format == ProgrammeFormat.EVENT_SERIES
    assert series.programme.time_zone == "Europe/Paris"
    assert Event.objects.filter(page__in=series.programme.get_children()).count() == 2
    now = timezone.now()
    assert series.past.starts_at < now < series.upcoming.starts_at


def test_the_upcoming_event_takes_answers_until_friday_close_of_business(series):
    event = series.upcoming
    state = event_rsvp_state(event=event)
    assert state.is_open
    closes = event.rsvp_closes_at.astimezone(ZoneInfo(event.time_zone))
    assert (closes.weekday(), closes.hour, closes.minute) == (FRIDAY, 17, 0)
    assert 0 < (event.starts_at - event.rsvp_closes_at).days < 7
    assert state.places_left == event.capacity - 4


def test_both_events_have_answers_attending_and_not(series):
    counts = {
        event.pk: (event.attending_count, event.not_attending_count)
        for event in Event.objects.with_rsvp_counts()
    }
    assert counts[series.past.pk] == (6, 2)
    assert counts[series.upcoming.pk] == (4, 2)
    languages = set(
        EventRsvp.objects.filter(event=series.upcoming).values_list(
            "language", flat=True
        )
    )
    assert languages == {"en", "es"}
    # Every answer came before its event's deadline, with consent.
    for rsvp in EventRsvp.objects.select_related("event"):
        assert rsvp.consent_at < rsvp.event.rsvp_closes_at


def test_the_past_event_links_its_live_learning_note_in_each_language(series):
    page = series.past.page.specific
    note = page.learning_note.specific
    assert isinstance(note, PublicationPage)
    assert note.live
    assert note.title == eip.TRUST_NOTE.title.en
    spanish_note = spanish(page).learning_note.specific
    assert spanish_note.locale.language_code == "es"
    assert spanish_note.live
    assert spanish_note.title == eip.TRUST_NOTE.title.es
    # Those who attended were told when the note came out; nothing left to announce.
    assert series.past.learning_note_announced_at is not None


def test_the_upcoming_event_has_no_learning_note_yet(series):
    assert series.upcoming.page.specific.learning_note is None
    assert series.upcoming.learning_note_announced_at is None


def test_the_past_event_quotes_the_seed(series):
    page = series.past.page.specific
    assert page.title.startswith("Trust-based learning between peers")
    assert "power imbalances" in page.introduction
    assert [block.value for block in page.objectives] == [
        text.en for text in eip.OBJECTIVES
    ]
    questions = [block.value for block in page.key_questions]
    assert len(questions) == 4
    assert questions[-1].startswith("How can MEL approaches be designed")


def test_background_documents_are_a_draft_note_an_agenda_and_a_report(series):
    page = series.past.page.specific
    blocks = [block.value for block in page.background_documents]
    assert [block["kind"] for block in blocks] == ["learning_note", "agenda", "report"]
    spanish_blocks = [block.value for block in spanish(page).background_documents]
    # The Spanish page offers the Spanish version of each document.
    for english, translated in zip(blocks, spanish_blocks, strict=True):
        assert translated["document"].pk != english["document"].pk
        assert translated["document"].file.read(5) == b"%PDF-"
    assert spanish_blocks[1]["document"].title.startswith("Agenda preliminar")


def test_the_event_pages_are_live_in_spanish_with_spanish_text(series):
    for event, content in (
        (series.past, eip.TRUST_EVENT),
        (series.upcoming, eip.MEL_EVENT),
    ):
        page = spanish(event.page)
        assert page.live
        assert (page.title, page.slug) == (content.title.es, content.slug.es)
        assert page.introduction == content.theme.es
        assert [block.value for block in page.key_questions] == [
            text.es for text in content.key_questions
        ]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_event_pages_are_served_in_each_language(client, series, language):
    for event in (series.past, series.upcoming):
        page = event.page if language == "en" else spanish(event.page)
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.content.decode()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_series_page_lists_the_upcoming_event_and_the_past_one_with_its_note(
    client, series, language
):
    def localized(page):
        return page if language == "en" else spanish(page)

    response = client.get(localized(series.programme).url)
    html = BeautifulSoup(response.content, "html.parser")
    upcoming = html.select_one("[data-events='upcoming']")
    past = html.select_one("[data-events='past']")
    assert [a["href"] for a in upcoming.select("a")] == [
        localized(series.upcoming.page).url
    ]
    note = localized(series.past.page.specific.learning_note)
    assert [a["href"] for a in past.select("a")] == [
        localized(series.past.page).url,
        note.url,
    ]


def test_the_series_is_in_the_programmes_menu(series, client):
    response = client.get("/es/")
    assert spanish(series.programme).url in response.content.decode()


def test_a_second_run_changes_nothing(series):
    before = (Event.objects.count(), EventRsvp.objects.count())
    assert ensure_events(programme=series.programme) == (0, 2)
    assert (Event.objects.count(), EventRsvp.objects.count()) == before
    # The series' two events in English and Spanish (the CoLab's sessions are
    # event pages too: tests/cms/demo/test_demo_colab.py counts those).
    keys = [demo_translation_key(event.key) for event in eip.EVENTS]
    assert LearningEventPage.objects.filter(translation_key__in=keys).count() == 4
