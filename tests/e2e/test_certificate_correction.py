"""A coordinator corrects a certificate's name in the admin; the new and the old
verification pages say what happened; every page passes axe (WCAG 2.2 AA) on a phone."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, Permission
from django.core import mail
from playwright.sync_api import expect

from cms.demo.accounts import COORDINATOR_PERMISSIONS, model_permissions
from learning.certificates.services import certificate_issue
from tests.cms.conftest import bilingual_roots
from tests.e2e.settle import settle
from tests.factories import UserFactory
from tests.factories.users import DEFAULT_PASSWORD
from tests.learning.certificates.conftest import course_build
from tests.learning.public_site import public_programme

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
VERIFY_LINK = re.compile(r"/verify/([A-Z2-7-]+)/")


@pytest.fixture
def issued(live_server):
    """A coordinator and Ana's certificate printed "Ana Nunez", with its code;
    made before the browser starts (see conftest.py)."""
    group = Group.objects.create(name="Coordinators")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(access_admin, *model_permissions(COORDINATOR_PERMISSIONS))
    user = UserFactory(email="coordinator@example.org")
    user.groups.add(group)
    home_pages, _locales = bilingual_roots()
    course = course_build(public_programme(home_pages), title="Edition 2029")
    ana = course.enrol(email="ana@example.org", modules=(1,))
    course.attend_all(ana, 1)
    ana.name = "Ana Nunez"
    ana.save(update_fields=["name"])
    certificate = certificate_issue(participant=ana, actor=user, reason="End")
    (code,) = VERIFY_LINK.findall(mail.outbox[-1].body)
    return user, certificate, code


def _axe(page, name: str, reports: dict) -> None:
    settle(page)
    results = Axe().run(page, options=AXE_OPTIONS)
    if results.violations_count:
        reports[name] = results.generate_report()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_coordinator_corrects_the_name_and_the_verify_pages_follow(
    issued, live_server, playwright_browser
):
    user, certificate, old_code = issued
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
    reports: dict[str, str] = {}

    page.goto(f"{base}/admin/learning/certificates/inspect/{certificate.pk}/")
    page.locator("[data-correct-name]").click()
    expect(page.get_by_label("Name as it should be printed")).to_have_value("Ana Nunez")
    _axe(page, "form", reports)
    page.get_by_label("Name as it should be printed").fill("Ana Núñez")
    page.get_by_label("Reason").fill("Accents lost")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("body")).to_contain_text("The name is corrected to Ana Núñez")
    # Wagtail's message fades in; axe would judge its contrast mid-fade.
    expect(page.locator(".messages > ul")).to_have_css("opacity", "1")
    _axe(page, "inspect", reports)

    (new_code,) = VERIFY_LINK.findall(mail.outbox[-1].body)
    page.goto(f"{base}/verify/{new_code}/")
    expect(page.locator("[data-verify=valid]")).to_contain_text("Ana Núñez")
    expect(page.locator("[data-corrected]").first).to_be_visible()
    _axe(page, "verify new", reports)
    page.goto(f"{base}/verify/{old_code}/")
    expect(page.locator("[data-verify=replaced]")).to_contain_text("Replaced on")
    _axe(page, "verify old", reports)
    context.close()

    assert new_code != old_code
    assert not reports, "\n".join(f"{k}: {v}" for k, v in reports.items())
