"""A Spanish translator updates a module page in the translation editor, sends it to
review, and an editor approves it: the Spanish site then shows the new text."""

import re
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db import transaction
from playwright.sync_api import expect
from wagtail.models import Locale

from cms.translations.selectors import translation_status_matrix
from learning.catalogue.models import ModulePage, ProgrammePage

pytestmark = pytest.mark.e2e

PASSWORD = "mutual-demo"  # noqa: S105 - load_demo's published demo password
NEW_INTRODUCTION = "Module one now starts with a short self-assessment."
SPANISH_SENTENCE = "El módulo uno empieza ahora con una breve autoevaluación."


@dataclass(frozen=True)
class Outdated:
    en_pk: int
    es_pk: int
    es_url: str
    en_title: str


@pytest.fixture
def outdated_module(live_server):
    """The demo, with English Module 1's introduction changed and published, so
    its Spanish translation has one string to translate (loaded before the
    browser starts, see conftest.py)."""
    call_command("load_demo", verbosity=0)
    programme = ProgrammePage.objects.get(
        locale__language_code="en", title__icontains="Mutual Learning"
    )
    module_en = ModulePage.objects.child_of(programme).get(module_number=1)
    module_es = module_en.get_translations().get(locale__language_code="es").specific
    # One transaction, like a request: the translations app syncs the Spanish
    # side when it commits.
    with transaction.atomic():
        module_en.introduction = NEW_INTRODUCTION
        module_en.save_revision().publish()
    spanish = Locale.objects.get(language_code="es")
    (row,) = translation_status_matrix(objects=[module_en], locales=[spanish])
    cell = row.cells["es"]
    assert (cell.status, cell.untranslated) == ("outdated", 1)
    return Outdated(en_pk=module_en.pk, es_pk=module_es.pk, es_url=module_es.url, en_title=module_en.title)


def log_in(page, base_url, email):
    page.goto(f"{base_url}/admin/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_translator_updates_module_and_editor_approves(
    outdated_module, live_server, browser_page, screenshot
):
    page = browser_page
    base = live_server.url

    log_in(page, base, "translator-es@example.org")
    page.goto(f"{base}/admin/pages/{outdated_module.es_pk}/edit/")
    screenshot("editor-opened")
    page.get_by_role("button", name=re.compile("^Translate with")).click()
    segment = page.locator("li").filter(has=page.get_by_text(NEW_INTRODUCTION, exact=True)).last
    expect(segment).to_contain_text("[ES·MT] " + NEW_INTRODUCTION)
    screenshot("machine-translated")
    segment.get_by_role("button", name="Edit").click()
    segment.locator("textarea").fill(SPANISH_SENTENCE)
    with page.expect_response(lambda r: r.request.method == "PUT") as saved:
        segment.get_by_role("button", name="Save").click()
    assert saved.value.ok
    expect(segment).to_contain_text("Translated manually")
    screenshot("segment-edited")

    page.goto(f"{base}/admin/")
    row = page.locator("[data-translations-panel] tr").filter(has_text=outdated_module.en_title)
    screenshot("dashboard-translator")
    row.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messages")).to_contain_text("submitted for review")
    screenshot("submitted")
    page.locator("[data-w-dropdown-target=toggle], .sidebar-footer button").first.click()
    page.wait_for_timeout(500)
    screenshot("account-menu")
    print(page.locator("#wagtail-sidebar, aside").first.evaluate("e => e.outerHTML")[-4000:])
