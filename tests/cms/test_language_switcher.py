"""The language switcher and hreflang links lead to the page in another language."""

import re

import pytest
from django.utils import translation
from wagtail.models import Site

from cms.core.selectors import localized_objects, page_language_links

pytestmark = pytest.mark.django_db


def switcher_links(html):
    """{language code: (href, is current)} from the rendered switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {
        code: (href, bool(current))
        for href, code, current in re.findall(
            r'<a href="([^"]*)" lang="(\w+)" hreflang="\w+"( aria-current="true")?',
            nav,
        )
    }


def alternates(html):
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html)
    )


def test_switcher_links_to_the_translation_of_the_current_page(client, page_of):
    module_en, module_es = page_of("module"), page_of("module", "es")

    links = switcher_links(client.get(module_en.url).content.decode())

    assert links == {"en": (module_en.url, True), "es": (module_es.url, False)}


def test_switcher_labels_each_language_in_that_language(client, page_of):
    html = client.get(page_of("standard", "es").url).content.decode()

    assert 'lang="en" hreflang="en">English</a>' in html
    assert 'lang="es" hreflang="es" aria-current="true">Español</a>' in html


def test_switcher_leads_to_the_language_home_when_there_is_no_translation(
    client, page_of
):
    page = page_of("english_only")

    links = switcher_links(client.get(page.url).content.decode())

    assert links["en"] == (page.url, True)
    assert links["es"] == (page_of("home", "es").url, False)


def test_a_draft_translation_is_not_offered(client, page_of):
    page_of("standard", "es").unpublish()

    links = switcher_links(client.get(page_of("standard").url).content.decode())

    assert links["es"][0] == "/es/"


def test_switcher_on_search_keeps_the_query_and_switches_the_prefix(client, page_of):
    links = switcher_links(client.get("/en/search/?q=families").content.decode())

    assert links == {
        "en": ("/en/search/?q=families", True),
        "es": ("/es/search/?q=families", False),
    }


def test_switcher_on_a_missing_page_leads_to_the_home_pages(client, page_of):
    response = client.get("/es/no-such-page/")

    assert response.status_code == 404
    assert switcher_links(response.content.decode()) == {
        "en": ("/en/", False),
        "es": ("/es/", True),
    }


def test_hreflang_alternates_for_every_translation_and_x_default(client, page_of):
    programme_en, programme_es = page_of("programme"), page_of("programme", "es")

    html = client.get(programme_es.url).content.decode()

    assert alternates(html) == {
        "en": programme_en.full_url,
        "es": programme_es.full_url,
        "x-default": programme_en.full_url,
    }


def test_no_alternates_for_a_page_in_one_language(client, page_of):
    html = client.get(page_of("english_only").url).content.decode()

    assert alternates(html) == {}


def test_links_cost_two_queries_when_every_language_has_a_translation(
    rf, page_of, django_assert_num_queries
):
    page = page_of("video")
    request = rf.get(page.url)
    Site.find_for_request(request)  # cached on the request by the time we render
    Site.get_site_root_paths()  # cached for every request

    # One for the page's programme (its languages), one for translations and homes.
    with translation.override("es"), django_assert_num_queries(2):
        links = page_language_links(page=page, request=request)

    assert [(link.language_code, link.is_current) for link in links] == [
        ("en", False),
        ("es", True),
    ]
    assert all(link.is_translation for link in links)


def test_links_cost_two_queries_when_a_fallback_home_is_needed(
    rf, page_of, django_assert_num_queries
):
    page = page_of("english_only")
    request = rf.get(page.url)
    Site.find_for_request(request)
    Site.get_site_root_paths()

    with translation.override("en"), django_assert_num_queries(2):
        links = page_language_links(page=page, request=request)

    assert [(link.url, link.is_translation) for link in links] == [
        (page.url, True),
        ("/es/", False),
    ]


def test_localized_objects_swaps_pages_for_translations_in_one_query(
    page_of, locales, django_assert_num_queries
):
    english = [page_of("programme"), page_of("english_only"), None]

    with django_assert_num_queries(1):
        localized = localized_objects(english, locale_id=locales["es"].pk)

    assert [getattr(page, "pk", None) for page in localized] == [
        page_of("programme", "es").pk,
        english[1].pk,  # no translation: the page itself
        None,
    ]


def test_localized_objects_costs_nothing_when_already_localized(
    page_of, locales, django_assert_num_queries
):
    spanish = [page_of("programme", "es"), page_of("module", "es")]

    with django_assert_num_queries(0):
        assert localized_objects(spanish, locale_id=locales["es"].pk) == spanish
