"""A bilingual series of learning events on the test site, for the site's tests."""

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import transaction

from cms.publications.models import PublicationPage
from learning.catalogue.models import ProgrammePage
from learning.events.models import LearningEventPage
from tests.cms.conftest import bilingual_roots
from tests.factories import (
    ProgrammeIndexPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    StandardPageFactory,
)
from tests.factories.events import EventPageFactory, EventSeriesProgrammePageFactory
from tests.learning.public_site import translate


@dataclass
class EventSite:
    """A series with two event pages (the second linking a learning note), en and es."""

    programme: ProgrammePage
    programme_es: ProgrammePage
    page: LearningEventPage
    page_es: LearningEventPage
    noted_page: LearningEventPage
    noted_page_es: LearningEventPage
    note: PublicationPage
    note_es: PublicationPage


def event_site_build(home_pages: dict) -> EventSite:
    """Build the series, its event pages, a learning note and their Spanish copies."""
    index = ProgrammeIndexPageFactory(parent=home_pages["en"], slug="programmes")
    translate(index, "es", title="Programas")
    programme = EventSeriesProgrammePageFactory(
        parent=index, title="Learning Events", slug="learning-events"
    )
    programme_es = translate(programme, "es", title="Eventos de aprendizaje")
    page = EventPageFactory(
        parent=programme,
        title="Budget reforms that last",
        slug="budget-reforms",
        introduction="How finance ministries keep reforms alive.",
        objectives=[("objective", "Compare three reform paths.")],
        key_questions=[("question", "Who carried the reform after the election?")],
    )
    page_es = translate(
        page,
        "es",
        title="Reformas presupuestarias que perduran",
        introduction="Cómo los ministerios de finanzas sostienen sus reformas.",
    )
    publications = PublicationIndexPageFactory(parent=home_pages["en"])
    translate(publications, "es", title="Publicaciones")
    note = PublicationPageFactory(parent=publications, title="What we learned")
    note_es = translate(note, "es", title="Lo que aprendimos")
    noted_page = EventPageFactory(
        parent=programme,
        title="Open data in audits",
        slug="open-data",
        learning_note=note,
    )
    noted_page_es = translate(noted_page, "es", title="Datos abiertos en auditorías")
    privacy = StandardPageFactory(
        parent=home_pages["en"], title="Privacy statement", slug="privacy-statement"
    )
    translate(privacy, "es", title="Declaración de privacidad", slug="privacidad")
    return EventSite(
        programme=programme,
        programme_es=programme_es,
        page=page,
        page_es=page_es,
        noted_page=noted_page,
        noted_page_es=noted_page_es,
        note=note,
        note_es=note_es,
    )


@pytest.fixture(scope="module")
def event_site(django_db_setup, django_db_blocker):
    """`event_site_build` once per test module, rolled back after it.

    Each test runs in a savepoint, so its changes are undone; the pages returned
    are shared, so read them, do not change them.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield event_site_build(bilingual_roots()[0])
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # Wagtail caches site root paths
