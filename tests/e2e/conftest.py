"""Browser tests: Playwright's sync API driving Debian's Chromium.

Playwright is never asked to download a browser; it starts /usr/bin/chromium (or
$CHROMIUM). Without it the tests are skipped, except in CI (CI=true), where a missing
browser is an error rather than a silent skip.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio loop in this thread; Django's ORM calls made
# by the test itself (fixtures, assertions) would otherwise be refused as async-unsafe.
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


# Per module, so that Playwright's event loop does not outlive the browser tests.
@pytest.fixture(scope="module")
def chromium():
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
def browser_page(chromium):
    context = chromium.new_context(
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
