"""What keeps a content list's cost flat as the site grows (bench/growth.py):
its total is counted once per content generation (api.pagination.ContentPagination),
yet follows every publish and unpublish; and its page of 20 is read in tree
order from an index, not sorted out of every page of the language (migration
api_content 0003)."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.factories.pages import StandardPageFactory

pytestmark = pytest.mark.django_db
LIST = "/api/v1/standard-pages/?locale=en&limit=2"


def _counts(captured: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"]]


@override_settings(API_RESPONSE_CACHE=False)
def test_the_total_is_counted_once_per_generation_and_follows_publishing(
    api, home_pages
):
    pages = [StandardPageFactory(parent=home_pages["en"]) for _ in range(3)]
    assert api.get(LIST).json()["count"] == 3

    with CaptureQueriesContext(connection) as again:
        assert api.get(LIST).json()["count"] == 3
    assert _counts(again) == []

    pages[0].unpublish()
    assert api.get(LIST).json()["count"] == 2
    StandardPageFactory(parent=home_pages["en"])
    assert api.get(LIST).json()["count"] == 3


@override_settings(API_RESPONSE_CACHE=False)
def test_each_list_query_has_its_own_total(api, home_pages):
    for _ in range(3):
        StandardPageFactory(parent=home_pages["en"])
    StandardPageFactory(parent=home_pages["es"])

    english = api.get(LIST).json()["count"]
    spanish = api.get(LIST.replace("=en", "=es")).json()["count"]

    assert (english, spanish) == (3, 1)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
@override_settings(API_RESPONSE_CACHE=False)
def test_a_list_page_is_read_in_tree_order_without_sorting_the_language(
    api, home_pages
):
    for _ in range(3):
        StandardPageFactory(parent=home_pages["en"])
    api.get(LIST)  # the per-generation parts (total, locales) cached
    with CaptureQueriesContext(connection) as captured:
        api.get(LIST)
    (listing,) = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].startswith("SELECT") and 'FROM "pages_standardpage"' in q["sql"]
    ]

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + listing)
        plan = [row[-1] for row in cursor.fetchall()]

    assert not any("TEMP B-TREE FOR ORDER BY" in step for step in plan), plan
    assert any("api_page_locale_path" in step for step in plan), plan
