"""The dashboard's drill down: the answers behind one breakdown, question by
question (how many gave each score, and the free-text answers with their machine
translation for the team). The small-group rule holds here too: fewer
respondents than the minimum, and nothing but "too few answers" is shown.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import translation

from learning.core.conf import mel_min_group
from learning.editions.models import Edition

from .enums import SCORE_MAX, SCORE_MIN, SCORED_KINDS, SurveyKind
from .indicators import Filters, Level, edition_frame_build, survey_questions
from .indicators.figures import Average
from .indicators.surveys import Answered, responses_for_edition
from .models import SurveyAnswer, SurveyResponse
from .selectors import TextAnswer, text_answer_list


@dataclass
class QuestionAnswers:
    """One question's answers, or none shown when too few people answered it."""

    text: str
    kind: str
    respondents: int
    shown: bool
    counts: list[tuple[int, int]] = field(default_factory=list)
    average: Average | None = None
    texts: list[TextAnswer] = field(default_factory=list)


@dataclass
class Drill:
    level: str
    key: str
    questions: list[QuestionAnswers]


def _matches(response: Answered, level: str, key: str) -> bool:
    ids: dict[str, int | None] = {
        Level.MEETING: response.meeting_id,
        Level.MODULE: response.module_id,
        Level.ORGANISATION: response.organisation_id,
    }
    value = ids.get(level)
    return level not in (Level.MEETING, Level.MODULE, Level.ORGANISATION) or (
        str(value) == key
    )


def answers_for_breakdown(
    *, edition: Edition, filters: Filters, level: str, key: str
) -> Drill:
    """The submitted answers of one breakdown of the edition, by question; each
    question's answers only when at least the minimum group answered it."""
    frame = edition_frame_build(edition=edition, filters=filters)
    kept = [
        r.pk
        for r in responses_for_edition(edition=edition, frame=frame)
        if _matches(r, level, key)
    ]
    questions = survey_questions(edition=edition, kinds=SurveyKind.values)
    if level == Level.QUESTION:
        questions = [q for q in questions if q["id"] == key]
    answers = list(
        SurveyAnswer.objects.filter(
            response_id__in=kept, question_id__in={q["id"] for q in questions}
        )
        .filter(~Q(text="") | Q(score__isnull=False))
        .values_list("question_id", "response_id", "score")
    )
    texts = text_answer_list(
        responses=SurveyResponse.objects.filter(pk__in=kept),
        language=translation.get_language() or "en",
    )
    return Drill(level, key, _by_question(questions, answers, texts))


def _by_question(
    questions: list[dict[str, Any]],
    answers: list[tuple[str, int, int | None]],
    texts: list[TextAnswer],
) -> list[QuestionAnswers]:
    minimum = mel_min_group()
    people: dict[str, set[int]] = defaultdict(set)
    given: dict[str, Counter[int]] = defaultdict(Counter)
    for question_id, response_id, score in answers:
        people[question_id].add(response_id)
        if score is not None:
            given[question_id][score] += 1
    result = []
    for q in questions:
        count = len(people[q["id"]])
        item = QuestionAnswers(q["text"], q["type"], count, count >= minimum)
        if item.shown and q["type"] in SCORED_KINDS:
            counter = given[q["id"]]
            item.counts = [(s, counter[s]) for s in range(SCORE_MIN, SCORE_MAX + 1)]
            total = sum(s * n for s, n in counter.items())
            item.average = Average(total, sum(counter.values()), count)
        elif item.shown:
            item.texts = [t for t in texts if t.question_id == q["id"]]
        result.append(item)
    return result
