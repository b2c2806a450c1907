"""The secretariat's proposal pages and the members' pages in the admin pass axe
(WCAG 2.2 AA) on a phone."""

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from cms.demo.accounts import (
    COORDINATOR_PERMISSIONS,
    SECRETARIAT_PERMISSIONS,
    model_permissions,
)
from tests.e2e.axe import axe_report
from tests.factories import UserFactory
from tests.factories.proposals import (
    MembershipFactory,
    ProposalFactory,
    ProposalQuestionFactory,
    ProposalReviewFactory,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def secretary_and_proposal(live_server):
    """A person in the Secretariat and Coordinators groups, and a reviewed proposal
    with a question, made before the browser starts (see conftest.py)."""
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    user = UserFactory(email="secretary@example.org")
    for name, permissions in (
        ("Secretariat", SECRETARIAT_PERMISSIONS),
        ("Coordinators", COORDINATOR_PERMISSIONS),
    ):
        group = Group.objects.create(name=name)
        group.permissions.add(access_admin, *model_permissions(permissions))
        user.groups.add(group)
    proposal = ProposalFactory(submitted=True, title="Listening to partners")
    ProposalReviewFactory(proposal=proposal, comment="Clear and relevant.")
    ProposalQuestionFactory(proposal=proposal)
    MembershipFactory(programme=proposal.call.get_parent().specific)
    return user, proposal


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_proposal_admin_pages_have_no_axe_violations_on_a_phone(
    secretary_and_proposal, live_server, admin_on_phone
):
    user, proposal = secretary_and_proposal
    page = admin_on_phone(user)
    base = live_server.url

    title = "Listening to partners"
    pages = {
        "list": ("/admin/learning/proposals/", title),
        "inspect": (f"/admin/learning/proposals/inspect/{proposal.pk}/", title),
        "review": (f"/admin/learning/proposals/review/{proposal.pk}/", title),
        "ask": (f"/admin/learning/proposals/ask/{proposal.pk}/", title),
        "accept": (f"/admin/learning/proposals/accept/{proposal.pk}/", title),
        "decline": (f"/admin/learning/proposals/decline/{proposal.pk}/", title),
        "members": ("/admin/learning/members/", "Members"),
        "add member": ("/admin/learning/members/new/", "Member"),
    }
    reports = {}
    for name, (path, text) in pages.items():
        page.goto(base + path)
        expect(page.locator("main")).to_contain_text(text)
        if report := axe_report(page):
            reports[name] = report

    assert reports == {}
