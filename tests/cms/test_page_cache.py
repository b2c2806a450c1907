"""The site's page cache (cms/core/page_cache.py): visitors without a session get
the programme, module, session topic and home pages from the shared cache, in
every language; no one's data is ever stored in or served from it; a publish,
unpublish, move or a change of what a programme page shows refreshes it."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from cms.core.generation import content_generation_bump
from tests.factories import ModulePageFactory
from tests.factories.learning import EditionFactory, ParticipantFactory

CACHED = ["home", "programme", "module", "session_topic"]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", CACHED)
def test_a_page_is_read_from_the_cache_on_the_next_visit(
    client, page_of, name, language
):
    url = page_of(name, language).url
    client.get(url)  # makes the site settings' row, a change of its own
    content_generation_bump()

    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)

    assert first.status_code == second.status_code == 200
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert len(queries.captured_queries) == 0
    assert second["Content-Language"] == language
    assert "Cookie" in second["Vary"]


def test_other_pages_and_requests_with_a_query_are_not_stored(client, page_of):
    contact = page_of("contact").url
    programme = page_of("programme").url

    client.get(contact)
    client.get(f"{programme}?utm_source=mail")

    assert "X-Cache" not in client.get(contact)  # its form holds a CSRF token
    assert "X-Cache" not in client.get(f"{programme}?utm_source=mail")


def _cached(client: Client, url: str) -> None:
    """Visit until the page is cached (a first visit of a test's fresh database
    makes the site settings' row, which starts a new generation)."""
    responses = [client.get(url) for _ in range(3)]
    assert responses[-1]["X-Cache"] == "hit"


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", CACHED)
def test_no_persons_page_is_stored_or_served_to_another(client, page_of, name):
    """Two participants and one cache: each gets a page made for them (their
    own CSRF token, a sign-out button); a visitor never sees either."""
    url = page_of(name).url
    first, second = ParticipantFactory(), ParticipantFactory()
    _cached(client, url)

    pages = [_signed_in(p.user).get(url) for p in (first, second)]
    anonymous = client.get(url)

    tokens = [TOKEN.search(page.content.decode()).group(1) for page in pages]
    assert tokens[0] != tokens[1]
    for page in pages:
        assert "X-Cache" not in page
        assert "Sign out" in page.content.decode()
    assert anonymous["X-Cache"] == "hit"
    html = anonymous.content.decode()
    assert "Sign out" not in html
    assert "csrfmiddlewaretoken" not in html
    assert all(token not in html for token in tokens)


def test_a_signed_in_visit_fills_nothing(client, page_of):
    url = page_of("programme").url
    client.get(url)  # makes the site settings' row
    content_generation_bump()
    _signed_in(ParticipantFactory().user).get(url)

    assert client.get(url)["X-Cache"] == "miss"


def test_a_visitor_holding_a_session_gets_a_page_of_their_own(client, page_of):
    url = page_of("module").url
    _cached(client, url)
    client.cookies["sessionid"] = "someone-s-session"

    assert "X-Cache" not in client.get(url)


def test_a_publish_refreshes_the_page_and_the_pages_that_show_it(client, page_of):
    module = page_of("module")
    programme_url = page_of("programme").url
    _cached(client, module.url), _cached(client, programme_url)

    module.title = "Dialogical practices"
    module.save_revision().publish()

    for url in (module.url, programme_url):
        response = client.get(url)
        assert response["X-Cache"] == "miss"
        assert "Dialogical practices" in response.content.decode()


def test_an_unpublished_page_is_gone_at_once(client, page_of):
    topic = page_of("session_topic")
    _cached(client, topic.url)

    topic.unpublish()

    assert client.get(topic.url).status_code == 404


def test_a_moved_page_leaves_its_old_address(client, page_of):
    topic = page_of("session_topic")
    old_url = topic.url
    other = ModulePageFactory(parent=page_of("programme"), module_number=2)
    _cached(client, old_url), _cached(client, other.url)

    topic.move(other, pos="last-child")
    topic.refresh_from_db()

    # Wagtail leaves a redirect at the old address.
    assert client.get(old_url)["Location"] == topic.url
    assert client.get(topic.url).status_code == 200
    assert topic.title in client.get(other.url).content.decode()


def test_a_new_edition_shows_on_the_programme_page(client, page_of):
    programme = page_of("programme")
    _cached(client, programme.url)

    EditionFactory(programme=programme, title="March 2031")

    response = client.get(programme.url)
    assert response["X-Cache"] == "miss"
    assert "March 2031" in response.content.decode()


@override_settings(SITE_PAGE_CACHE=False)
def test_switched_off_every_page_is_rendered(client, page_of):
    url = page_of("programme").url

    assert [client.get(url)["X-Cache"] for _ in range(2)] == ["miss", "miss"]


def test_an_edition_opened_past_its_gate_shows_open_at_once(client, page_of):
    from django.utils import timezone

    from learning.core.openings import opening_gate, opening_open
    from learning.editions.services import edition_create
    from tests.factories import SuperUserFactory

    programme = page_of("programme")
    # A module written only in English: the translation gate holds the edition.
    ModulePageFactory(parent=programme, title="Module nine", module_number=9)
    now = timezone.now()
    edition = edition_create(
        programme=programme,
        title="Spring",
        starts_on=(now + timedelta(days=60)).date(),
        ends_on=(now + timedelta(days=120)).date(),
        enrolment_opens_at=now - timedelta(hours=1),
        enrolment_closes_at=now + timedelta(days=30),
        places=10,
    )
    assert opening_gate(subject=edition) == "blocked"
    _cached(client, programme.url)
    assert "data-opening-held" in client.get(programme.url).content.decode()

    opening_open(subject=edition, actor=SuperUserFactory(), override_reason="Monday")

    response = client.get(programme.url)
    assert response["X-Cache"] == "miss"
    assert "data-opening-held" not in response.content.decode()
