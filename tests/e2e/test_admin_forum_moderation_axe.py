"""Learning → Flagged posts (the queue, a post's history, the dashboard panel) and
the forum page's "Open a thread" form pass axe (WCAG 2.2 AA) on a phone."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from cms.demo.accounts import FACILITATOR_PERMISSIONS, model_permissions
from learning.forum.services import post_create, post_flag
from tests.e2e.settle import settle
from tests.factories.users import DEFAULT_PASSWORD
from tests.learning.forum.conftest import forum_world

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
    flagged_world, live_server, playwright_browser
):
    world, post = flagged_world
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
    page.locator("input[name=username]").fill(world.facilitator.email)
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

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
        settle(page)
        results = Axe().run(page, options=AXE_OPTIONS)
        if results.violations_count:
            reports[name] = results.generate_report()
    context.close()

    assert reports == {}
