"""A bilingual event on the test site, for the domain and admin tests of events."""

from dataclasses import dataclass

from learning.events.models import Event, LearningEventPage
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
