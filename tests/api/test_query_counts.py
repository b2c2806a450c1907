"""What a content request costs the database: a list costs the same number of
queries for 10 and 50 items (at most 6), a detail at most 4. Measured with the
response not in the server-side cache, so the work is really done."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from api.caching import _cache_key
from tests.api.conftest import translate
from tests.factories import (
    ModulePageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    SessionTopicPageFactory,
)
from tests.factories.media import ImageFactory
from tests.factories.pages import (
    PublicationPageFactory,
    PublicationPageTopicFactory,
    StandardPageFactory,
    VideoPageFactory,
)
from tests.factories.snippets import TestimonialFactory as make_testimonial

LIST_MAX = 6
DETAIL_MAX = 4


def _queries(api, url, **params):
    """Queries of a request whose response is not in the server-side cache,
    after a first request filled the process caches (site root paths, locales,
    restricted paths, renditions) as any earlier request would have."""
    warm = api.get(url, params)
    assert warm.status_code == 200, warm.content
    cache.delete(_cache_key(RequestFactory().get(url, params)))
    with CaptureQueriesContext(connection) as context:
        response = api.get(url, params)
    assert response.status_code == 200, response.content
    assert "ETag" in response
    return len(context.captured_queries), response.json()


def _programmes(home, count):
    index = ProgrammeIndexPageFactory(parent=home)
    return [ProgrammePageFactory(parent=index) for _ in range(count)]


def _modules(home, count):
    programme = _programmes(home, 1)[0]
    return [
        ModulePageFactory(parent=programme, module_number=n + 1) for n in range(count)
    ]


def _topics(home, count):
    module = _modules(home, 1)[0]
    topics = [SessionTopicPageFactory(parent=module) for _ in range(count)]
    for topic in topics:
        topic.body = [
            (
                "paragraph",
                RichText(f'<p>See <a linktype="page" id="{module.pk}">it</a></p>'),
            )
        ]
        topic.save_revision().publish()
    return topics


def _publications(home, count):
    pages = [PublicationPageFactory(parent__parent=home)]
    parent = pages[0].get_parent()
    pages += [PublicationPageFactory(parent=parent) for _ in range(count - 1)]
    for page in pages:
        PublicationPageTopicFactory(page=page)
    return pages


def _videos(home, count):
    pages = [VideoPageFactory(parent__parent=home, poster_image=ImageFactory())]
    parent = pages[0].get_parent()
    pages += [
        VideoPageFactory(parent=parent, poster_image=ImageFactory())
        for _ in range(count - 1)
    ]
    return pages


def _standard_pages(home, count):
    return [StandardPageFactory(parent=home) for _ in range(count)]


def _testimonials(home, count):
    return [make_testimonial(photo=ImageFactory()) for _ in range(count)]


def _translate_with_parents(page, locale):
    for ancestor in [*page.get_ancestors().filter(depth__gt=2).specific(), page]:
        if not ancestor.has_translation(locale):
            translate(ancestor, locale, slug=f"{ancestor.slug}-es")


ENDPOINTS = [
    ("programmes", _programmes),
    ("modules", _modules),
    ("session-topics", _topics),
    ("publications", _publications),
    ("videos", _videos),
    ("standard-pages", _standard_pages),
    ("testimonials", _testimonials),
    ("pages", _standard_pages),
]


@pytest.mark.parametrize(("endpoint", "build"), ENDPOINTS)
def test_a_list_costs_the_same_for_10_and_50_items(
    api, home_pages, locales, endpoint, build
):
    items = build(home_pages["en"], 50)
    if hasattr(items[0], "url_path"):
        _translate_with_parents(items[0], locales["es"])

    ten, first = _queries(api, f"/api/v1/{endpoint}/", locale="en", limit=10)
    fifty, second = _queries(api, f"/api/v1/{endpoint}/", locale="en", limit=50)

    assert len(first["results"]) == 10
    assert len(second["results"]) == 50
    assert ten == fifty
    assert fifty <= LIST_MAX


@pytest.mark.parametrize(("endpoint", "build"), ENDPOINTS)
def test_a_detail_costs_at_most_four_queries(api, home_pages, locales, endpoint, build):
    item = build(home_pages["en"], 2)[-1]

    count, body = _queries(api, f"/api/v1/{endpoint}/{item.pk}/")

    assert body["id"] == item.pk
    assert count <= DETAIL_MAX


def test_a_spanish_list_costs_what_an_english_one_does(api, home_pages, locales):
    pages = _standard_pages(home_pages["en"], 12)
    for page in pages:
        _translate_with_parents(page, locales["es"])

    english, _ = _queries(api, "/api/v1/standard-pages/", locale="en")
    spanish, body = _queries(api, "/api/v1/standard-pages/", locale="es")

    assert len(body["results"]) == 12
    assert spanish == english


def test_a_detail_translated_through_wagtail_localize_stays_within_four(
    api, home_pages, locales
):
    """The translation status then also reads wagtail-localize's source, its
    enabled translations and untranslated strings (still one query)."""
    from tests.cms.translations.conftest import localize

    page = _topics(home_pages["en"], 1)[0]
    for ancestor in page.get_ancestors().filter(depth__gt=2).specific():
        localize(ancestor, locales["es"])
    target, _translation = localize(page, locales["es"])

    count, body = _queries(api, f"/api/v1/session-topics/{page.pk}/")
    spanish_count, spanish = _queries(api, f"/api/v1/session-topics/{target.pk}/")

    # Its strings were not translated, so the translation report says outdated.
    assert body["translations"]["es"] == {
        "id": target.pk,
        "url": spanish["url"],
        "status": "outdated",
    }
    assert count <= DETAIL_MAX
    assert spanish_count <= DETAIL_MAX
