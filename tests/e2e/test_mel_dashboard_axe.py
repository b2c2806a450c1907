"""Learning → MEL: the dashboard and its drill down pass axe on a phone, and
the figures are those of the selectors."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import axe_report
from tests.learning.mel.indicator_world import build_world

pytestmark = pytest.mark.e2e


@pytest.fixture
def mel_world(live_server):
    """The finished edition with activity and answers (made before the browser)."""
    return build_world()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_mel_dashboard_has_no_axe_violations_on_a_phone(
    mel_world, live_server, admin_on_phone
):
    world = mel_world
    page = admin_on_phone(world.facilitator)
    reports = {}

    page.goto(f"{live_server.url}/admin/learning/mel/")
    page.get_by_role("link", name="MEL run").click()
    expect(page.locator("[data-indicator=attendance_rate] [data-total]")).to_have_text(
        "66% (8/12)"
    )
    expect(page.locator("svg title").first).to_be_attached()
    if report := axe_report(page):
        reports["dashboard"] = report

    page.get_by_label("Organisation", exact=True).select_option(label="Org A")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("[data-indicator=attendance_rate] [data-total]")).to_have_text(
        "83% (5/6)"
    )

    page.get_by_role("link", name="Answers: MEL run").first.click()
    expect(page.locator("main")).to_contain_text("How useful was it?")
    if report := axe_report(page):
        reports["answers"] = report

    assert reports == {}
