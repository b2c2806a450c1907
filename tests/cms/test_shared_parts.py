"""The parts every site page shares (cms/core/shared_parts.py): the menu, the
footer and the organisation's name are computed once per content generation and
language, yet each page marks its own link, each language has its own, a change
shows on the next page, and nobody's data is ever shared."""

import re

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from cms.core import page_cache
from cms.core.shared_parts import shared_parts_off
from tests.factories.learning import ParticipantFactory
from tests.factories.snippets import FooterFactory, MainMenuFactory

CURRENT = re.compile(r'<a class="menu__link[^"]*" href="([^"]+)" aria-current="page"')


@pytest.fixture
def menu(page_of):
    """A menu linking the programme and the module, chosen in English."""
    return MainMenuFactory(
        items__0__item__page=page_of("programme"),
        items__0__item__label="",
        items__1__item__page=page_of("module"),
        items__1__item__label="",
    )


def _get(client: Client, url: str) -> str:
    with override_settings(SITE_PAGE_CACHE=False):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _queries(client: Client, url: str) -> int:
    with (
        override_settings(SITE_PAGE_CACHE=False),
        CaptureQueriesContext(connection) as queries,
    ):
        client.get(url)
    return len(queries.captured_queries)


def test_each_page_marks_its_own_link_in_the_shared_menu(client, page_of, menu):
    programme, module = page_of("programme").url, page_of("module").url

    programme_html = _get(client, programme)
    module_html = _get(client, module)

    assert CURRENT.findall(programme_html) == [programme]
    assert CURRENT.findall(module_html) == [module]
    # The module's menu marks the programme as its ancestor.
    assert f'class="menu__link is-active" href="{programme}"' in module_html


def test_the_menu_is_computed_once_for_every_page_of_a_language(
    client, page_of, menu, settings
):
    settings.SITE_STORED_PARTS = False  # the page's own parts: tests/cms/core
    module, topic = page_of("module").url, page_of("session_topic").url
    for _ in range(2):  # the first visit makes the site settings' row
        _get(client, module)
    shared = _queries(client, topic)

    with shared_parts_off():
        fresh = _queries(client, topic)

    assert shared < fresh


def test_each_language_gets_its_own_menu(client, page_of, menu):
    english = _get(client, page_of("module").url)
    spanish = _get(client, page_of("module", "es").url)

    assert ">Mutual Learning Program</a>" in english
    assert ">Programa de Aprendizaje Mutuo</a>" in spanish
    assert ">Mutual Learning Program</a>" not in spanish


def test_a_changed_menu_or_footer_shows_on_the_next_page(client, page_of, menu):
    url = page_of("module").url
    _get(client, url)

    menu.items = [("item", {"label": "Contact us", "url": "https://example.org/c"})]
    menu.save()
    FooterFactory(text="<p>Open on Mondays</p>")
    html = _get(client, url)

    assert ">Contact us</a>" in html
    assert "Open on Mondays" in html


def test_no_one_s_data_reaches_the_shared_parts(client, page_of, menu):
    participant = ParticipantFactory(name="Ximena Quispe")
    signed_in = Client()
    signed_in.force_login(participant.user)
    url = page_of("module").url

    mine = _get(signed_in, url)
    anonymous = _get(client, url)

    assert "Sign out" in mine
    assert "Sign out" not in anonymous
    assert "csrfmiddlewaretoken" not in anonymous
    assert "Ximena Quispe" not in anonymous


def test_a_url_that_names_no_page_is_not_kept(client, page_of, menu, monkeypatch):
    """Routing keeps the page each URL names; a stranger's made-up URLs must not
    fill the shared cache."""
    from django.core.cache import cache

    kept = []
    real_set = cache.set

    def recording_set(key, value, *args, **kwargs):
        kept.append(value)
        return real_set(key, value, *args, **kwargs)

    monkeypatch.setattr(cache, "set", recording_set)
    with override_settings(SITE_PAGE_CACHE=False):
        assert client.get(page_of("module").url).status_code == 200
        found = len(kept)
        assert client.get("/en/no-such-page-at-all/").status_code == 404

    assert found > 0  # the module's route was kept
    assert None not in kept[found:]


def _round_trips(client: Client, url: str, monkeypatch) -> int:
    """Reads of the shared cache in one rendering, a get_many counted once (the
    local test cache's get_many calls get per key; Redis's is one command)."""
    from django.core.cache import cache

    reads, inside = [], []
    real_get, real_get_many = cache.get, cache.get_many

    def get(*args, **kwargs):
        if not inside:
            reads.append("get")
        return real_get(*args, **kwargs)

    def get_many(*args, **kwargs):
        reads.append("get_many")
        inside.append(True)
        try:
            return real_get_many(*args, **kwargs)
        finally:
            inside.pop()

    monkeypatch.setattr(cache, "get", get)
    monkeypatch.setattr(cache, "get_many", get_many)
    _get(client, url)
    monkeypatch.undo()
    return len(reads)


def test_a_page_read_again_fetches_its_shared_parts_together(
    client, page_of, menu, monkeypatch
):
    """The parts a page read last time (its plan) are fetched in one round
    trip after the generation's: a handful of round trips, not one per part."""
    url = page_of("module").url
    for _ in range(2):  # the first visit makes the site settings' row
        _get(client, url)
    planned = _round_trips(client, url, monkeypatch)

    monkeypatch.setattr(page_cache, "shared_parts_prefetch", lambda *args: None)
    unplanned = _round_trips(client, url, monkeypatch)

    assert planned <= 4
    assert unplanned > planned + 4


def test_a_plan_made_before_a_change_still_shows_the_change(client, page_of, menu):
    url = page_of("module").url
    _get(client, url)
    _get(client, url)  # read with its plan

    menu.items = [("item", {"label": "Contact us", "url": "https://example.org/c"})]
    menu.save()

    assert ">Contact us</a>" in _get(client, url)
