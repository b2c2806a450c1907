"""Factories for the MEL feedback surveys (learning/mel)."""

from datetime import UTC
from typing import Any

import factory

from learning.mel.enums import SurveyKind
from learning.mel.models import Survey, SurveyAnswer, SurveyInvitation, SurveyResponse

from .catalogue import ProgrammePageFactory

# The questions of a survey after each meeting, with stable ids.
MEETING_QUESTIONS = (
    ("score", "q-useful", "How useful was this meeting?"),
    ("text", "q-learned", "One thing you learned."),
    ("text", "q-change", "One thing to change."),
)


def questions(*items: tuple[str, str, str]) -> list[dict[str, Any]]:
    """Raw stream data of (kind, id, text) questions."""
    return [
        {"type": kind, "id": question_id, "value": {"text": text}}
        for kind, question_id, text in items
    ]


class SurveyFactory(factory.django.DjangoModelFactory):
    """A named survey after each meeting, in the default locale, open 14 days.

    A translation: pass ``locale=`` and ``translation_key=`` (see
    ``survey_translate``)."""

    class Meta:
        model = Survey

    title = factory.Sequence(lambda n: f"Meeting feedback {n}")
    programme = factory.SubFactory(ProgrammePageFactory)
    kind = SurveyKind.AFTER_MEETING
    anonymous = False
    open_days = 14
    questions = factory.LazyFunction(lambda: questions(*MEETING_QUESTIONS))


def survey_translate(survey: Survey, *, locale: Any, texts: dict[str, str]) -> Survey:
    """A translation of `survey` into `locale` with each question's new wording
    (same block ids, as wagtail-localize makes them)."""
    translated = survey.copy_for_translation(locale)
    translated.title = f"{survey.title} [{locale.language_code}]"
    translated.questions = [
        {
            "type": block.block_type,
            "id": block.id,
            "value": {"text": texts.get(block.id, block.value["text"])},
        }
        for block in survey.questions
    ]
    translated.save()
    return translated


class SurveyInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyInvitation

    survey = factory.SubFactory(SurveyFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.org")
    language = "en"


class SurveyResponseFactory(factory.django.DjangoModelFactory):
    """A submitted response; set the occasion fields (and occasion_key)."""

    class Meta:
        model = SurveyResponse

    survey = factory.SubFactory(SurveyFactory)
    language = "en"
    started_at = factory.Faker("date_time_this_year", tzinfo=UTC)
    submitted_at = factory.SelfAttribute("started_at")


class SurveyAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyAnswer

    response = factory.SubFactory(SurveyResponseFactory)
    question_id = "q-useful"
    score = 4
