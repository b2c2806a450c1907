"""Feedback surveys: invitations once in the person's language, answers with their
rules (drafts, sending, closing, bad input), pooling across translations."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from learning.mel.models import SurveyAnswer, SurveyInvitation, SurveyResponse
from learning.mel.selectors import Occasion, survey_questions
from learning.mel.services import (
    survey_answers_save,
    survey_invitations_due_create,
    survey_invite,
)
from tests.factories.learning import MeetingFactory
from tests.factories.mel import survey_translate

pytestmark = pytest.mark.django_db
_commit = None


@pytest.fixture(autouse=True)
def _commits(commit):
    global _commit  # the helpers below run the commit callbacks
    _commit = commit


def _invite(held):
    with _commit():
        survey_invitations_due_create()
    return {i.email: i for i in SurveyInvitation.objects.filter(survey=held.survey)}


def _save(invitation, answers, *, submit=True, language="en", now=None):
    with _commit():
        return survey_answers_save(
            invitation=invitation,
            answers=answers,
            language=language,
            submit=submit,
            now=now,
        )


def test_members_are_invited_once_when_the_meeting_ends_in_their_language(held):
    invitations = _invite(held)

    assert set(invitations) == {held.ana.email, held.ben.email}
    assert invitations[held.ana.email].language == "es"
    assert invitations[held.ana.email].sent_at is not None
    links = {message.to[0]: message.body for message in mail.outbox}
    token = invitations[held.ana.email].token
    assert f"/es/surveys/{token}/" in links[held.ana.email]
    assert f"/en/surveys/{invitations[held.ben.email].token}/" in links[held.ben.email]

    _invite(held)  # the next hour's run

    assert SurveyInvitation.objects.filter(survey=held.survey).count() == 2
    assert len(mail.outbox) == 2


def test_a_meeting_that_has_not_ended_gets_no_survey(held):
    later = MeetingFactory(edition=held.edition, starts_at=timezone.now())

    with pytest.raises(ValidationError) as error:
        survey_invite(survey=held.survey, occasion=Occasion(meeting=later))

    assert error.value.code == "occasion_not_held"
    assert not SurveyInvitation.objects.filter(meeting=later).exists()
    survey_invitations_due_create()
    assert not SurveyInvitation.objects.filter(meeting=later).exists()


def test_a_meeting_of_another_programme_is_refused(held):
    other = MeetingFactory(starts_at=timezone.now() - timedelta(hours=3))

    with pytest.raises(ValidationError) as error:
        survey_invite(survey=held.survey, occasion=Occasion(meeting=other))

    assert error.value.code == "occasion_mismatch"


def test_a_draft_is_kept_then_sent_then_changed_until_the_survey_closes(held):
    invitation = _invite(held)[held.ben.email]

    draft = _save(invitation, {"q-learned": "Listening first"}, submit=False)
    assert draft.submitted_at is None
    assert draft.user == held.ben.user
    assert draft.organisation == held.ben.enrolment.organisation

    sent = _save(invitation, {"q-useful": 4, "q-learned": "Listening first"})
    assert sent.pk == draft.pk and sent.submitted_at is not None
    invitation.refresh_from_db()
    assert invitation.answered_at is not None

    _save(invitation, {"q-useful": "5"}, submit=False)  # a sent answer stays sent
    sent.refresh_from_db()
    assert sent.submitted_at is not None
    assert {a.question_id: a.score for a in sent.answers.all()} == {"q-useful": 5}

    closed = held.meeting.ends_at + timedelta(days=14, seconds=1)
    with pytest.raises(ValidationError) as error:
        _save(invitation, {"q-useful": 1}, now=closed)
    assert error.value.code == "survey_closed"
    assert sent.answers.get().score == 5


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        ({"q-useful": 6}, "score_out_of_range"),
        ({"q-useful": 0}, "score_out_of_range"),
        ({"q-useful": "four"}, "score_out_of_range"),
        ({"q-useful": True}, "score_out_of_range"),
        ({"q-useful": 3, "q-nope": "x"}, "unknown_question"),
        ({"q-useful": 3, "q-learned": "x" * 5001}, "answer_too_long"),
        ({"q-learned": "Only text"}, "answer_required"),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_saved(held, answers, code):
    invitation = _invite(held)[held.ben.email]

    with pytest.raises(ValidationError) as error:
        _save(invitation, answers)

    assert error.value.code == code
    assert not SurveyResponse.objects.exists()
    assert not SurveyAnswer.objects.exists()
    invitation.refresh_from_db()
    assert invitation.answered_at is None


def test_answers_to_a_translated_survey_pool_by_question_id(held, locales):
    spanish = survey_translate(
        held.survey,
        locale=locales["es"],
        texts={"q-useful": "¿Qué tan útil fue la reunión?"},
    )
    invitations = _invite(held)

    questions = survey_questions(survey=spanish, language="es")
    assert [q.id for q in questions] == ["q-useful", "q-learned", "q-change"]
    assert questions[0].text == "¿Qué tan útil fue la reunión?"
    _save(invitations[held.ana.email], {"q-useful": 5}, language="es")
    _save(invitations[held.ben.email], {"q-useful": 3}, language="en")

    pooled = SurveyAnswer.objects.filter(
        response__survey=held.survey, question_id="q-useful"
    )
    assert sorted(pooled.values_list("score", flat=True)) == [3, 5]
    assert sorted(pooled.values_list("response__language", flat=True)) == ["en", "es"]


def test_an_anonymous_answer_keeps_no_link_to_the_person(held):
    held.survey.anonymous = True
    held.survey.save()
    invitation = _invite(held)[held.ana.email]

    with pytest.raises(ValidationError) as error:
        _save(invitation, {"q-useful": 2}, submit=False)
    assert error.value.code == "anonymous_draft"
    assert not SurveyResponse.objects.exists()

    assert _save(invitation, {"q-useful": 2, "q-change": "Más tiempo"}) is None

    response = SurveyResponse.objects.get()
    assert response.user is None and response.invitation is None
    assert response.organisation == held.ana.enrolment.organisation
    assert response.submitted_at is not None
    # The day only, so the time cannot be matched to the invitation's.
    assert response.submitted_at.time() == response.updated_at.time()
    assert (response.submitted_at.hour, response.submitted_at.minute) == (0, 0)
    invitation.refresh_from_db()
    assert invitation.answered_at is not None

    with pytest.raises(ValidationError) as error:
        _save(invitation, {"q-useful": 5})
    assert error.value.code == "already_answered"
    assert response.answers.get(question_id="q-useful").score == 2


def test_the_one_reminder_goes_to_those_who_have_not_answered(held):
    from learning.mel.scheduled_jobs import mel_survey_reminders_send

    invitations = _invite(held)
    _save(invitations[held.ben.email], {"q-useful": 4})
    mail.outbox.clear()
    soon_closing = held.meeting.ends_at + timedelta(days=12)

    with _frozen(soon_closing), _commit():
        mel_survey_reminders_send()
    with _frozen(soon_closing), _commit():
        mel_survey_reminders_send()

    assert [message.to for message in mail.outbox] == [[held.ana.email]]
    invitations[held.ana.email].refresh_from_db()
    assert invitations[held.ana.email].reminded_at is not None


def _frozen(moment):
    from unittest import mock

    return mock.patch("django.utils.timezone.now", return_value=moment)
