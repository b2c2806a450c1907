"""A bilingual programme on the test site, for the public enrolment pages' tests."""

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Locale, Page

from learning.catalogue.models import ModulePage, ProgrammePage
from tests.cms.conftest import bilingual_roots
from tests.factories import (
    ModulePageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    SessionTopicPageFactory,
    StandardPageFactory,
)


@dataclass
class PublicProgramme:
    """A programme under the site's home with three modules, in English and Spanish."""

    programme: ProgrammePage
    programme_es: ProgrammePage
    modules: list[ModulePage]


def translate(page: Page, language: str, **fields: object) -> Page:
    """Publish a translation of `page` with some fields changed."""
    locale = Locale.objects.get(language_code=language)
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


def public_programme(home_pages: dict[str, Page]) -> PublicProgramme:
    """Build the programme, its modules and topics, and their Spanish copies."""
    index = ProgrammeIndexPageFactory(parent=home_pages["en"], slug="programmes")
    translate(index, "es", title="Programas")
    programme = ProgrammePageFactory(
        parent=index,
        title="Mutual Learning Program",
        slug="mlp",
        time_zone="America/Bogota",
    )
    programme_es = translate(programme, "es", title="Programa de Aprendizaje Mutuo")
    modules = []
    for number in (1, 2, 3):
        module = ModulePageFactory(
            parent=programme,
            title=f"Module {number} in English",
            module_number=number,
            is_required_first=number == 1,
        )
        translate(module, "es", title=f"Módulo {number} en español")
        topic = SessionTopicPageFactory(parent=module, title=f"Topic {number}")
        translate(topic, "es", title=f"Tema {number}")
        modules.append(module)
    privacy = StandardPageFactory(
        parent=home_pages["en"], title="Privacy statement", slug="privacy-statement"
    )
    translate(privacy, "es", title="Declaración de privacidad", slug="privacidad")
    return PublicProgramme(
        programme=programme, programme_es=programme_es, modules=modules
    )


@pytest.fixture(scope="module")
def public_site(django_db_setup, django_db_blocker):
    """`public_programme` built once per test module, rolled back after it.

    As tests/cms/conftest.py's `bilingual_site`: each test runs in a savepoint, so
    its changes are undone; the pages returned are shared, so read, do not change.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield public_programme(bilingual_roots()[0])
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # Wagtail caches site root paths
