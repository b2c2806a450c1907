"""On a phone the header is drawn closed from the first paint: nothing moves when the
deferred script arrives, and without JavaScript the menu still opens."""

import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from cms.home.models import HomePage
from cms.pages.models import ContactPage, StandardPage
from cms.publications.models import PublicationIndexPage, PublicationPage
from cms.videos.models import VideoIndexPage, VideoPage
from learning.catalogue.models import (
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
    SessionTopicPage,
)
from learning.editions.models import Edition

pytestmark = pytest.mark.e2e

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
    "locale": "en-GB",
}
# On a phone's network the deferred script arrives after the first paint; here it
# would come before, and hide the layout shift this test is about.
SCRIPT_DELAY_SECONDS = 0.4

# Sum of the page's layout shifts so far. Every one counts: Chromium flags those after
# a Playwright navigation as "recent input", though nobody has touched the page yet.
TOTAL_LAYOUT_SHIFT = """() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) total += entry.value;
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(total), 300);
})"""


def _english(model):
    return model.objects.live().filter(locale__language_code="en").first()


@pytest.fixture
def public_urls(demo_site, live_server) -> dict[str, str]:
    """One URL of each public page type of the demo, loaded before the browser."""
    edition = Edition.objects.latest("enrolment_closes_at")  # the open one
    with translation.override("en"):
        enrol = reverse("enrolments:enrol", args=[edition.pk])
    pages = {
        "home": HomePage,
        "programme list": ProgrammeIndexPage,
        "programme and its editions": ProgrammePage,
        "module": ModulePage,
        "session topic": SessionTopicPage,
        "publication list": PublicationIndexPage,
        "publication": PublicationPage,
        "video list": VideoIndexPage,
        "video": VideoPage,
        "standard page": StandardPage,
        "contact form": ContactPage,
    }
    urls = {name: _english(model).url for name, model in pages.items()}
    urls["edition's enrolment form"] = enrol
    return {name: live_server.url + url for name, url in urls.items()}


def _phone_page(browser, **options):
    context = browser.new_context(**PHONE, **options)
    context.set_default_timeout(15_000)
    return context, context.new_page()


def _slow_script(route):
    time.sleep(SCRIPT_DELAY_SECONDS)
    route.continue_()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_layout_shift_on_a_phone_on_any_public_page_type(
    public_urls, playwright_browser
):
    context, page = _phone_page(playwright_browser)
    page.route("**/js/site.js", _slow_script)
    shifts = {}
    for name, url in public_urls.items():
        page.goto(url, wait_until="load")
        expect(page.locator("html")).to_have_class("js")
        shifts[name] = page.evaluate(TOTAL_LAYOUT_SHIFT)
        expect(page.locator("#site-nav")).to_be_hidden()
    context.close()

    assert shifts == dict.fromkeys(public_urls, 0)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_phone_menu_opens_and_has_no_axe_violations(
    public_urls, playwright_browser
):
    context, page = _phone_page(playwright_browser)
    page.goto(public_urls["home"])
    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_have_attribute("aria-expanded", "false")

    toggle.click()

    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#site-nav .menu__link").first).to_be_visible()
    results = Axe().run(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_javascript_the_phone_menu_opens_and_its_links_work(
    public_urls, playwright_browser
):
    context, page = _phone_page(playwright_browser, java_script_enabled=False)
    page.goto(public_urls["home"])
    links = page.locator("#site-nav .menu__link")
    expect(links.first).to_be_hidden()

    page.get_by_role("link", name="Menu").click()

    expect(links.first).to_be_visible()
    target = links.first.get_attribute("href")
    links.first.click()
    expect(page).to_have_url(f"{public_urls['home'].split('/en/')[0]}{target}")
    context.close()
