"""A Spanish translator updates a module page in the translation editor, sends it to
review, and an editor approves it: the Spanish site then shows the new text."""

import re
from dataclasses import dataclass

import pytest
from django.db import transaction
from playwright.sync_api import expect
from wagtail.models import Locale

from cms.demo.management.commands.load_demo import DEFAULT_PASSWORD as PASSWORD
from cms.translations.selectors import translation_status_matrix
from learning.catalogue.models import ModulePage, ProgrammePage

pytestmark = pytest.mark.e2e

NEW_INTRODUCTION = "Module one now starts with a short self-assessment."
SPANISH_SENTENCE = "El módulo uno empieza ahora con una breve autoevaluación."


@dataclass(frozen=True)
class Outdated:
    en_pk: int
    es_pk: int
    es_url: str
    en_title: str
    es_title: str


@pytest.fixture
def outdated_module(demo_site, live_server):
    """The demo, with English Module 1's introduction changed and published, so
    its Spanish translation has one string to translate (loaded before the
    browser starts, see conftest.py)."""
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
    return Outdated(
        en_pk=module_en.pk,
        es_pk=module_es.pk,
        es_url=module_es.url,
        en_title=module_en.title,
        es_title=module_es.title,
    )


def log_in(page, base_url, email):
    page.goto(f"{base_url}/admin/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def log_out(page):
    """Through the account menu at the foot of the admin sidebar."""
    page.locator(".sidebar-footer__account").click()
    page.locator("form[action$='/admin/logout/'] button").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))


# Transactional, so that the live server's thread sees the demo; serialized_rollback
# puts back what Wagtail's migrations made (root page, locale) for later tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def open_dropdown(toggle, item) -> None:
    """Open a Wagtail dropdown until `item` shows: a click that lands before the
    admin's scripts have started opens nothing, so the click is repeated."""
    expect(toggle).to_be_visible()
    for _attempt in range(5):
        toggle.click()
        try:
            expect(item).to_be_visible(timeout=2_000)
            return
        except AssertionError:
            continue
    expect(item).to_be_visible()


def test_translator_updates_a_module_and_the_editor_approves_it(
    outdated_module, live_server, browser_page, screenshot
):
    page = browser_page
    base = live_server.url
    # Avatars come from gravatar.com: keep the run offline and "load" prompt.
    page.context.route(
        re.compile(r"^https?://(?!127\.0\.0\.1|localhost)"),
        lambda route: route.abort(),
    )

    # The translator opens the Spanish page: wagtail-localize's editor.
    log_in(page, base, "translator-es@example.org")
    page.goto(f"{base}/admin/pages/{outdated_module.es_pk}/edit/")
    segment = (
        page.locator("li")
        .filter(has=page.get_by_text(NEW_INTRODUCTION, exact=True))
        .last
    )
    expect(segment).to_be_visible()
    screenshot("translation-editor")

    page.get_by_role(
        "button", name=re.compile(r"^(Translate with|Traducir con)")
    ).click()
    expect(segment).to_contain_text(f"[ES·MT] {NEW_INTRODUCTION}")
    screenshot("machine-translated")

    segment.get_by_role("button", name=re.compile(r"^(Edit|Editar)$")).click()
    segment.locator("textarea").fill(SPANISH_SENTENCE)
    with page.expect_response(lambda r: r.request.method == "PUT") as saved:
        segment.get_by_role("button", name=re.compile(r"^(Save|Guardar)$")).click()
    assert saved.value.ok
    expect(segment).to_contain_text(SPANISH_SENTENCE)
    expect(segment).not_to_contain_text("[ES·MT]")
    screenshot("segment-edited")

    # The dashboard's translations panel offers "Submit for review".
    page.goto(f"{base}/admin/")
    work = page.locator("[data-translations-panel] tr").filter(
        has_text=outdated_module.en_title
    )
    screenshot("translator-dashboard")
    work.locator("form[action*='/translations/submit/'] button").click()
    expect(page.locator(".messages")).to_contain_text(outdated_module.es_title)
    screenshot("submitted-for-review")

    # Not live yet: a visitor still sees the old Spanish page.
    visitor = page.context.browser.new_page()
    visitor.goto(f"{base}{outdated_module.es_url}")
    expect(visitor.locator("h1")).to_contain_text(outdated_module.es_title)
    expect(visitor.locator("main")).not_to_contain_text(SPANISH_SENTENCE)
    visitor.close()
    log_out(page)

    # The editor (a Spanish reviewer) approves it from "Awaiting your review".
    log_in(page, base, "editor@example.org")
    review = page.locator("#awaiting-review-section tr").filter(
        has_text=outdated_module.es_title
    )
    screenshot("editor-dashboard")
    approve = review.locator(
        "button[data-workflow-action-url*='/approve/']:not([data-launch-modal])"
    )
    actions = review.locator("[aria-label=Actions], [aria-label=Acciones]")
    open_dropdown(actions, approve)
    screenshot("review-actions")
    approve.click()
    expect(review).to_have_count(0)
    screenshot("approved")
    log_out(page)

    # Published: the Spanish site shows the translator's sentence.
    page.goto(f"{base}{outdated_module.es_url}")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("h1")).to_contain_text(outdated_module.es_title)
    expect(page.locator("main")).to_contain_text(SPANISH_SENTENCE)
    expect(page.locator("main")).not_to_contain_text("[ES·MT]")
    screenshot("spanish-page")
