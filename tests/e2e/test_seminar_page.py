"""The seminar's page on a phone, in English and Spanish: its objectives, target
groups and days read in order, with no axe (WCAG 2.2 AA) violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.learning.editions.test_seminar_page import build_seminar

pytestmark = pytest.mark.e2e

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}


@pytest.fixture
def seminar_urls(live_server, home_pages) -> dict[str, str]:
    """The seminar's English and Spanish pages, built before the browser starts."""
    seminar = build_seminar(home_pages)
    return {
        "en": live_server.url + seminar.page.url,
        "es": live_server.url + seminar.page_es.url,
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    ("language", "locale", "days"), [("en", "en-GB", "Day 1"), ("es", "es-ES", "1")]
)
def test_the_seminar_page_on_a_phone_has_no_axe_violations(
    seminar_urls, playwright_browser, language, locale, days
):
    context = playwright_browser.new_context(**PHONE, locale=locale)
    page = context.new_page()
    page.goto(seminar_urls[language])

    expect(page.locator("#objectives")).to_be_visible()
    expect(page.locator("#target-participants")).to_be_visible()
    expect(page.locator(".seminar-day__title").first).to_contain_text(days)
    width = page.evaluate("document.documentElement.scrollWidth")
    results = Axe().run(page)
    context.close()

    assert width <= PHONE["viewport"]["width"]  # nothing scrolls sideways
    assert results.violations_count == 0, results.generate_report()
