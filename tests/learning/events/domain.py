"""A bilingual event on the test site, for the domain and admin tests of events."""

from dataclasses import dataclass

from learning.events.models import Event, LearningEventPage
from learning.events.services import event_schedule
from tests.factories import DocumentFactory
from tests.factories.events import (
    EventFactory,
    EventPageFactory,
    EventSeriesProgrammePageFactory,
)
from tests.learning.public_site import translate


@dataclass
class BilingualEvent:
    event: Event
    page_es: LearningEventPage


def bilingual_event(home_pages, **event_fields) -> BilingualEvent:
    """An event under the site's home, with a background document, and in Spanish."""
    programme = EventSeriesProgrammePageFactory(
        parent=home_pages["en"], title="Learning Events", slug="learning-events"
    )
    document = DocumentFactory(title="Stocktaking report")
    page = EventPageFactory(
        parent=programme,
        title="Budget transparency",
        slug="budget-transparency",
        background_documents=[
            ("document", {"kind": "report", "document": document, "title": ""}),
        ],
    )
    translate(programme, "es", title="Eventos de aprendizaje")
    page_es = translate(
        page,
        "es",
        title="Transparencia presupuestaria",
        background_documents=[
            (
                "document",
                {"kind": "report", "document": document, "title": "Informe de balance"},
            ),
        ],
    )
    event = EventFactory(page=page, **event_fields)
    return BilingualEvent(event=event, page_es=page_es)


@dataclass
class SpanishSourceSession:
    """A member-led session written first in Spanish, then translated to English."""

    event: Event
    page_es: LearningEventPage
    page_en: LearningEventPage


def spanish_source_session(home_pages, **event_fields) -> SpanishSourceSession:
    """A session page created under the Spanish programme (as an accepted Spanish
    proposal makes it), scheduled on that page, with an English translation."""
    from tests.factories.proposals import ProposalSessionsProgrammePageFactory

    programme = ProposalSessionsProgrammePageFactory(
        parent=home_pages["en"], title="CoLab sessions", slug="colab"
    )
    programme_es = translate(programme, "es", title="Sesiones CoLab", slug="colab")
    page_es = EventPageFactory(
        parent=programme_es, title="Masculinidades y cuidado", slug="cuidado"
    )
    # Translated first: the gate holds RSVPs until every language is up to date.
    page_en = translate(page_es, "en", title="Masculinities and care", slug="care")
    event = EventFactory.build(page=page_es, **event_fields)
    event = event_schedule(
        page=page_es,
        starts_at=event.starts_at,
        rsvp_closes_at=event.rsvp_closes_at,
        time_zone=event.time_zone,
        duration_minutes=event.duration_minutes,
        join_url=event.join_url,
        interpretation_languages=event_fields.get("interpretation_languages", []),
    )
    return SpanishSourceSession(event=event, page_es=page_es, page_en=page_en)
