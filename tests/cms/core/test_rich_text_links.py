"""Internal links in rich text: the page's URL, in the reader's language when a
translation exists, in one query per text."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.rich_text import expand_db_html

from tests.api.conftest import translate
from tests.factories.pages import StandardPageFactory


def _link(page_id):
    return f'<p><a linktype="page" id="{page_id}">here</a></p>'


def test_links_show_the_page_url_in_one_query(home_pages):
    first = StandardPageFactory(parent=home_pages["en"], slug="first")
    second = StandardPageFactory(parent=home_pages["en"], slug="second")

    with translation.override("en"):
        expand_db_html(_link(first.pk))  # fills the site root paths cache
        with CaptureQueriesContext(connection) as queries:
            html = expand_db_html(_link(first.pk) + _link(second.pk))

    assert 'href="/en/first/"' in html
    assert 'href="/en/second/"' in html
    assert len(queries.captured_queries) == 1


def test_a_link_follows_the_reader_to_the_translation(home_pages, locales):
    page = StandardPageFactory(parent=home_pages["en"], slug="about")
    translate(page, locales["es"], slug="acerca")

    with translation.override("es"):
        spanish = expand_db_html(_link(page.pk))
    with translation.override("en"):
        english = expand_db_html(_link(page.pk))

    assert 'href="/es/acerca/"' in spanish
    assert 'href="/en/about/"' in english


def test_a_link_to_a_deleted_page_keeps_the_text(db):
    assert expand_db_html(_link(999_999)) == "<p><a>here</a></p>"
