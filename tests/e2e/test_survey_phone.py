"""A participant answers a feedback survey from the email's link on a phone:
saves a draft, comes back, sends it; the page has no axe (WCAG 2.2 AA)
violations and nothing scrolls sideways."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from learning.mel.models import SurveyResponse
from tests.e2e.axe import PHONE, axe_report
from tests.factories.learning import EditionFactory, MeetingFactory, ParticipantFactory
from tests.factories.mel import SurveyFactory, SurveyInvitationFactory
from tests.learning.public_site import public_programme

pytestmark = pytest.mark.e2e


@pytest.fixture
def answer_url(live_server, home_pages) -> str:
    site = public_programme(home_pages)
    edition = EditionFactory(programme=site.programme)
    meeting = MeetingFactory(
        edition=edition, starts_at=timezone.now() - timedelta(hours=3)
    )
    participant = ParticipantFactory(enrolment__edition=edition)
    invitation = SurveyInvitationFactory(
        survey=SurveyFactory(programme=site.programme, title="Meeting feedback"),
        user=participant.user,
        email=participant.email,
        edition=edition,
        meeting=meeting,
        occasion_key=f"meeting:{meeting.pk}",
    )
    return f"{live_server.url}/en/surveys/{invitation.token}/"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_participant_answers_a_survey_on_a_phone(answer_url, playwright_browser):
    context = playwright_browser.new_context(**PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(answer_url)

    expect(page.locator('[data-survey-state="open"]')).to_be_visible()
    report = axe_report(page)
    page.get_by_label("One thing you learned.").fill("Listen before proposing.")
    page.get_by_role("button", name="Save and finish later").click()
    expect(page.locator('[data-survey-done="saved"]')).to_be_visible()
    expect(page.get_by_label("One thing you learned.")).to_have_value(
        "Listen before proposing."
    )
    page.get_by_role("group", name="How useful was this meeting?").get_by_label(
        "4"
    ).check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator('[data-survey-done="sent"]')).to_be_visible()
    sent_report = axe_report(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()

    assert report is None, report
    assert sent_report is None, sent_report
    assert width <= PHONE["viewport"]["width"]
    response = SurveyResponse.objects.get()
    assert response.submitted_at is not None
    assert {a.question_id: (a.score, a.text) for a in response.answers.all()} == {
        "q-useful": (4, ""),
        "q-learned": (None, "Listen before proposing."),
    }
