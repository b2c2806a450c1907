"""A participant reading the forum in English on a phone meets a colleague's
Spanish post: it reads translated, "show original" swaps in the post as written
and back, and the page has no axe (WCAG 2.2 AA) violations."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from learning.forum.models import PostTranslation
from learning.forum.services import post_create
from tests.e2e.axe import PHONE, axe_report
from tests.learning.forum.conftest import forum_world

pytestmark = pytest.mark.e2e


@pytest.fixture
def thread_url(live_server, home_pages) -> tuple[str, str]:
    world = forum_world()
    thread = world.thread(world.edition_a)
    post = post_create(
        thread=thread,
        author=world.colleague_a.user,
        body="Escucho **primero**, luego pregunto.",
        language="es",
    )
    # Outside a test transaction the offline translator has run already: its
    # placeholder is replaced by a real-looking translation.
    PostTranslation.objects.update_or_create(
        post=post,
        language="en",
        defaults={"body_html": "<p>I listen <strong>first</strong>, then ask.</p>"},
    )
    client = Client()
    client.force_login(world.participant_a.user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    return f"{live_server.url}/en/forum/threads/{thread.pk}/", cookie


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_reader_toggles_a_translated_post_on_a_phone(
    thread_url, live_server, playwright_browser
):
    url, cookie = thread_url
    context = playwright_browser.new_context(**PHONE)
    context.set_default_timeout(15_000)
    name = settings.SESSION_COOKIE_NAME
    context.add_cookies([{"name": name, "value": cookie, "url": live_server.url}])
    page = context.new_page()
    page.goto(url)

    translated = page.locator("[data-post-body]")
    original = page.locator("[data-post-original]")
    expect(translated).to_contain_text("I listen first, then ask.")
    expect(original).to_be_hidden()
    report = axe_report(page)
    page.get_by_text("Translated from Spanish — show original").click()
    expect(original).to_contain_text("Escucho primero, luego pregunto.")
    expect(translated).to_be_hidden()
    open_report = axe_report(page)
    page.get_by_text("Translated from Spanish — show translation").click()
    expect(translated).to_be_visible()
    expect(original).to_be_hidden()
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()

    assert report is None, report
    assert open_report is None, open_report
    assert width <= PHONE["viewport"]["width"]
