"""The page an offered organisation answers on, on a phone: while the offer waits
it says until when the place is held; after the deadline, that the offer lapsed.
Both with no axe (WCAG 2.2 AA) violations."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.offers import offer_token_make
from tests.factories.learning import EditionFactory, EnrolmentFactory
from tests.learning.public_site import public_programme

pytestmark = pytest.mark.e2e

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}


@pytest.fixture
def offer_urls(live_server, home_pages) -> dict[str, str]:
    """Accept links of an offer still open and of one past its deadline."""
    programme = public_programme(home_pages).programme
    edition = EditionFactory(programme=programme, time_zone="America/Lima")
    now = timezone.now()
    urls = {}
    for state, offered_at in (("ask", now), ("lapsed", now - timedelta(hours=73))):
        enrolment = EnrolmentFactory(
            edition=edition, status=EnrolmentStatus.OFFERED, promoted_at=offered_at
        )
        token = offer_token_make(enrolment=enrolment)
        urls[state] = f"{live_server.url}/es/editions/offers/{token}/accept/"
    return urls


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("state", ["ask", "lapsed"])
def test_the_offer_page_on_a_phone_has_no_axe_violations(
    offer_urls, playwright_browser, state
):
    context = playwright_browser.new_context(**PHONE, locale="es-ES")
    page = context.new_page()
    page.goto(offer_urls[state])

    expect(page.locator(f'[data-offer-state="{state}"]')).to_be_visible()
    expect(page.get_by_text("hora de Perú")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    results = Axe().run(page)
    context.close()

    assert width <= PHONE["viewport"]["width"]  # nothing scrolls sideways
    assert results.violations_count == 0, results.generate_report()
