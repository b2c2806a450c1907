"""A small bilingual catalogue for the API tests: a programme with modules and
session topics in English, the programme and one module in Spanish, a draft, and
a private module (whose session topic is therefore private too)."""

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from tests.api.roles import _shared_world, world  # noqa: F401 (the matrix's)
from tests.conftest import home_pages_build
from tests.factories import (
    ModulePageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    SessionTopicPageFactory,
)


def translate(page, locale, **fields):
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


@dataclass
class Catalogue:
    index: object
    programme: object
    programme_es: object
    module: object
    module_es: object
    untranslated_module: object
    draft_module: object
    private_module: object
    private_topic: object
    topic: object


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def home_pages(request, locales):
    """As tests/conftest.py's, except in a test that asks for the matrix's `world`
    (tests/api/roles.py): the world's home pages, which it was built under."""
    if "_shared_world" in request.fixturenames:
        return request.getfixturevalue("world").home_pages
    return home_pages_build(locales)


@pytest.fixture
def catalogue(request, home_pages, locales):
    """Built with the world where the module shares one that holds it (roles.py)."""
    if "_shared_world" in request.fixturenames:
        shared = request.getfixturevalue("world").catalogue
        if shared is not None:
            return shared
    return catalogue_build(home_pages, locales)


def catalogue_build(home_pages, locales) -> Catalogue:
    index = ProgrammeIndexPageFactory(
        parent=home_pages["en"], title="Programmes", slug="programmes"
    )
    programme = ProgrammePageFactory(
        parent=index, title="Mutual Learning", slug="mutual-learning"
    )
    module = ModulePageFactory(parent=programme, title="Module one", slug="one")
    topic = SessionTopicPageFactory(parent=module, title="Listening", slug="listening")
    topic.body = [
        (
            "paragraph",
            RichText(f'<p>See <a linktype="page" id="{module.pk}">it</a></p>'),
        )
    ]
    topic.save_revision().publish()
    untranslated = ModulePageFactory(
        parent=programme, title="Module two", slug="two", module_number=2
    )
    draft = ModulePageFactory(
        parent=programme, title="Secret draft", slug="draft", live=False
    )
    private = ModulePageFactory(
        parent=programme, title="Members only", slug="members", module_number=3
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    private_topic = SessionTopicPageFactory(
        parent=private, title="Hidden topic", slug="hidden"
    )
    index_es = translate(index, locales["es"], title="Programas", slug="programas")
    programme_es = translate(
        programme, locales["es"], title="Aprendizaje mutuo", slug="aprendizaje-mutuo"
    )
    module_es = translate(module, locales["es"], title="Módulo uno", slug="uno")
    assert index_es.live
    cache.clear()
    return Catalogue(
        index=index,
        programme=programme,
        programme_es=programme_es,
        module=module,
        module_es=module_es,
        untranslated_module=untranslated,
        draft_module=draft,
        private_module=private,
        private_topic=private_topic,
        topic=topic,
    )
