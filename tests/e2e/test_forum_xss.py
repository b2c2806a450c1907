"""Forum posts full of XSS payloads, rendered in Chromium: no dialog may open.

The posts are written through the service before the browser starts (see
conftest.py), and one more is typed into the reply form by participant A.
"""

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from learning.forum.services import post_create
from tests.learning.forum.conftest import forum_world
from tests.learning.forum.test_rendering import XSS_PAYLOADS

pytestmark = pytest.mark.e2e

TYPED_PAYLOAD = (
    "<img src=x onerror=\"alert('typed')\"> and [click](javascript:alert(2))"
)


@dataclass(frozen=True)
class Scene:
    thread_url: str
    session_cookie: str


@pytest.fixture
def scene(live_server, home_pages) -> Scene:
    world = forum_world()
    thread = world.thread(world.edition_a)
    for payload in XSS_PAYLOADS:
        post_create(thread=thread, author=world.colleague_a.user, body=payload)
    client = Client()
    client.force_login(world.participant_a.user)
    return Scene(
        thread_url=f"{live_server.url}/en/forum/threads/{thread.pk}/",
        session_cookie=client.cookies[settings.SESSION_COOKIE_NAME].value,
    )


def test_xss_payloads_render_as_harmless_text(scene, live_server, browser_page):
    page = browser_page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": scene.session_cookie,
                "url": live_server.url,
            }
        ]
    )

    page.goto(scene.thread_url)
    expect(page.locator("[data-post]").first).to_be_visible()
    seen = _hover_every_post(page)
    expect(page.get_by_text("<script>alert(1)</script>").first).to_be_visible()
    while page.locator("[data-next-page]").count():
        page.locator("[data-next-page]").click()
        expect(page.locator("[data-post]").first).to_be_visible()
        seen += _hover_every_post(page)

    page.locator("textarea[name=body]").fill(TYPED_PAYLOAD)
    page.locator("[data-submit-post]").click()
    typed = page.locator("[data-post-body]", has_text="and click")
    expect(typed).to_be_visible()
    typed.locator("a").click()  # a link without an address goes nowhere
    page.wait_for_timeout(500)

    assert seen == len(XSS_PAYLOADS)
    assert dialogs == []
    assert page.locator("[data-post-body] script, [data-post-body] img").count() == 0
    assert page.locator("[data-post-body] [onerror], [data-post-body] svg").count() == 0
    expect(typed).to_contain_text("<img src=x onerror=\"alert('typed')\">")


def _hover_every_post(page) -> int:
    """Fire the events inline handlers listen to on everything the posts contain."""
    page.eval_on_selector_all(
        "[data-post-body], [data-post-body] *",
        """elements => elements.forEach(element => {
            for (const type of ["mouseover", "mouseenter", "focus", "toggle", "load"]) {
                element.dispatchEvent(new Event(type));
            }
        })""",
    )
    page.wait_for_timeout(300)  # let any onerror / onload handler run
    return page.locator("[data-post-body]").count()
