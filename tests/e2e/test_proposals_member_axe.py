"""A member's pages of a call for proposals on a phone, in English and Spanish: the
call page (visitor, member, non-member), the form with its error summary, "My
proposals", a proposal with a question to answer, the withdrawal's confirmation.
Every page has no axe (WCAG 2.2 AA) violation and nothing scrolls sideways."""

from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from tests.e2e.settle import settle
from tests.factories.proposals import (
    MembershipFactory,
    ProposalFactory,
    ProposalQuestionFactory,
)
from tests.factories.users import UserFactory
from tests.learning.proposals.call_site import call_site_build

pytestmark = pytest.mark.e2e

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}


@dataclass(frozen=True)
class Scene:
    base: str
    call_urls: dict[str, str]
    create_path: str
    proposal_id: int
    member_cookie: str
    outsider_cookie: str


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture
def scene(live_server, home_pages) -> Scene:
    """The call in both languages and a member with a questioned proposal; built
    before the browser starts (see conftest.py)."""
    site = call_site_build(home_pages)
    proposal = ProposalFactory(call=site.call, submitted=True)
    MembershipFactory(programme=site.programme, organisation=proposal.organisation)
    ProposalQuestionFactory(proposal=proposal)
    return Scene(
        base=live_server.url,
        call_urls={"en": site.call.url, "es": site.call_es.url},
        create_path=f"proposals/call/{site.call.pk}/new/",
        proposal_id=proposal.pk,
        member_cookie=session_cookie(proposal.proposer),
        outsider_cookie=session_cookie(UserFactory()),
    )


def phone(browser, scene: Scene, locale: str, cookie: str = "") -> Page:
    context = browser.new_context(**PHONE, locale=locale)
    context.set_default_timeout(15_000)
    if cookie:
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": cookie,
                    "url": scene.base,
                }
            ]
        )
    return context.new_page()


def check(page: Page, reports: dict[str, str], name: str) -> None:
    settle(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["viewport"]["width"]:
        reports[name] = f"scrolls sideways: {width}px"
    results = Axe().run(page, options=AXE_OPTIONS)
    if results.violations_count:
        reports[name] = results.generate_report()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_members_pages_pass_axe_on_a_phone(scene, playwright_browser, language):
    reports: dict[str, str] = {}
    base, prefix = scene.base, f"{scene.base}/{language}/"

    page = phone(playwright_browser, scene, language)
    page.goto(base + scene.call_urls[language])
    expect(page.locator("[data-sign-in]")).to_be_visible()
    check(page, reports, "call-visitor")
    page.context.close()

    page = phone(playwright_browser, scene, language, scene.outsider_cookie)
    page.goto(base + scene.call_urls[language])
    expect(page.locator("[data-not-member]")).to_be_visible()
    check(page, reports, "call-not-member")
    page.goto(prefix + scene.create_path)
    check(page, reports, "form-not-member")
    page.context.close()

    page = phone(playwright_browser, scene, language, scene.member_cookie)
    page.goto(base + scene.call_urls[language])
    page.locator("a[data-propose]").click()
    # The call page in each language links with its own page id.
    page.wait_for_url("**/proposals/call/*/new/")
    expect(page.locator("input[name=title]")).to_be_visible()
    check(page, reports, "form")
    page.fill("input[name=title]", "A session")
    page.locator("button[data-submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    check(page, reports, "form-errors")
    page.goto(prefix + "proposals/")
    check(page, reports, "my-proposals")
    page.goto(f"{prefix}proposals/{scene.proposal_id}/")
    expect(page.locator("[data-question] textarea")).to_be_visible()
    check(page, reports, "proposal")
    page.goto(f"{prefix}proposals/{scene.proposal_id}/withdraw/")
    check(page, reports, "withdraw")
    page.context.close()

    assert reports == {}
