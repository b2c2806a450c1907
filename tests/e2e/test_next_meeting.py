"""On a phone: a participant reviews a material and answers a question from the
"Your next meeting" card, and sees both counts change; the pages pass axe."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import PHONE, axe_report
from tests.factories.users import DEFAULT_PASSWORD
from tests.learning.preparation.conftest import prep_world

pytestmark = pytest.mark.e2e

ANSWER = "We listen first, then we decide together."


@pytest.fixture
def world(transactional_db):
    return prep_world()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_participant_prepares_from_the_next_meeting_card(
    world, live_server, playwright_browser
):
    context = playwright_browser.new_context(**PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    base = live_server.url
    page.goto(f"{base}/en/accounts/sign-in/?next=/en/my-programme/")
    page.locator("input[name=username]").fill(world.participant_a.user.email)
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    card = page.locator(f"[data-next-meeting='{world.edition.pk}']")
    expect(card.locator("[data-review-count]")).to_have_text("0 of 2 reviewed")
    expect(card.locator("[data-answer-count]")).to_have_text("0 of 2 answered")
    reports = {"programme": axe_report(page)}

    card.locator("[data-mark-reviewed]").first.click()
    expect(card.locator("[data-review-count]")).to_have_text("1 of 2 reviewed")

    card.locator("[data-answer-link]").first.click()
    page.locator("textarea[name=body]").fill(ANSWER)
    page.locator("[data-submit-post]").click()
    expect(page.locator("[data-post-body]", has_text=ANSWER)).to_be_visible()

    page.goto(f"{base}/en/my-programme/")
    expect(card.locator("[data-answer-count]")).to_have_text("1 of 2 answered")
    expect(card.locator("[data-review-count]")).to_have_text("1 of 2 reviewed")
    card.locator("[data-following-meetings] summary").click()
    reports["programme-after"] = axe_report(page)
    page.goto(f"{base}/en/forum/{world.edition.pk}/")
    expect(page.locator("[data-thread-scope='mine']")).to_be_visible()
    reports["forum"] = axe_report(page)
    context.close()

    facilitator = playwright_browser.new_context(**PHONE).new_page()
    facilitator.goto(f"{base}/en/accounts/sign-in/?next=/en/my-programme/")
    facilitator.locator("input[name=username]").fill(world.facilitator.email)
    facilitator.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    facilitator.get_by_role("button", name="Sign in").click()
    facilitator.locator("[data-readiness-link]").first.click()
    person = facilitator.locator(f"[data-meeting='{world.module_1.pk}']").locator(
        f"[data-person='{world.participant_a.pk}']"
    )
    expect(person.locator("[data-reviewed]")).to_have_text("1 of 2 reviewed")
    expect(person.locator("[data-answered]")).to_have_text("1 of 2 answered")
    reports["readiness"] = axe_report(facilitator)

    assert {name: r for name, r in reports.items() if r} == {}
