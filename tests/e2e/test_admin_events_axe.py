"""The coordinators' event pages in the admin pass axe (WCAG 2.2 AA) on a phone."""

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from cms.demo.accounts import COORDINATOR_PERMISSIONS, model_permissions
from tests.e2e.axe import axe_report
from tests.factories import DocumentFactory, UserFactory
from tests.factories.events import (
    EventFactory,
    EventPageFactory,
    EventRsvpFactory,
    background_documents,
)

pytestmark = pytest.mark.e2e


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
    coordinator_and_event, live_server, admin_on_phone
):
    user, event = coordinator_and_event
    page = admin_on_phone(user)
    base = live_server.url

    reports = {}
    for name, path in {
        "list": "/admin/learning/events/",
        "inspect": f"/admin/learning/events/inspect/{event.pk}/",
        "send": f"/admin/learning/events/send-background/{event.pk}/",
    }.items():
        page.goto(base + path)
        expect(page.locator("main")).to_contain_text("Budget transparency")
        if report := axe_report(page):
            reports[name] = report

    assert reports == {}
