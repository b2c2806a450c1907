"""The coordinators' event pages in the admin pass axe (WCAG 2.2 AA) on a phone."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from cms.demo.accounts import COORDINATOR_PERMISSIONS, model_permissions
from tests.e2e.settle import settle
from tests.factories import DocumentFactory, UserFactory
from tests.factories.events import (
    EventFactory,
    EventPageFactory,
    EventRsvpFactory,
    background_documents,
)
from tests.factories.users import DEFAULT_PASSWORD

pytestmark = pytest.mark.e2e

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
    "locale": "en-GB",
}
# WCAG 2.2 AA, as axe tags its rules.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}


@pytest.fixture
def coordinator_and_event(live_server):
    """A coordinator (demo permissions) and an event with answers, made before the
    browser starts (see conftest.py)."""
    group = Group.objects.create(name="Coordinators")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(access_admin, *model_permissions(COORDINATOR_PERMISSIONS))
    user = UserFactory(email="coordinator@example.org")
    user.groups.add(group)
    page = EventPageFactory(
        title="Budget transparency",
        background_documents=background_documents(DocumentFactory()),
    )
    event = EventFactory(page=page, capacity=20)
    EventRsvpFactory(event=event, name="Andrés Núñez")
    EventRsvpFactory(event=event, attending=False)
    return user, event


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_event_admin_pages_have_no_axe_violations_on_a_phone(
    coordinator_and_event, live_server, playwright_browser
):
    user, event = coordinator_and_event
    context = playwright_browser.new_context(**PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    # Avatars come from gravatar.com: keep the run offline.
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
    for name, path in {
        "list": "/admin/learning/events/",
        "inspect": f"/admin/learning/events/inspect/{event.pk}/",
        "send": f"/admin/learning/events/send-background/{event.pk}/",
    }.items():
        page.goto(base + path)
        expect(page.locator("main")).to_contain_text("Budget transparency")
        settle(page)
        results = Axe().run(page, options=AXE_OPTIONS)
        if results.violations_count:
            reports[name] = results.generate_report()
    context.close()

    assert reports == {}
