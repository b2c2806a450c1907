"""Visitors open the demo's event series on a phone, answer its upcoming event, then
change their answer from the link in the confirmation email; every page passes axe,
in English and in Spanish."""

import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from cms.demo.content import eip
from cms.demo.specs import demo_translation_key
from learning.catalogue.models import ProgrammePage
from learning.events.models import EventRsvp

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
def programme_urls(demo_site, live_server) -> dict[str, str]:
    """The demo's event series page in each language, loaded before the browser."""
    pages = ProgrammePage.objects.filter(
        translation_key=demo_translation_key(eip.EIP.key)
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
    """The whole visit of one person: from the series' page to the past event and
    back, then to the upcoming one: answer, read the email, change the answer."""
    language = person.language
    context = browser.new_context(**PHONE, locale=person.locale)
    context.set_default_timeout(15_000)
    page = context.new_page()

    page.goto(url)
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)
    past = page.locator("[data-events='past']")
    # Exact: the link to the event's learning note names the event too.
    past_title = eip.TRUST_EVENT.title.in_language(language)
    past.get_by_role("link", name=past_title, exact=True).click()
    expect(page.locator("[data-learning-note]")).to_be_visible()
    assert_accessible(page)
    page.go_back()
    upcoming = page.locator("[data-events='upcoming']")
    upcoming_title = eip.MEL_EVENT.title.in_language(language)
    upcoming.get_by_role("link", name=upcoming_title, exact=True).click()
    expect(page.locator("h1")).to_have_text(upcoming_title)
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
    programme_urls, live_server, playwright_browser
):
    for person in (ENGLISH, SPANISH):
        url = programme_urls[person.language]
        answer_and_change(playwright_browser, url, person, live_server.url)
