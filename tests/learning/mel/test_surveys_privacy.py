"""Survey answers and personal data: export and erase; machine translation of free
text for the team, once per answer and language, original kept on failure."""

import pytest
from django.test import override_settings

from learning.mel.models import SurveyAnswer, SurveyAnswerTranslation, SurveyResponse
from learning.mel.selectors import text_answer_list
from learning.mel.services import survey_answers_save, survey_invitations_due_create
from learning.privacy.selectors import person_data_export
from learning.privacy.services import person_data_erase

pytestmark = pytest.mark.django_db


class BrokenTranslator:
    def __init__(self, options):
        pass

    def can_translate(self, source, target):
        return True

    def translate(self, source, target, strings):
        raise ConnectionError("translation service down")


def _answered(held, commit, *, who, answers, language):
    with commit():
        survey_invitations_due_create()
    invitation = held.survey.invitations.get(email=who.email)
    with commit():
        survey_answers_save(
            invitation=invitation, answers=answers, language=language, submit=True
        )
    return invitation


def test_a_free_text_answer_gets_a_labelled_machine_translation_for_the_team(
    held, commit
):
    _answered(
        held,
        commit,
        who=held.ana,
        answers={"q-useful": 5, "q-learned": "Escuchar primero"},
        language="es",
    )

    answer = SurveyAnswer.objects.get(question_id="q-learned")
    # One per other site language (the offline translator marks its output).
    assert set(answer.translations.values_list("language", flat=True)) == {"en", "fr"}
    shown = text_answer_list(responses=SurveyResponse.objects.all(), language="en")
    assert [(a.text, a.language) for a in shown] == [("Escuchar primero", "es")]
    assert shown[0].translation_language == "en"
    assert "Escuchar primero" in shown[0].translation
    assert shown[0].translation != shown[0].text  # labelled as machine made


@override_settings(
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
        "CLASS": "tests.learning.mel.test_surveys_privacy.BrokenTranslator"
    }
)
def test_a_failing_translator_leaves_the_original_only(held, commit):
    _answered(
        held,
        commit,
        who=held.ana,
        answers={"q-useful": 5, "q-learned": "Escuchar primero"},
        language="es",
    )

    assert SurveyResponse.objects.get().submitted_at is not None
    assert not SurveyAnswerTranslation.objects.exists()
    shown = text_answer_list(responses=SurveyResponse.objects.all(), language="en")
    assert (shown[0].text, shown[0].translation) == ("Escuchar primero", "")


def test_export_lists_the_answers_and_erasure_keeps_scores_but_not_the_person(
    held, commit
):
    _answered(
        held,
        commit,
        who=held.ben,
        answers={"q-useful": 4, "q-change": "Ben would like more time"},
        language="en",
    )

    exported = person_data_export(email=held.ben.email)
    rows = exported["survey_answers"]
    assert {(r["question_id"], r["score"], r["text"]) for r in rows} == {
        ("q-useful", 4, ""),
        ("q-change", None, "Ben would like more time"),
    }

    person_data_erase(email=held.ben.email, actor=None)

    response = SurveyResponse.objects.get()
    assert response.user is None and response.invitation is None
    assert response.submitted_at is not None
    assert response.answers.get(question_id="q-useful").score == 4
    assert response.answers.get(question_id="q-change").text == ""
    assert not SurveyAnswerTranslation.objects.exists()
    assert not held.survey.invitations.filter(email=held.ben.email).exists()
    assert held.survey.invitations.filter(answered_at__isnull=False).count() == 1
