"""The site pages' miss reference (bench/references.py `wagtail_serve`):
Wagtail's own serving, rendered in the page's language with every part the site
keeps (shared parts, stored parts, kept blocks) made afresh, and the same page
as ours."""

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from tests.factories.learning import EditionFactory, InfoSessionFactory
from tests.learning.public_site import public_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(home_pages):
    built = public_programme(home_pages)
    EditionFactory(programme=built.programme)
    InfoSessionFactory(programme=built.programme)
    return built


def _get(client: Client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(queries.captured_queries)


@override_settings(ROOT_URLCONF="bench.urls", SITE_PAGE_CACHE=False)
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_reference_renders_the_same_page_afresh_in_its_language(
    client, programme, language
):
    page = programme.programme if language == "en" else programme.programme_es
    url = page.url
    for _ in range(2):  # ours keeps its parts and blocks
        ours, our_queries = _get(client, url)

    theirs, their_queries = _get(client, "/bench/wagtail" + url)

    assert f'<html lang="{language}"' in theirs
    assert theirs == ours
    # Routing, menus, footer, body, editions and sessions, all queried again.
    assert their_queries > our_queries + 10
