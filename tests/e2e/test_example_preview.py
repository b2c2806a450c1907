"""The headless example (examples/headless/, plain HTML + JS) in a real browser,
on its own origin: an editor's preview panel frames it with a token and it shows
the saved draft; a tampered token shows the API's error; a published page is
found by path and switched to Spanish; no axe (WCAG 2.2 AA) violations on a phone.
"""

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.e2e.axe import PHONE, axe_report
from tests.factories.pages import StandardPageFactory
from tests.factories.users import SuperUserFactory

pytestmark = pytest.mark.e2e

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "headless"
DRAFT_TEXT = "A draft sentence no reader has seen yet."


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def frontend(live_server, settings) -> Iterator[str]:
    """The example served from its folder on 127.0.0.1 (another origin than the
    live server's localhost), allowed by CORS and named as the preview frontend."""
    handler = partial(QuietHandler, directory=str(EXAMPLE))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    settings.CORS_ALLOWED_ORIGINS = [origin]
    settings.LEARNING_HEADLESS_PREVIEW_URL = f"{origin}/?api={live_server.url}"
    cache.clear()
    yield origin
    server.shutdown()
    server.server_close()


@pytest.fixture
def about(home_pages):
    """A published page "About us" with its Spanish translation and a saved draft."""
    page = StandardPageFactory(
        parent=home_pages["en"], title="About us", slug="about", introduction="Who."
    )
    spanish = page.copy_for_translation(home_pages["es"].locale)
    spanish.title, spanish.introduction = "Quiénes somos", "Quién."
    spanish.save_revision().publish()
    page.title, page.introduction = "About us (draft)", DRAFT_TEXT
    revision = page.save_revision()
    return page, revision


@pytest.fixture
def editor(db):
    return SuperUserFactory()


@pytest.fixture
def phone_page(playwright_browser):
    context = playwright_browser.new_context(**PHONE)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_the_preview_panel_shows_the_draft_in_the_example(
    frontend, about, editor, admin_on_phone, screenshot
):
    page, revision = about
    admin = admin_on_phone(editor)

    admin.goto(
        f"{admin.url.split('/admin/')[0]}/admin/pages/{page.pk}/revisions/"
        f"{revision.pk}/view/?mode=headless"
    )

    example = admin.frame_locator("iframe")
    expect(example.locator("h1")).to_have_text("About us (draft)")
    expect(example.locator("main")).to_contain_text(DRAFT_TEXT)
    expect(example.locator("#preview-banner")).to_be_visible()


def test_a_tampered_token_shows_the_error(frontend, live_server, about, phone_page):
    phone_page.goto(f"{frontend}/?api={live_server.url}&token=forged:token")

    error = phone_page.locator(".error")
    expect(error).to_have_text("This preview link is not valid.")
    expect(error).to_have_attribute("data-code", "preview_token_invalid")
    assert DRAFT_TEXT not in phone_page.content()
    assert axe_report(phone_page) is None, axe_report(phone_page)


def test_a_published_page_by_path_then_in_spanish(
    frontend, live_server, about, phone_page
):
    phone_page.goto(f"{frontend}/?api={live_server.url}&path=/en/about/")

    expect(phone_page.locator("h1")).to_have_text("About us")
    assert DRAFT_TEXT not in phone_page.content()
    assert axe_report(phone_page) is None, axe_report(phone_page)

    phone_page.get_by_role("link", name="Español").click()

    expect(phone_page.locator("h1")).to_have_text("Quiénes somos")
    expect(phone_page.locator("main")).to_have_attribute("lang", "es")
    assert axe_report(phone_page) is None, axe_report(phone_page)
