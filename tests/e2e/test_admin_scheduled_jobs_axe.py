"""Settings → Scheduled jobs and the dashboard's clock warning pass axe on a phone."""

import re
from datetime import UTC, datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from cms.demo.accounts import COORDINATOR_PERMISSIONS, model_permissions
from learning.scheduling.models import ClockHeartbeat
from learning.scheduling.registry import ScheduledJob
from tests.e2e.settle import settle
from tests.factories import UserFactory
from tests.factories.users import DEFAULT_PASSWORD
from tests.learning.scheduling.clock import declared, tick_at

pytestmark = pytest.mark.e2e

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
    "locale": "en-GB",
}
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}


def broken() -> str:
    raise RuntimeError("the receiver is down")


@pytest.fixture
def coordinator_with_runs(live_server):
    """A coordinator, a clock that stopped long ago, a success and a failure."""
    group = Group.objects.create(name="Coordinators")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(access_admin, *model_permissions(COORDINATOR_PERMISSIONS))
    user = UserFactory(email="coordinator@example.org")
    user.groups.add(group)
    job = ScheduledJob(
        name="test_broken", label="Broken", cron="0 3 * * *", function=broken
    )
    with declared(job):
        tick_at(datetime(2026, 3, 2, 12, 0, tzinfo=UTC))
    assert ClockHeartbeat.objects.exists()
    return user


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_scheduled_jobs_page_has_no_axe_violations_on_a_phone(
    coordinator_with_runs, live_server, playwright_browser
):
    user = coordinator_with_runs
    context = playwright_browser.new_context(**PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.route(
        re.compile(r"^https?://(?!127\.0\.0\.1|localhost)"),
        lambda route: route.abort(),
    )
    base = live_server.url
    page.goto(f"{base}/admin/login/")
    page.locator("input[name=username]").fill(user.email)
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    reports = {}
    expect(page.locator("[data-clock-stopped]")).to_contain_text("not running")
    settle(page)
    results = Axe().run(page, options=AXE_OPTIONS)
    if results.violations_count:
        reports["dashboard"] = results.generate_report()

    page.goto(f"{base}/admin/scheduled-jobs/")
    expect(page.locator("main")).to_contain_text("Publish scheduled pages")
    page.get_by_role("button", name="Run now: Retry webhook deliveries").click()
    expect(page.locator("body")).to_contain_text("Retry webhook deliveries is queued")
    settle(page)
    results = Axe().run(page, options=AXE_OPTIONS)
    if results.violations_count:
        reports["jobs"] = results.generate_report()
    context.close()

    assert reports == {}
