"""The survey answer API: a person's open surveys, one survey in their language,
answers as a draft or sent, with the service's codes and nothing half-saved."""

from datetime import timedelta

import pytest
from django.utils import timezone

from api.keys import personal_token_create
from learning.mel.models import SurveyAnswer, SurveyResponse
from tests.factories.learning import (
    EditionFactory,
    MeetingFactory,
    ParticipantFactory,
    programme_tree,
)
from tests.factories.mel import SurveyFactory, SurveyInvitationFactory, survey_translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(locales, home_pages):
    tree = programme_tree(modules=1, topics_per_module=1)
    edition = EditionFactory(programme=tree.programme)
    meeting = MeetingFactory(
        edition=edition,
        session_topic=tree.topics[1][0],
        starts_at=timezone.now() - timedelta(hours=3),
    )
    participant = ParticipantFactory(enrolment__edition=edition)
    survey = SurveyFactory(programme=tree.programme)
    invitation = SurveyInvitationFactory(
        survey=survey,
        user=participant.user,
        email=participant.email,
        edition=edition,
        meeting=meeting,
        occasion_key=f"meeting:{meeting.pk}",
    )
    return survey, invitation, participant


def _api(api, user):
    _token, key = personal_token_create(user=user, name="surveys")
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return api


def test_a_participant_lists_reads_drafts_and_sends_their_answers(api, setting):
    _survey, invitation, participant = setting
    api = _api(api, participant.user)
    url = f"/api/v1/me/surveys/{invitation.pk}/"

    listed = api.get("/api/v1/me/surveys/").json()
    assert [item["id"] for item in listed] == [invitation.pk]
    assert listed[0]["editable"] is True and listed[0]["kind"] == "after_meeting"
    detail = api.get(url).json()
    assert [q["id"] for q in detail["questions"]] == [
        "q-useful",
        "q-learned",
        "q-change",
    ]

    draft = {"answers": [{"question_id": "q-learned", "text": "Ask"}], "submit": False}
    body = api.put(url + "answers/", draft, format="json").json()
    assert body["submitted"] is False and body["answered"] is False
    assert body["answers"] == [
        {"question_id": "q-learned", "score": None, "text": "Ask"}
    ]

    sent = {"answers": [{"question_id": "q-useful", "score": 5}]}
    body = api.put(url + "answers/", sent, format="json").json()
    assert body["submitted"] is True and body["answered"] is True
    assert SurveyResponse.objects.get().answers.get().score == 5


def test_bad_answers_answer_400_with_their_code_and_save_nothing(api, setting):
    _survey, invitation, participant = setting
    api = _api(api, participant.user)
    url = f"/api/v1/me/surveys/{invitation.pk}/answers/"

    for answers, code in [
        ([{"question_id": "q-useful", "score": 9}], "score_out_of_range"),
        ([{"question_id": "q-other", "score": 3}], "unknown_question"),
        ([{"question_id": "q-learned", "text": "Only text"}], "answer_required"),
    ]:
        response = api.put(url, {"answers": answers}, format="json")
        assert (response.status_code, response.json()["code"]) == (400, code)
    assert not SurveyAnswer.objects.exists()
    assert not SurveyResponse.objects.exists()


def test_a_closed_survey_refuses_answers(api, setting):
    _survey, invitation, participant = setting
    invitation.meeting.starts_at = timezone.now() - timedelta(days=20)
    invitation.meeting.save()
    api = _api(api, participant.user)

    assert api.get("/api/v1/me/surveys/").json() == []
    assert api.get(f"/api/v1/me/surveys/{invitation.pk}/").json()["editable"] is False
    response = api.put(
        f"/api/v1/me/surveys/{invitation.pk}/answers/",
        {"answers": [{"question_id": "q-useful", "score": 4}]},
        format="json",
    )
    assert (response.status_code, response.json()["code"]) == (400, "survey_closed")
    assert not SurveyResponse.objects.exists()


def test_an_anonymous_survey_is_sent_once_and_shows_no_answers_back(api, setting):
    survey, invitation, participant = setting
    survey.anonymous = True
    survey.save()
    api = _api(api, participant.user)
    url = f"/api/v1/me/surveys/{invitation.pk}/answers/"
    sent = {"answers": [{"question_id": "q-useful", "score": 2}]}

    draft = api.put(url, sent | {"submit": False}, format="json")
    assert draft.json()["code"] == "anonymous_draft"
    body = api.put(url, sent, format="json").json()
    assert body["answered"] is True and body["answers"] == []
    assert body["editable"] is False
    again = api.put(url, sent, format="json")
    assert again.json()["code"] == "already_answered"
    assert SurveyResponse.objects.get().user is None


def test_questions_come_in_the_request_language_with_the_same_ids(
    api, setting, locales
):
    survey, invitation, participant = setting
    survey_translate(
        survey, locale=locales["es"], texts={"q-useful": "¿Qué tan útil fue?"}
    )
    api = _api(api, participant.user)

    body = api.get(
        f"/api/v1/me/surveys/{invitation.pk}/", HTTP_ACCEPT_LANGUAGE="es"
    ).json()

    assert body["questions"][0] == {
        "id": "q-useful",
        "kind": "score",
        "text": "¿Qué tan útil fue?",
    }
