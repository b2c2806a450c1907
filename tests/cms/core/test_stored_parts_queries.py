"""What a page read from its stored parts costs the database: the same for 3
and 12 modules or topics, and less than rendering its body (cms/core/stored_parts.py).
Apart from tests/cms/core/test_stored_parts.py: these build their own site
(home_pages), which that module's bilingual site must not meet."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.cms.test_page_queries import _programme


def _get(client, url: str) -> None:
    with override_settings(SITE_PAGE_CACHE=False):
        assert client.get(url).status_code == 200


def _queries(client, url: str) -> int:
    _get(client, url)
    with CaptureQueriesContext(connection) as context:
        _get(client, url)
    return len(context.captured_queries)


@pytest.mark.parametrize("kind", ["programme", "module"])
def test_stored_pages_cost_the_same_for_3_and_12_modules(client, home_pages, kind):
    stored, fresh = [], []
    for size in (3, 12):
        programme, modules = _programme(home_pages["en"], size)
        url = (programme if kind == "programme" else modules[-1]).url
        stored.append(_queries(client, url))
        with override_settings(SITE_STORED_PARTS=False):
            fresh.append(_queries(client, url))

    assert stored[0] == stored[1]
    # Read from its rows, the body asks nothing of the modules or topics.
    assert stored[1] < fresh[1]
