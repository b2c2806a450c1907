"""The CoLab's proposals end to end on a phone, in the demo site: a member proposes
a session in Spanish, the secretariat scores and accepts it in the admin, and an
editor finds the session's page as a draft in the Spanish page tree. The French
CoLab pages pass axe too. Every page is checked against WCAG 2.2 AA."""

import re
from calendar import monthrange
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from cms.demo.content import colab
from cms.demo.management.commands.load_demo import DEFAULT_PASSWORD as PASSWORD
from cms.demo.specs import demo_translation_key
from learning.proposals.enums import ProposalStatus
from learning.proposals.models import CallForProposalsPage, Proposal
from tests.e2e.axe import PHONE, axe_report

pytestmark = pytest.mark.e2e

MEMBER = colab.MEMBER_BOLIVIA  # proposes in Spanish, the language they prefer
TITLE = "Círculos de hombres jóvenes contra la violencia en el noviazgo"
SUMMARY = "Cómo grupos de jóvenes de El Alto hablan de celos, control y violencia."
LESSONS = "Los grupos mixtos no funcionaron al inicio; los grupos de pares, sí."
RESULTS = "Ocho colegios usan hoy la guía; 300 jóvenes participaron en dos años."
PARTNERS = "Colectivo de Mujeres de El Alto."


@dataclass(frozen=True)
class Scene:
    call_url_es: str
    programme_es_id: int
    french_urls: dict[str, str]


def in_own_thread(read):
    """Run a query on a connection of its own: Playwright's loop runs in the test's
    thread (see conftest.py)."""

    def run():
        try:
            return read()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def proposed() -> Proposal:
    return in_own_thread(
        lambda: Proposal.objects.select_related("session_page__locale").get(title=TITLE)
    )


@pytest.fixture
def scene(demo_site, live_server) -> Scene:
    """The demo's CoLab pages, read before the browser starts (see conftest.py)."""
    call = CallForProposalsPage.objects.get(
        translation_key=demo_translation_key(colab.CALL_KEY),
        locale__language_code="en",
    )
    programme = call.get_parent().specific
    sessions = [
        Proposal.objects.get(call=call, title=session.proposal.title).session_page
        for session in colab.SESSIONS
    ]
    french = {
        "programme": programme,
        "call": call,
        **{f"session-{n}": page for n, page in enumerate(sessions)},
    }
    spanish, french_locale = (
        Locale.objects.get(language_code=code) for code in ("es", "fr")
    )
    return Scene(
        call_url_es=live_server.url + call.get_translation(spanish).url,
        programme_es_id=programme.get_translation(spanish).pk,
        french_urls={
            name: live_server.url + page.get_translation(french_locale).url
            for name, page in french.items()
        },
    )


def assert_accessible(page: Page) -> None:
    report = axe_report(page)
    assert report is None, report


def wait_for_message(page: Page) -> None:
    # Wagtail's message fades in; axe would judge its contrast mid-fade.
    expect(page.locator(".messages > ul")).to_have_css("opacity", "1")


def phone(browser, locale: str) -> Page:
    context = browser.new_context(**{**PHONE, "locale": locale})
    context.set_default_timeout(15_000)
    page = context.new_page()
    # Avatars come from gravatar.com: keep the run offline.
    page.route(
        re.compile(r"^https?://(?!127\.0\.0\.1|localhost)"), lambda route: route.abort()
    )
    return page


def admin_sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def propose(browser, scene: Scene, base: str) -> None:
    """The member signs in on the site, opens the call and submits a proposal."""
    page = phone(browser, "es-BO")
    page.goto(f"{base}/es/accounts/sign-in/?next={scene.call_url_es[len(base) :]}")
    page.locator("input[name=username]").fill(MEMBER)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(scene.call_url_es)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert_accessible(page)

    page.locator("a[data-propose]").click()
    expect(page).to_have_url(re.compile(r"/es/proposals/call/\d+/new/$"))
    assert_accessible(page)
    page.fill("input[name=title]", TITLE)
    page.select_option("select[name=language]", "es")
    page.fill("textarea[name=summary]", SUMMARY)
    page.fill("textarea[name=lessons_learned]", LESSONS)
    page.fill("textarea[name=results]", RESULTS)
    page.fill("textarea[name=partners]", PARTNERS)
    for language in ("es", "en"):
        page.check(f"input[name=session_languages][value={language}]")
    page.fill("input[name=preferred_month]", f"{next_month():%Y-%m}")
    page.check("input[name=alignment]")
    page.locator("button[data-submit]").click()

    expect(page).to_have_url(re.compile(r"/es/proposals/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE)
    expect(page.locator("main [data-status]")).to_have_attribute(
        "data-status", ProposalStatus.SUBMITTED
    )
    assert_accessible(page)
    proposal = proposed()
    assert (proposal.status, proposal.language) == (ProposalStatus.SUBMITTED, "es")
    page.context.close()


def review_and_accept(browser, base: str) -> None:
    """The secretariat scores the proposal on every criterion, then accepts it."""
    proposal = proposed()
    page = phone(browser, "en-GB")
    admin_sign_in(page, base, colab.SECRETARIAT_EMAIL)
    page.goto(f"{base}/admin/learning/proposals/")
    expect(page.locator("main")).to_contain_text(TITLE)
    assert_accessible(page)
    page.locator("main").get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(re.compile(rf"/inspect/{proposal.pk}/$"))
    assert_accessible(page)

    page.goto(f"{base}/admin/learning/proposals/review/{proposal.pk}/")
    scores = page.locator("main select[name^=score_]")
    expect(scores).to_have_count(len(colab.RUBRIC))
    assert_accessible(page)
    for index in range(len(colab.RUBRIC)):
        scores.nth(index).select_option("4")
    page.fill("textarea[name=comment]", "Clear lessons; partners could do more.")
    page.locator("main form[method=post] button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(rf"/inspect/{proposal.pk}/$"))
    wait_for_message(page)
    assert_accessible(page)
    assert in_own_thread(lambda: proposal.reviews.count()) == 1

    page.goto(f"{base}/admin/learning/proposals/accept/{proposal.pk}/")
    assert_accessible(page)
    day = next_month() + timedelta(days=17)
    page.select_option("select[name=time_zone]", "UTC")
    page.fill("input[name=starts_at]", f"{day:%Y-%m-%d} 14:00")
    page.fill("input[name=rsvp_closes_at]", f"{day - timedelta(days=2):%Y-%m-%d} 17:00")
    page.keyboard.press("Escape")  # close the date picker
    page.fill("input[name=duration_minutes]", "90")
    for language in ("en", "fr"):
        page.check(f"input[name=interpretation_languages][value={language}]")
    page.locator("main form[method=post] button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(rf"/inspect/{proposal.pk}/$"))
    wait_for_message(page)
    assert_accessible(page)
    page.context.close()


def find_draft_in_page_tree(browser, scene: Scene, base: str) -> None:
    """An editor opens the Spanish programme in the page tree: the session is there,
    a draft, in the proposal's language, ready for editing and translation."""
    proposal = proposed()
    assert proposal.status == ProposalStatus.ACCEPTED
    session = proposal.session_page
    assert (session.live, session.locale.language_code) == (False, "es")
    assert session.title == TITLE

    page = phone(browser, "en-GB")
    admin_sign_in(page, base, "editor@example.org")
    page.goto(f"{base}/admin/pages/{scene.programme_es_id}/")
    row = page.locator("main tr", has_text=TITLE)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(re.compile("draft", re.IGNORECASE))
    assert_accessible(page)
    page.goto(f"{base}/admin/pages/{session.pk}/edit/")
    expect(page.locator("input[name=title]")).to_have_value(TITLE)
    page.context.close()


def next_month():
    today = timezone.now().date()
    return today.replace(day=1) + timedelta(days=monthrange(today.year, today.month)[1])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_member_proposes_the_secretariat_accepts_and_the_session_is_a_draft(
    scene, live_server, playwright_browser
):
    base = live_server.url
    propose(playwright_browser, scene, base)
    review_and_accept(playwright_browser, base)
    find_draft_in_page_tree(playwright_browser, scene, base)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_french_colab_pages_pass_axe_on_a_phone(scene, playwright_browser):
    page = phone(playwright_browser, "fr-FR")
    reports = {}
    for name, url in scene.french_urls.items():
        page.goto(url)
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        if report := axe_report(page):
            reports[name] = report
    page.context.close()
    assert reports == {}
