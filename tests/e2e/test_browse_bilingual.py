"""A visitor browses the demo site in English, switches to Spanish and searches."""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from learning.catalogue.models import ModulePage, ProgrammePage

pytestmark = pytest.mark.e2e


@dataclass(frozen=True)
class DemoPage:
    url: str
    title: str


@dataclass(frozen=True)
class Demo:
    programme: DemoPage
    module_en: DemoPage
    module_es: DemoPage


@pytest.fixture
def demo(demo_site, live_server):
    """The demo site, loaded before the browser starts (see conftest.py)."""
    programme = ProgrammePage.objects.get(
        locale__language_code="en", title__icontains="Mutual Learning"
    )
    module_en = ModulePage.objects.child_of(programme).get(module_number=1)
    # The page the switcher must lead to: Module 1's own Spanish translation.
    module_es = module_en.get_translations().get(locale__language_code="es")
    return Demo(
        programme=DemoPage(programme.url, programme.title),
        module_en=DemoPage(module_en.url, module_en.title),
        module_es=DemoPage(module_es.url, module_es.title),
    )


def at(url):
    """Matches a browser URL whose path (and query) is `url`."""
    return re.compile(r"^https?://[^/]+" + re.escape(url) + "$")


def link_to(page, url):
    """The first link in the page's main content that points at `url`."""
    return page.locator(f"main a[href='{url}']").first


# Transactional, so that the live server's thread sees the demo; serialized_rollback
# puts back what Wagtail's migrations made (root page, locale) for later tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_browse_module_one_switch_to_spanish_and_search(
    demo, live_server, browser_page, screenshot
):
    page = browser_page

    page.goto(f"{live_server.url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    screenshot("home-en")

    link_to(page, demo.programme.url).click()
    expect(page).to_have_url(at(demo.programme.url))
    expect(page.locator("h1")).to_contain_text(demo.programme.title)
    screenshot("programme-en")

    link_to(page, demo.module_en.url).click()
    expect(page).to_have_url(at(demo.module_en.url))
    expect(page.locator("h1")).to_contain_text(demo.module_en.title)
    screenshot("module-1-en")

    page.locator("a[hreflang=es]", has_text="Español").first.click()
    expect(page).to_have_url(at(demo.module_es.url))
    assert urlsplit(page.url).path.startswith("/es/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("h1")).to_contain_text(demo.module_es.title)
    screenshot("module-1-es")

    search_box = page.locator("header").get_by_role("searchbox")
    search_box.fill("diálogo")
    search_box.press("Enter")
    expect(page).to_have_url(re.compile(r"/es/search/\?q="))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    results = page.locator("main a[href^='/es/']")
    expect(results.first).to_be_visible()
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert demo.module_es.url in hrefs
    assert page.locator("main a[href^='/en/']").count() == 0
    screenshot("search-es")
