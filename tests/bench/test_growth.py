"""The growth check (bench/growth.py): pages inserted in bulk by `bench_grow` are
real published pages (a valid tree, a live revision holding their content, a
Spanish translation, a stored representation) that the API lists and the site
serves; the check's row judges the p50 ratio, the counts and the errors; the
quick mode says it is not measured."""

import io

import pytest
from django.test import override_settings
from wagtail.models import Page

from api.content.models import StoredRepresentation
from bench.checks import GROWTH_NOT_MEASURED, markdown_lines
from bench.grow import pages_grow
from bench.growth import SIZES, growth_check, result
from bench.wrk import WrkResult
from cms.pages.models import StandardPage
from tests.factories.media import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def images(home_pages):
    return [ImageFactory(), ImageFactory()]


def _grow(count: int) -> None:
    # What `manage.py bench_grow` runs (the bench app is not installed here).
    pages_grow(pages_per_language=count, stream=io.StringIO())


def test_grown_pages_form_a_valid_tree_with_their_translations(home_pages, images):
    _grow(3)
    _grow(5)  # grows on from the pages already there

    assert Page.find_problems() == ([], [], [], [], [])
    english = StandardPage.objects.child_of(home_pages["en"]).order_by("path")
    spanish = StandardPage.objects.child_of(home_pages["es"])
    assert [page.slug for page in english] == [f"page-{n}" for n in range(5)]
    assert spanish.count() == 5
    assert {p.translation_key for p in english} == {p.translation_key for p in spanish}
    first = english.first()
    assert first.url_path == "/home/page-0/"
    assert first.get_translation(home_pages["es"].locale).slug == "pagina-0"


def test_each_grown_page_is_published_with_a_revision_of_its_content(
    home_pages, images
):
    _grow(2)

    for page in StandardPage.objects.child_of(home_pages["en"]):
        assert page.live and not page.has_unpublished_changes
        assert page.live_revision_id == page.latest_revision_id is not None
        stored = page.live_revision.as_object()
        assert stored.title == page.title
        assert list(stored.body.raw_data) == list(page.body.raw_data)
        row = StoredRepresentation.objects.get(object_id=page.pk)
        assert row.revision_id == page.live_revision_id


@override_settings(API_RESPONSE_CACHE=False)
def test_the_api_lists_and_shows_grown_pages_and_the_site_serves_them(
    client, home_pages, images
):
    before = client.get("/api/v1/standard-pages/?locale=es").json()["count"]

    _grow(4)

    listed = client.get("/api/v1/standard-pages/?locale=es&limit=2").json()
    assert (before, listed["count"]) == (0, 4)
    page = StandardPage.objects.get(slug="page-3")
    detail = client.get(f"/api/v1/standard-pages/{page.pk}/").json()
    assert detail["title"] == page.title
    assert detail["translations"]["es"]["id"] == (
        StandardPage.objects.get(slug="pagina-3").pk
    )
    assert any(block["type"] == "image" for block in detail["body"])
    assert client.get(page.get_url()).status_code == 200


def test_growing_to_the_size_already_there_adds_nothing(home_pages, images):
    _grow(2)
    _grow(2)

    assert StandardPage.objects.count() == 4


def _wrk(p50: float, errors: int = 0) -> WrkResult:
    return WrkResult(rps=100.0, p50_ms=p50, p99_ms=p50 * 3, requests=10, errors=errors)


def _probes(*, api_count: int | None = None) -> dict:
    return {
        size: {
            "urls": {},
            "queries": {"list_es": 2, "list_en": 2, "detail": 1},
            "counts": {
                code: {"database": size, "api": api_count or size}
                for code in ("es", "en")
            },
        }
        for size in SIZES
    }


def _raw(small: float, large: float, *, errors: int = 0) -> dict:
    return {
        SIZES[0]: {side: [_wrk(10.0)] for side in ("list_es", "list_en", "detail")},
        SIZES[1]: {
            "list_es": [_wrk(large, errors)],
            "list_en": [_wrk(small)],
            "detail": [_wrk(10.0)],
        },
    }


def test_the_check_takes_the_worst_side_p50_ratio():
    row = result(_raw(10.0, 11.5), _probes())

    assert row["ratios"] == {"list_es": 1.15, "list_en": 1.0, "detail": 1.0}
    assert (row["ratio"], row["met"]) == (1.15, True)
    text = markdown_lines({"growth_20000_vs_2000_pages": row})[-1]
    assert "list_es p50 10.0 -> 11.5 ms" in text and text.endswith("| yes |")


@pytest.mark.parametrize(
    ("raw", "probes"),
    [
        (_raw(10.0, 12.5), _probes()),  # slower than 1.2x
        (_raw(10.0, 10.0, errors=1), _probes()),  # a failed request
        (_raw(10.0, 10.0), _probes(api_count=7)),  # the API misses pages
    ],
)
def test_the_check_fails_on_a_slow_side_an_error_or_a_missing_page(raw, probes):
    row = result(raw, probes)

    assert row["met"] is False
    assert markdown_lines({"growth": row})[-1].endswith("| MISSED |")


def test_the_quick_mode_says_growth_is_full_mode_only():
    row = growth_check({}, seconds=1, rounds=1, quick=True)

    assert row == GROWTH_NOT_MEASURED
    assert "full mode only" in row["why"]
