"""A visitor browses the demo site in English, switches to Spanish and searches."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from learning.catalogue.models import ModulePage, ProgrammePage

pytestmark = pytest.mark.e2e


def path_of(page):
    parts = urlsplit(page.url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def mutual_learning_program():
    """The English programme, its Module 1 and that module's Spanish translation."""
    programme = ProgrammePage.objects.get(
        locale__language_code="en", title__icontains="Mutual Learning"
    )
    english = ModulePage.objects.child_of(programme).get(module_number=1)
    spanish = english.get_translations().get(locale__language_code="es").specific
    return programme, english, spanish


def link_to(page, url):
    """The first link in the page's main content that points at `url`."""
    return page.locator(f"main a[href='{url}']").first


# Transactional: the live server's thread must see the demo; serialized_rollback puts
# back the rows Wagtail's migrations made (root page, locales) for later tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_browse_module_one_switch_to_spanish_and_search(
    live_server, browser_page, screenshot
):
    call_command("load_demo", verbosity=0)
    programme, english, spanish = mutual_learning_program()
    page = browser_page

    page.goto(f"{live_server.url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    screenshot("home-en")

    link_to(page, programme.url).click()
    expect(page).to_have_url(re.compile(re.escape(programme.url) + "$"))
    expect(page.locator("h1")).to_contain_text(programme.title)
    screenshot("programme-en")

    link_to(page, english.url).click()
    expect(page).to_have_url(re.compile(re.escape(english.url) + "$"))
    expect(page.locator("h1")).to_contain_text(english.title)
    screenshot("module-1-en")

    page.locator("a[hreflang=es]", has_text="Español").first.click()
    expect(page).to_have_url(re.compile(re.escape(spanish.url) + "$"))
    assert path_of(page).startswith("/es/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("h1")).to_contain_text(spanish.title)
    assert spanish.translation_key == english.translation_key
    screenshot("module-1-es")

    search_box = page.locator("header").get_by_role("searchbox")
    search_box.fill("diálogo")
    search_box.press("Enter")
    expect(page).to_have_url(re.compile(r"/es/search/\?q="))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    results = page.locator("main a[href^='/es/']")
    expect(results.first).to_be_visible()
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all(href.startswith("/es/") for href in hrefs)
    assert not page.locator("main a[href^='/en/']").count()
    screenshot("search-es")
