"""Settings → Scheduled jobs and the dashboard's clock warning pass axe on a phone."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from cms.demo.accounts import COORDINATOR_PERMISSIONS, model_permissions
from learning.scheduling.models import ClockHeartbeat
from learning.scheduling.registry import ScheduledJob
from tests.e2e.axe import axe_report
from tests.factories import UserFactory
from tests.learning.scheduling.clock import declared, tick_at

pytestmark = pytest.mark.e2e


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
    coordinator_with_runs, live_server, admin_on_phone
):
    user = coordinator_with_runs
    page = admin_on_phone(user)
    base = live_server.url

    reports = {}
    expect(page.locator("[data-clock-stopped]")).to_contain_text("not running")
    if report := axe_report(page):
        reports["dashboard"] = report

    page.goto(f"{base}/admin/scheduled-jobs/")
    expect(page.locator("main")).to_contain_text("Publish scheduled pages")
    page.get_by_role("button", name="Run now: Retry webhook deliveries").click()
    expect(page.locator("body")).to_contain_text("Retry webhook deliveries is queued")
    if report := axe_report(page):
        reports["jobs"] = report

    assert reports == {}
