"""What rendering a site page costs the database when it is not in the page cache:
the same number of queries for 3 and 12 modules, meetings or testimonials, and
a bounded number."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ModulePageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    SessionTopicPageFactory,
)
from tests.factories.learning import EditionFactory, MeetingFactory
from tests.factories.snippets import TestimonialFactory

# As measured: header, menus, language links, breadcrumbs and footer included.
MAXIMUM = {"programme": 25, "module": 12, "home": 9, "session_topic": 12}


def _queries(client, url: str) -> int:
    """Queries of a rendering, after earlier requests filled the process caches
    (site root paths, locales) and the parts every page shares (menus, footer:
    cms.core.shared_parts), as any earlier request of the generation would."""
    with override_settings(SITE_PAGE_CACHE=False):
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def _programme(home, size: int):
    """A programme of `size` modules, each with a topic, and one edition with a
    meeting on every topic."""
    index = ProgrammeIndexPageFactory(parent=home)
    programme = ProgrammePageFactory(parent=index)
    edition = EditionFactory(programme=programme)
    modules = []
    for number in range(1, size + 1):
        module = ModulePageFactory(parent=programme, module_number=number)
        topic = SessionTopicPageFactory(parent=module)
        MeetingFactory(edition=edition, session_topic=topic)
        modules.append(module)
    return programme, modules


@pytest.mark.parametrize("page", ["programme", "module"])
def test_programme_and_module_pages_cost_the_same_for_3_and_12(
    client, home_pages, page
):
    counts = []
    for size in (3, 12):
        programme, modules = _programme(home_pages["en"], size)
        url = programme.url if page == "programme" else modules[0].url
        counts.append(_queries(client, url))

    assert counts[0] == counts[1] <= MAXIMUM[page]


def test_module_page_costs_the_same_for_3_and_12_topics(client, home_pages):
    counts = []
    for size in (3, 12):
        module = _programme(home_pages["en"], 1)[1][0]
        for _ in range(size):
            SessionTopicPageFactory(parent=module)
        counts.append(_queries(client, module.url))

    assert counts[0] == counts[1] <= MAXIMUM["module"]


def test_home_page_costs_the_same_for_3_and_12_testimonials(client, home_pages):
    home = home_pages["en"]
    counts = []
    for size in (3, 12):
        testimonials = TestimonialFactory.create_batch(size, locale=home.locale)
        home.body = [("testimonials", {"heading": "", "testimonials": testimonials})]
        home.save_revision().publish()
        html = client.get(home.url).content.decode()
        assert all(t.person_name in html for t in testimonials)
        counts.append(_queries(client, home.url))

    assert counts[0] == counts[1] <= MAXIMUM["home"]


def test_session_topic_page_costs_the_same_for_3_and_12_materials(client, home_pages):
    publications = PublicationIndexPageFactory(parent=home_pages["en"])
    module = _programme(home_pages["en"], 1)[1][0]
    counts = []
    for size in (3, 12):
        materials = [
            ("page", {"page": PublicationPageFactory(parent=publications), "note": ""})
            for _ in range(size)
        ]
        topic = SessionTopicPageFactory(parent=module, materials=materials)
        html = client.get(topic.url).content.decode()
        assert html.count('class="material"') == size
        counts.append(_queries(client, topic.url))

    assert counts[0] == counts[1] <= MAXIMUM["session_topic"]
