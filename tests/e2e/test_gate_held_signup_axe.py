"""Sign-up pages the translation gate holds, on a phone: the enrolment page and an
information session's sign-up page say why there is no form, with no axe (WCAG 2.2
AA) violations and nothing scrolling sideways."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from learning.editions.services import edition_create
from learning.infosessions.services import infosession_create
from tests.e2e.axe import PHONE, axe_report
from tests.factories.catalogue import (
    ModulePageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def held_urls(live_server, home_pages) -> dict[str, str]:
    """An edition and an information session of a programme offered in English and
    Spanish whose Spanish pages are missing: the gate holds both."""
    index = ProgrammeIndexPageFactory(parent=home_pages["en"], slug="programmes")
    programme = ProgrammePageFactory(parent=index, title="Mutual Learning")
    ModulePageFactory(parent=programme, module_number=1, is_required_first=True)
    now = timezone.now()
    edition = edition_create(
        programme=programme,
        title="Spring",
        starts_on=(now + timedelta(days=60)).date(),
        ends_on=(now + timedelta(days=120)).date(),
        enrolment_opens_at=now - timedelta(hours=1),
        enrolment_closes_at=now + timedelta(days=30),
        places=10,
    )
    session = infosession_create(
        programme=programme,
        starts_at=now + timedelta(days=5),
        capacity=20,
        language="en",
    )
    return {
        "enrol": f"{live_server.url}/en/editions/{edition.pk}/enrol/",
        "sign-up": f"{live_server.url}/en/info-sessions/{session.pk}/sign-up/",
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("name", ["enrol", "sign-up"])
def test_a_held_sign_up_page_on_a_phone_says_why_and_passes_axe(
    held_urls, playwright_browser, name
):
    context = playwright_browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(held_urls[name])

    expect(page.locator("[data-opening-held]")).to_be_visible()
    expect(page.locator("form.form")).to_have_count(0)
    width = page.evaluate("document.documentElement.scrollWidth")
    report = axe_report(page)
    context.close()

    assert width <= PHONE["viewport"]["width"]
    assert report is None, report
