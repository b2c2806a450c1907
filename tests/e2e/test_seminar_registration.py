"""A visitor registers for a seminar run on a phone, in Spanish, choosing their
target group, then cancels from the link in the confirmation email; every page
passes axe (WCAG 2.2 AA)."""

import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection
from playwright.sync_api import expect

from learning.registrations.models import Registration
from tests.e2e.axe import PHONE, axe_report
from tests.factories import ProgrammeIndexPageFactory
from tests.factories.registrations import (
    SeminarProgrammePageFactory,
    SeminarRunFactory,
)
from tests.learning.public_site import translate

pytestmark = pytest.mark.e2e

CANCEL_PATH = re.compile(r"/es/seminars/cancel/[^/\s\"<>]+/")
EMAIL = "mquiroga@municipio.example.org"
GROUP_ES = "Responsables de centros de recursos para migrantes"


@pytest.fixture
def seminar_url(live_server, home_pages) -> str:
    """The seminar's Spanish page with one open run, built before the browser."""
    index = ProgrammeIndexPageFactory(parent=home_pages["en"], slug="programmes")
    translate(index, "es", title="Programas")
    page = SeminarProgrammePageFactory(
        parent=index, title="Peer-to-peer seminar", slug="seminar"
    )
    names = ("Funcionarios de gobiernos locales", GROUP_ES, "Diáspora")
    page_es = translate(
        page,
        "es",
        title="Seminario entre pares",
        target_groups=[
            {"type": "target_group", "value": name, "id": block.id}
            for name, block in zip(names, page.target_groups, strict=True)
        ],
    )
    SeminarRunFactory(programme=page, places=5)
    return live_server.url + page_es.url


def in_own_thread(read):
    """A query on its own connection: Playwright's loop runs in this thread."""

    def run():
        try:
            return read()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def cancel_link() -> str:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for message in mail.outbox:
            if EMAIL in message.to and (found := CANCEL_PATH.search(message.body)):
                return found.group(0)
        time.sleep(0.1)
    raise AssertionError("no confirmation email with a cancel link")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_register_on_a_phone_then_cancel_from_the_email(
    seminar_url, live_server, playwright_browser
):
    context = playwright_browser.new_context(**{**PHONE, "locale": "es-AR"})
    context.set_default_timeout(15_000)
    page = context.new_page()

    page.goto(seminar_url)
    assert axe_report(page) is None
    page.locator(".seminar-run a.button").first.click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert axe_report(page) is None

    page.locator(
        "[data-registration-form] button[type=submit]"
    ).click()  # nothing filled in
    expect(page.locator(".form__summary[role=alert]")).to_be_visible()
    assert axe_report(page) is None

    page.locator("input[name=name]").fill("Mariana Quiroga")
    page.locator("input[name=email]").fill(EMAIL)
    page.locator("input[name=institution]").fill("Municipio de Rosario")
    page.get_by_label(GROUP_ES).check()
    page.locator("input[name=consent]").check()
    page.locator("[data-registration-form] button[type=submit]").click()
    expect(page.locator("[data-registration=confirmed]")).to_be_visible()
    assert axe_report(page) is None
    assert in_own_thread(
        lambda: list(Registration.objects.values_list("email", "status"))
    ) == [(EMAIL, "confirmed")]

    page.goto(live_server.url + cancel_link())
    expect(page.locator("[data-registration=confirmed]")).to_be_visible()
    assert axe_report(page) is None
    page.locator("[data-cancel-form] button[type=submit]").click()
    expect(page.locator("[data-registration=cancelled]")).to_be_visible()
    assert axe_report(page) is None
    context.close()

    assert in_own_thread(
        lambda: list(Registration.objects.values_list("status", flat=True))
    ) == ["cancelled"]
