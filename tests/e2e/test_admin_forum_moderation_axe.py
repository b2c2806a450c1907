"""Learning → Flagged posts (the queue, a post's history, the dashboard panel) and
the forum page's "Open a thread" form pass axe (WCAG 2.2 AA) on a phone."""

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from cms.demo.accounts import FACILITATOR_PERMISSIONS, model_permissions
from learning.forum.services import post_create, post_flag
from tests.e2e.axe import axe_report
from tests.learning.forum.conftest import forum_world

pytestmark = pytest.mark.e2e


@pytest.fixture
def flagged_world(live_server):
    """The forum world, its facilitator in the demo Facilitators group, and one
    flagged post in edition A (made before the browser starts, see conftest.py)."""
    world = forum_world()
    group = Group.objects.create(name="Facilitators")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(access_admin, *model_permissions(FACILITATOR_PERMISSIONS))
    world.facilitator.groups.add(group)
    post = post_create(
        thread=world.thread(world.edition_a),
        author=world.colleague_a.user,
        body="Call me on +44 20 7946 0000 any time",
    )
    post_flag(post=post, user=world.participant_a.user, reason="personal_data")
    return world, post


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_moderation_pages_have_no_axe_violations_on_a_phone(
    flagged_world, live_server, admin_on_phone
):
    world, post = flagged_world
    page = admin_on_phone(world.facilitator)
    base = live_server.url

    reports = {}
    for name, (path, text) in {
        "dashboard": ("/admin/", "1 flagged post waits for review"),
        "queue": ("/admin/learning/flagged-posts/", "Call me on"),
        "queue-all": ("/admin/learning/flagged-posts/?show=all", "Call me on"),
        "history": (
            f"/admin/learning/flagged-posts/{post.pk}/history/",
            "Forum post flagged",
        ),
        "forum": (f"/en/forum/{world.edition_a.pk}/", "Open a thread"),
    }.items():
        page.goto(base + path)
        expect(page.locator("main")).to_contain_text(text)
        if report := axe_report(page):
            reports[name] = report

    assert reports == {}
