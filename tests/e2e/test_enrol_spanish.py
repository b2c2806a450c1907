"""A Spanish-speaking visitor enrols an organisation with three representatives."""

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from cms.demo.accounts import COORDINATOR_PERMISSIONS, model_permissions
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Enrolment
from tests.factories import UserFactory
from tests.factories.learning import EditionFactory
from tests.factories.users import DEFAULT_PASSWORD
from tests.learning.public_site import public_programme

pytestmark = pytest.mark.e2e

PEOPLE = [
    ("Ana Pérez", "ana@fundacion-uno.example.org", "Directora", "es"),
    ("John Smith", "john@fundacion-uno.example.org", "Coordinator", "en"),
    ("Luz Gómez", "luz@fundacion-uno.example.org", "Educadora", "es"),
]


def spanish(text):
    with translation.override("es"):
        return gettext(text)


@dataclass(frozen=True)
class Setting:
    programme_url: str
    edition_id: int
    module_ids: list[int]
    coordinator_email: str


@pytest.fixture
def setting(live_server, home_pages):
    """The programme and an open edition, built before the browser starts."""
    site = public_programme(home_pages)
    edition = EditionFactory(programme=site.programme, title="Primavera 2027")
    return Setting(
        programme_url=site.programme_es.url,
        edition_id=edition.pk,
        module_ids=[module.pk for module in site.modules],
        coordinator_email=coordinator_create().email,
    )


def coordinator_create():
    """A user in a group with the demo Coordinators group's permissions."""
    group = Group.objects.create(name="Coordinators")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(access_admin, *model_permissions(COORDINATOR_PERMISSIONS))
    user = UserFactory(email="coordinator@example.org")
    user.groups.add(group)
    return user


def enrolment_recorded(edition_id):
    """Status, emails and modules of the edition's enrolment, read in a thread of
    its own: Playwright's loop runs in the test's thread (see conftest.py)."""

    def read():
        try:
            enrolment = Enrolment.objects.get(edition_id=edition_id)
            return (
                enrolment.status,
                sorted(p.email for p in enrolment.participants.all()),
                {m.pk for m in enrolment.modules.all()},
            )
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(read).result()


# Transactional: the live server's thread must see the pages; serialized_rollback
# puts back the rows Wagtail's migrations made (root page, locales) for later tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_spanish_visitor_enrols_an_organisation(
    setting, live_server, browser_page, screenshot
):
    edition_id = setting.edition_id
    page = browser_page

    page.goto(f"{live_server.url}{setting.programme_url}")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    enrol = page.locator(f"a[href='/es/editions/{edition_id}/enrol/']")
    expect(enrol).to_have_text(spanish("Enrol your organisation"))
    screenshot("programme-es")

    enrol.click()
    expect(page).to_have_url(re.compile(rf"/es/editions/{edition_id}/enrol/$"))
    expect(page.locator("input[name='modules'][disabled]")).to_be_checked()
    page.fill("input[name='organisation_name']", "Fundación Uno")
    page.fill("input[name='organisation_country']", "Colombia")
    page.fill("input[name='organisation_website']", "fundacion-uno.example.org")
    for index, (name, email, role, language) in enumerate(PEOPLE):
        prefix = f"representatives-{index}"
        page.fill(f"input[name='{prefix}-name']", name)
        page.fill(f"input[name='{prefix}-email']", email)
        page.fill(f"input[name='{prefix}-role']", role)
        page.select_option(f"select[name='{prefix}-preferred_language']", language)
    page.check(f"input[name='modules'][value='{setting.module_ids[1]}']")
    page.check("input[name='consent']")
    screenshot("form-filled")
    page.locator("form.form button[type=submit]").click()

    expect(page).to_have_url(re.compile(rf"/es/editions/{edition_id}/enrol/result/$"))
    thanks = spanish("Thank you: we have your enrolment request")
    expect(page.locator("h1")).to_have_text(thanks)
    screenshot("result-es")
    status, emails, modules = enrolment_recorded(edition_id)
    assert status == EnrolmentStatus.CONFIRMED
    assert emails == sorted(person[1] for person in PEOPLE)
    assert modules == set(setting.module_ids[:2])

    # The coordinator signs in to the admin and finds the organisation's enrolment.
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name='username']", setting.coordinator_email)
    page.fill("input[name='password']", DEFAULT_PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto(f"{live_server.url}/admin/learning/enrolments/")
    expect(page.locator("main")).to_contain_text("Fundación Uno")
    screenshot("admin-enrolments")
