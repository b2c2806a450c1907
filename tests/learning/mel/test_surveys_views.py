"""The answer page on the site: reached by the email's link, read-only once
closed, an anonymous answer sent once; the list shows a person only their own."""

from datetime import timedelta

import pytest

from learning.mel.models import SurveyInvitation, SurveyResponse
from learning.mel.services import survey_invitations_due_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(held, commit):
    with commit():
        survey_invitations_due_create()
    return {i.email: i for i in SurveyInvitation.objects.all()}


def _url(invitation):
    return f"/en/surveys/{invitation.token}/"


def test_the_link_opens_the_survey_and_sending_saves_the_answers(client, held, invited):
    url = _url(invited[held.ben.email])
    page = client.get(url)
    assert b'data-survey-state="open"' in page.content
    assert b"How useful was this meeting?" in page.content

    sent = client.post(url, {"q_q-useful": "4", "action": "send"})

    assert sent.status_code == 302 and sent.url.endswith("?done=sent")
    response = SurveyResponse.objects.get()
    assert response.submitted_at and response.user == held.ben.user


def test_once_closed_the_page_is_read_only_and_refuses_a_post(client, held, invited):
    url = _url(invited[held.ben.email])
    client.post(url, {"q_q-useful": "4", "action": "send"})
    held.meeting.starts_at -= timedelta(days=15)
    held.meeting.save()

    page = client.get(url)
    again = client.post(url, {"q_q-useful": "1", "action": "send"})

    assert b'data-survey-state="closed"' in page.content
    assert b"<form" not in page.content.split(b"<main")[-1].split(b"</main>")[0]
    assert again.status_code == 200
    assert SurveyResponse.objects.get().answers.get().score == 4


def test_an_anonymous_survey_is_answered_once(client, held, invited):
    held.survey.anonymous = True
    held.survey.save()
    url = _url(invited[held.ana.email])

    client.post(url, {"q_q-useful": "2", "action": "send"})
    page = client.get(url)

    assert b'data-survey-state="answered"' in page.content
    assert b"Save and finish later" not in page.content
    assert SurveyResponse.objects.get().user is None


def test_an_unknown_link_is_not_found(client, invited):
    assert client.get("/en/surveys/not-a-token/").status_code == 404


def test_the_list_shows_a_person_only_their_own_surveys(client, held, invited):
    client.force_login(held.ben.user)

    page = client.get("/en/surveys/")

    assert invited[held.ben.email].token.encode() in page.content
    assert invited[held.ana.email].token.encode() not in page.content
