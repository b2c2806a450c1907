"""The content list's and detail's usual requests are answered from prepared rows
(api/content/prepared_reads.py): the same bytes as the full path, one query,
the same pages hidden, and nothing older than the live revision."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from api.content import prepared_reads, views
from api.content.models import StoredRepresentation
from api.v1 import CONTENT_ROUTES
from tests.factories import StandardPageFactory

LANGUAGES = ("en", "es", "fr")
LIST_QUERIES = (
    "",
    "?locale={language}",
    "?locale={language}&limit=2&offset=1",
    "?locale={language}&fallback=en",
    "?locale={language}&limit=100&offset=100000",
    "?locale={language}&search=module",
    "?locale={language}&ordering=-title",
)


@pytest.fixture(autouse=True)
def _miss_mode(settings):
    """The response cache off (the benchmark's miss mode): every request is
    answered by the view."""
    settings.API_RESPONSE_CACHE = False


@contextmanager
def full_path_only():
    """Every request the full path (QuerySet, page instances) answers."""
    with (
        mock.patch.object(views, "list_text", return_value=None),
        mock.patch.object(views, "detail_text", return_value=None),
    ):
        yield


@contextmanager
def prepared_answers():
    """Counts the requests the prepared rows answered."""
    answered = []

    def spy(function):
        def wrapper(*args, **kwargs):
            text = function(*args, **kwargs)
            answered.append(text is not None)
            return text

        return wrapper

    with (
        mock.patch.object(views, "list_text", spy(prepared_reads.list_text)),
        mock.patch.object(views, "detail_text", spy(prepared_reads.detail_text)),
    ):
        yield answered


def _typed_urls() -> dict[type, str]:
    """{page model: its list's URL} for every content endpoint."""
    return {
        viewset.model: f"/api/v1/{prefix}/"
        for prefix, viewset, _basename in CONTENT_ROUTES
        if hasattr(viewset, "stored_shapes")
    }


def _detail_urls(page) -> list[str]:
    typed = _typed_urls()
    own = [typed[cls] for cls in type(page).__mro__ if cls in typed]
    return [f"{url}{page.pk}/" for url in {own[0], "/api/v1/pages/"}]


def _same_bytes(api, url: str) -> bool:
    with full_path_only():
        full = api.get(url)  # also makes what a first read stores
    with prepared_answers() as answered:
        prepared = api.get(url)
    assert (prepared.status_code, prepared.content) == (full.status_code, full.content)
    return any(answered)


@pytest.mark.django_db(transaction=True)
def test_the_demo_reads_the_same_bytes_either_way(demo_site, api, monkeypatch):
    # Rate limits are lifted (they are tested in test_auth.py).
    monkeypatch.setattr(
        "rest_framework.throttling.SimpleRateThrottle.allow_request",
        lambda *args: True,
    )
    monkeypatch.setattr("api.throttling.AnonymousRateThrottle.judge", lambda *a: True)
    lists = [
        base + query.format(language=language)
        for base in _typed_urls().values()
        for query in LIST_QUERIES
        for language in LANGUAGES
    ]
    answered = [url for url in lists if _same_bytes(api, url)]
    pages = Page.objects.live().filter(depth__gt=1).specific()
    details = [url for page in pages for url in _detail_urls(page)]
    answered += [url for url in details if _same_bytes(api, url)]

    # The usual requests took the prepared rows; searched and reordered lists not.
    assert "/api/v1/modules/?locale=es" in answered
    assert "/api/v1/standard-pages/?locale=fr&limit=2&offset=1" in answered
    assert "/api/v1/programmes/?locale=es&fallback=en" in answered
    assert not [url for url in answered if "search=" in url or "ordering=" in url]
    assert len([url for url in answered if url in details]) > len(details) // 2


def _queries(api, url: str) -> int:
    assert api.get(url).status_code == 200  # the total is counted once
    with CaptureQueriesContext(connection) as context:
        response = api.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
def test_a_list_and_a_detail_cost_one_query_whatever_the_list_size(api, home_pages):
    pages = [StandardPageFactory(parent=home_pages["en"]) for _ in range(3)]
    few = _queries(api, "/api/v1/standard-pages/?locale=en&limit=100")
    one = _queries(api, f"/api/v1/standard-pages/{pages[0].pk}/")
    pages += [StandardPageFactory(parent=home_pages["en"]) for _ in range(12)]
    many = _queries(api, "/api/v1/standard-pages/?locale=en&limit=100")

    assert few == many == 1
    assert one == 1
    assert api.get("/api/v1/standard-pages/?locale=en").json()["count"] == 15


@pytest.mark.django_db
def test_a_row_older_than_the_live_revision_is_never_served(api, home_pages):
    page = StandardPageFactory(parent=home_pages["en"], title="Old title")
    page.save_revision().publish()
    url = f"/api/v1/standard-pages/{page.pk}/"
    assert api.get(url).json()["title"] == "Old title"
    rows = StoredRepresentation.objects.filter(object_id=page.pk)
    old_row = rows.values().get()
    page.title = "Live title"
    page.save_revision().publish()
    # As if the publish's refresh had not happened: the old revision's row.
    rows.delete()
    StoredRepresentation.objects.create(**old_row)

    assert api.get(url).json()["title"] == "Live title"
    listed = api.get("/api/v1/standard-pages/?locale=en").json()["results"]
    assert [item["title"] for item in listed] == ["Live title"]
    page.refresh_from_db()
    assert rows.get().revision_id == page.live_revision_id != old_row["revision_id"]


@pytest.mark.django_db
def test_drafts_and_private_pages_stay_hidden(api, catalogue):
    def titles() -> list[str]:
        data = api.get("/api/v1/modules/?locale=en").json()
        return sorted(item["title"] for item in data["results"])

    assert titles() == ["Module one", "Module two"]
    for hidden in (catalogue.draft_module, catalogue.private_module):
        assert api.get(f"/api/v1/modules/{hidden.pk}/").status_code == 404
    module = catalogue.untranslated_module
    assert api.get(f"/api/v1/modules/{module.pk}/").status_code == 200

    # A restriction added after the list was read hides the page at once.
    PageViewRestriction.objects.create(
        page=module, restriction_type=PageViewRestriction.LOGIN
    )

    assert titles() == ["Module one"]
    assert api.get(f"/api/v1/modules/{module.pk}/").status_code == 404
