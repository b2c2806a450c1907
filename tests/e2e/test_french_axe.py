"""A French programme page on a phone: three languages in the switcher, the notice
that a machine translated it, and no axe (WCAG 2.2 AA) violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Locale

from tests.cms.test_french import NOTICE_FR, localize
from tests.factories.catalogue import ProgrammeIndexPageFactory, ProgrammePageFactory

pytestmark = pytest.mark.e2e

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}


@pytest.fixture
def french_programme_url(live_server, home_pages, locales) -> str:
    fr = Locale.objects.get_or_create(language_code="fr")[0]
    localize(home_pages["en"], fr, **{"Home": "Accueil"})
    index = ProgrammeIndexPageFactory(
        parent=home_pages["en"], title="Programmes", slug="programmes"
    )
    localize(index, locales["es"], **{"Programmes": "Programas"})
    localize(index, fr)
    programme = ProgrammePageFactory(
        parent=index,
        title="CoLab",
        slug="colab",
        languages=["en", "es", "fr"],
        introduction="Member-led sessions.",
    )
    localize(programme, locales["es"], **{"Member-led sessions.": "Sesiones."})
    french = localize(
        programme,
        fr,
        machine=True,
        **{"Member-led sessions.": "Des séances animées par les membres."},
    )
    return live_server.url + french.url


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_french_programme_page_on_a_phone_has_no_axe_violations(
    french_programme_url, playwright_browser
):
    context = playwright_browser.new_context(**PHONE, locale="fr-FR")
    page = context.new_page()
    page.goto(french_programme_url)

    expect(page.get_by_text(NOTICE_FR)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    switcher = page.locator("nav.language-switcher a")
    codes = switcher.evaluate_all("links => links.map(link => link.lang)")
    width = page.evaluate("document.documentElement.scrollWidth")
    results = Axe().run(page)
    context.close()

    assert codes == ["en", "es", "fr"]
    assert width <= PHONE["viewport"]["width"]
    assert results.violations_count == 0, results.generate_report()
