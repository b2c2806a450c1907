"""Browser tests: Playwright's sync API driving Debian's Chromium.

Playwright is never asked to download a browser; it starts /usr/bin/chromium (or
$CHROMIUM). Without it the tests are skipped, except in CI (CI=true), where a missing
browser is an error rather than a silent skip.

Playwright's sync API keeps an asyncio loop running in the test's thread while the
browser is open. Django refuses ORM calls there unless DJANGO_ALLOW_ASYNC_UNSAFE is
set, and even then hands the thread *another* connection (connections are
context-local under a running loop), one without the data ``serialized_rollback``
restores. Hence:
- ``playwright_browser`` is function-scoped, so the browser and its loop are gone
  before pytest-django flushes the database after the test; with a longer-lived
  browser the flush ran on that other connection and the next transactional tests
  found no locales, root page or content types.
- Prefer database work in fixtures listed before ``browser_page`` (see ``demo`` in
  test_browse_bilingual.py); queries in the test body work (the test is
  transactional, so the other connection sees committed rows).
"""

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.e2e.axe import PHONE
from tests.factories.users import DEFAULT_PASSWORD

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path():
    configured = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    return configured if os.access(configured, os.X_OK) else shutil.which("chromium")


def missing(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def playwright_browser():
    """Chromium under Playwright, started and stopped around one test."""
    executable = chromium_path()
    if not executable:
        missing(
            "no Chromium at /usr/bin/chromium or $CHROMIUM: apt-get install chromium"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright package is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(playwright_browser):
    context = playwright_browser.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(browser_page, request):
    """screenshot("step") saves test-artifacts/e2e/<test>-<n>-<step>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    steps = []

    def take(step):
        steps.append(step)
        name = f"{request.node.name}-{len(steps):02d}-{step}.png"
        browser_page.screenshot(path=ARTIFACTS / name, full_page=True)

    return take


@pytest.fixture
def admin_on_phone(live_server, playwright_browser):
    """admin_on_phone(user) signs the user in to the admin on a phone-sized page,
    offline (avatars come from gravatar.com), and returns the page; the user's
    rows are made before the browser starts (see above)."""
    from playwright.sync_api import expect

    context = playwright_browser.new_context(**PHONE)
    context.set_default_timeout(15_000)

    def sign_in(user):
        page = context.new_page()
        page.route(
            re.compile(r"^https?://(?!127\.0\.0\.1|localhost)"),
            lambda route: route.abort(),
        )
        page.goto(f"{live_server.url}/admin/login/")
        page.locator("input[name=username]").fill(user.email)
        page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
        page.locator("form button[type=submit]").click()
        expect(page).to_have_url(re.compile(r"/admin/$"))
        return page

    yield sign_in
    context.close()
