"""The page a refused, oversized upload gets (cms/core/request_limits.py) passes axe
(WCAG 2.2 AA) on a phone, in English and in Spanish."""

import pytest
from django.test import Client

from tests.e2e.axe import PHONE, axe_report

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_too_large_page_is_accessible_on_a_phone(
    playwright_browser, settings, language
):
    settings.REQUEST_BODY_MAX_BYTES = 10
    response = Client().post(f"/{language}/materials/1/shared/", {"title": "x" * 20})
    assert response.status_code == 413
    context = playwright_browser.new_context(**PHONE)
    page = context.new_page()

    page.set_content(response.content.decode())

    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    assert axe_report(page) is None, axe_report(page)
    context.close()
