"""A partner's page on another origin reads /api/v1/pages/ in a real browser when
its origin is listed on an API client, and the browser refuses it otherwise.

The partner's page is served by a small http.server on 127.0.0.1 (another port
and host than the live server's localhost), so the browser applies CORS for real.
"""

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from api.keys import api_client_issue_key
from api.models import ApiClient

pytestmark = pytest.mark.e2e

PARTNER_PAGE = """<!doctype html>
<html><body>
<p id="result">waiting</p>
<script>
  const result = document.getElementById("result");
  fetch("%(api)s/api/v1/pages/")
    .then((response) => response.json())
    .then((data) => {
      result.textContent = "read: " + data.results.map((p) => p.title).join(", ");
    })
    .catch(() => { result.textContent = "refused"; });
</script>
</body></html>
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def partner_origin(tmp_path: Path, live_server) -> Iterator[str]:
    """A second origin serving the partner's page, which reads the live server."""
    (tmp_path / "index.html").write_text(PARTNER_PAGE % {"api": live_server.url})
    handler = partial(QuietHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def content(home_pages, settings):
    settings.CORS_ALLOWED_ORIGINS = []
    cache.clear()
    yield home_pages
    cache.clear()


def _partner_client(origin: str) -> ApiClient:
    client = ApiClient(name="Partner site", allowed_origins=[origin])
    api_client_issue_key(client=client)
    client.save()
    return client


def test_a_listed_origin_reads_the_api_from_the_browser(
    content, partner_origin, browser_page, screenshot
):
    _partner_client(partner_origin)

    browser_page.goto(f"{partner_origin}/index.html")

    expect(browser_page.locator("#result")).to_have_text("read: Home")
    screenshot("read")


def test_an_unlisted_origin_is_refused_by_the_browser(
    content, partner_origin, browser_page, screenshot
):
    _partner_client("https://someone-else.example.org")

    browser_page.goto(f"{partner_origin}/index.html")

    expect(browser_page.locator("#result")).to_have_text("refused")
    screenshot("refused")
