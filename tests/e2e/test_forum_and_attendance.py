"""In the demo site: participant-a answers a forum question, and the facilitator
marks attendance on the quick sheet, both through the real sign-in page."""

from dataclasses import dataclass

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cms.demo.learning import OPEN_SLUG, PAST_SLUG
from cms.demo.management.commands.load_demo import DEFAULT_PASSWORD as PASSWORD
from learning.attendance.models import Attendance
from learning.editions.models import Edition
from learning.enrolments.models import Participant
from learning.forum.enums import ThreadMode
from learning.forum.models import Post, Thread
from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e

ANSWER = "In our organisation, kinship carers meet every month to share advice."


@dataclass(frozen=True)
class Scene:
    thread_id: int
    meeting_id: int
    participant_id: int


@pytest.fixture
def scene(demo_site, live_server) -> Scene:
    open_edition = Edition.objects.get(slug=OPEN_SLUG)
    past_edition = Edition.objects.get(slug=PAST_SLUG)
    # Threads open when someone first visits the forum; the demo has done so.
    thread = (
        Thread.objects.filter(edition=open_edition, is_locked=False)
        .exclude(mode=ThreadMode.POST_FIRST)
        .order_by("pk")
        .first()
    )
    meeting = past_edition.meetings.filter(starts_at__lte=timezone.now()).latest(
        "starts_at"
    )
    participant = Participant.objects.get(
        edition=past_edition, user__email="participant-b@example.org"
    )
    return Scene(
        thread_id=thread.pk, meeting_id=meeting.pk, participant_id=participant.pk
    )


def _sign_in(page, base_url, email):
    page.goto(f"{base_url}/en/accounts/sign-in/?next=/en/my-programme/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="My programme", exact=True)).to_be_visible()


def test_a_participant_answers_and_the_facilitator_marks_attendance(
    scene, live_server, browser_page, playwright_browser, screenshot
):
    page = browser_page
    _sign_in(page, live_server.url, "participant-a@example.org")
    page.locator("[data-forum-link] a").click()
    page.locator(f"[data-thread='{scene.thread_id}'] a").first.click()
    screenshot("thread")
    page.locator("textarea[name=body]").fill(ANSWER)
    page.locator("[data-submit-post]").click()
    expect(page.locator("[data-post-body]", has_text=ANSWER)).to_be_visible()
    screenshot("answered")

    facilitator = playwright_browser.new_context(locale="en-GB").new_page()
    _sign_in(facilitator, live_server.url, "facilitator@example.org")
    facilitator.get_by_role("link", name="Mark attendance").first.click()
    facilitator.locator(f"[data-meeting='{scene.meeting_id}'] a").click()
    row = facilitator.locator(f"[data-participant='{scene.participant_id}']")
    row.get_by_text("Present", exact=True).click()
    facilitator.get_by_role("button", name="Save attendance").click()
    expect(facilitator.locator("[data-message]")).to_contain_text("Attendance saved")
    expect(row.locator("input[value=present]")).to_be_checked()
    facilitator.screenshot(path=ARTIFACTS / "attendance-saved.png", full_page=True)
    facilitator.context.close()

    post = Post.objects.get(thread_id=scene.thread_id, body_markdown=ANSWER)
    assert post.author.email == "participant-a@example.org"
    mark = Attendance.objects.get(
        meeting_id=scene.meeting_id, participant_id=scene.participant_id
    )
    assert mark.status == "present"
    assert mark.marked_by.email == "facilitator@example.org"
