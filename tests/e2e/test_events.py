"""Visitors answer the demo's upcoming learning event on a phone, then change their
answer from the link in the confirmation email; every page passes axe, in English
and in Spanish."""

import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from cms.demo.content import eip
from cms.demo.specs import demo_translation_key
from learning.events.models import EventRsvp, LearningEventPage

pytestmark = pytest.mark.e2e

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
CHANGE_PATH = re.compile(r"/(?:en|es)/events/rsvp/[^/\s\"<>]+/")


@dataclass(frozen=True)
class Visitor:
    language: str
    name: str
    email: str
    institution: str
    country: str
    first_answer: str  # "yes" or "no", as the radio buttons' values
    locale: str


ENGLISH = Visitor(
    "en", "Zainab Bello", "zainab.bello@treasury.example.org",
    "Federal Treasury", "Nigeria", "yes", "en-GB",
)  # fmt: skip
SPANISH = Visitor(
    "es", "Mariana Quiroga", "mquiroga@modernizacion.example.org",
    "Secretaría de Modernización", "Argentina", "no", "es-AR",
)  # fmt: skip


def translated(text: str, language: str) -> str:
    """The site's text in `language` (English until the Spanish catalogue has it)."""
    with translation.override(language):
        return gettext(text)


@pytest.fixture
def event_urls(live_server) -> dict[str, str]:
    """The demo's upcoming event page in each language, loaded before the browser."""
    call_command("load_demo", verbosity=0)
    pages = LearningEventPage.objects.filter(
        translation_key=demo_translation_key(eip.MEL_EVENT.key)
    ).select_related("locale")
    return {page.locale.language_code: live_server.url + page.url for page in pages}


def in_own_thread(read):
    """Run a query on a connection of its own: Playwright's loop runs in the test's
    thread (see conftest.py)."""

    def run():
        try:
            return read()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def answers_of(email: str) -> list[bool]:
    return in_own_thread(
        lambda: list(
            EventRsvp.objects.filter(email=email).values_list("attending", flat=True)
        )
    )


def emails_to(address: str, count: int) -> list[mail.EmailMessage]:
    """The messages sent to `address`, once `count` of them have arrived."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        sent = [message for message in mail.outbox if address in message.to]
        if len(sent) >= count:
            return sent
        time.sleep(0.1)
    raise AssertionError(f"{len(sent)} emails to {address}, expected {count}")


def assert_accessible(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def answer_and_change(browser, url: str, person: Visitor, live_url: str) -> None:
    """The whole visit of one person: answer, read the email, change the answer."""
    language = person.language
    context = browser.new_context(**PHONE, locale=person.locale)
    context.set_default_timeout(15_000)
    page = context.new_page()

    page.goto(url)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("h1")).to_have_text(eip.MEL_EVENT.title.in_language(language))
    assert_accessible(page)

    page.get_by_role("link", name=translated("Answer the invitation", language)).click()
    expect(page).to_have_url(re.compile(rf"/{language}/events/\d+/rsvp/$"))
    assert_accessible(page)
    page.check(f"input[name='attending'][value='{person.first_answer}']")
    page.fill("input[name='name']", person.name)
    page.fill("input[name='email']", person.email)
    page.fill("input[name='institution']", person.institution)
    page.fill("input[name='country']", person.country)
    page.select_option("select[name='language']", language)
    page.check("input[name='consent']")
    page.get_by_role("button", name=translated("Send my answer", language)).click()

    expect(page).to_have_url(re.compile(rf"/{language}/events/\d+/rsvp/done/$"))
    expect(page.locator("main")).to_contain_text(person.email)
    assert_accessible(page)
    attending = person.first_answer == "yes"
    assert answers_of(person.email) == [attending]

    (confirmation,) = emails_to(person.email, 1)
    calendars = [a for a in confirmation.attachments if a[0].endswith(".ics")]
    assert len(calendars) == (1 if attending else 0)
    change_path = CHANGE_PATH.search(confirmation.body).group(0)
    assert change_path.startswith(f"/{language}/")

    page.goto(live_url + change_path)
    answer = page.locator("[data-rsvp-answer]")
    expect(answer).to_have_attribute(
        "data-rsvp-answer", "attending" if attending else "not-attending"
    )
    assert_accessible(page)
    page.check(f"input[name='attending'][value='{'no' if attending else 'yes'}']")
    page.get_by_role("button", name=translated("Save my answer", language)).click()

    expect(page.get_by_role("status")).to_contain_text(
        translated("Your answer is saved.", language)
    )
    expect(answer).to_have_attribute(
        "data-rsvp-answer", "not-attending" if attending else "attending"
    )
    assert_accessible(page)
    # The answer changed in place: still one RSVP, and a new confirmation.
    assert answers_of(person.email) == [not attending]
    emails_to(person.email, 2)
    context.close()


# Transactional: the live server's thread must see the demo; serialized_rollback puts
# back the rows Wagtail's migrations made (root page, locales) for later tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_visitors_answer_the_upcoming_event_and_change_their_answer(
    event_urls, live_server, playwright_browser
):
    answer_and_change(playwright_browser, event_urls["en"], ENGLISH, live_server.url)
    answer_and_change(playwright_browser, event_urls["es"], SPANISH, live_server.url)
