"""Indicators read from the feedback surveys: response rate, average scores and
the change in self-assessment before and after a module.

Only submitted responses count. Answers pool across languages by question id
(the survey block's id, which translations keep). Every figure made from
answers obeys the small-group rule: a breakdown with fewer respondents than
`LEARNING_MEL_MIN_GROUP` shows "too few answers" instead of numbers.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Locale

from learning.core.conf import mel_min_group
from learning.editions.models import Edition

from ..enums import QuestionKind, SurveyKind
from ..models import Survey, SurveyAnswer, SurveyInvitation, SurveyResponse
from .figures import (
    Average,
    Change,
    Indicator,
    Rate,
    Row,
    TooFewAnswers,
    figure_guarded,
)
from .frame import EditionFrame, Filters, Level, edition_frame_build


@dataclass(frozen=True)
class Answered:
    """One submitted response, reduced to what indicators group by."""

    pk: int
    kind: str
    meeting_id: int | None
    module_id: int | None
    organisation_id: int | None


def responses_for_edition(*, edition: Edition, frame: EditionFrame) -> list[Answered]:
    """The edition's submitted responses that the frame's filters keep; one query.

    Callers: the survey indicators here and the dashboard's drill down.
    """
    filters = frame.filters
    rows = SurveyResponse.objects.filter(
        Q(edition=edition) | Q(meeting__edition=edition), submitted_at__isnull=False
    )
    if filters.language:
        rows = rows.filter(language=filters.language)
    if filters.organisation_id is not None:
        rows = rows.filter(organisation_id=filters.organisation_id)
    result = []
    # The type checker's plugin reads these nullable keys as never None.
    values: Iterable[tuple[int, str, int | None, int | None, int | None]] = (
        rows.values_list(
            "pk", "survey__kind", "meeting_id", "module_id", "organisation_id"
        )
    )
    for pk, kind, meeting_id, module_id, organisation_id in values:
        if meeting_id is not None:
            if meeting_id not in frame.module_of:
                continue  # not held yet, or outside the chosen module
            module_id = frame.module_of[meeting_id]
        elif filters.module_id is not None and module_id != filters.module_id:
            continue
        result.append(Answered(pk, kind, meeting_id, module_id, organisation_id))
    return result


def _scores(responses: list[Answered]) -> list[tuple[int, str, int]]:
    """(response, question id, score) of the responses' scored answers; one query."""
    rows = SurveyAnswer.objects.filter(
        response_id__in=[r.pk for r in responses], score__isnull=False
    ).values_list("response_id", "question_id", "score")
    return [(pk, question, score) for pk, question, score in rows if score is not None]


def survey_questions(*, edition: Edition, kinds: Iterable[str]) -> list[dict[str, Any]]:
    """The programme's questions of these survey kinds, worded in the active
    language where a translation exists: dicts of id, type, text, survey kind.
    Two queries."""
    sources = list(
        Survey.objects.filter(
            programme=edition.programme, kind__in=list(kinds)
        ).order_by("kind", "pk")
    )
    local = {
        s.translation_key: s
        for s in Survey.objects.filter(
            translation_key__in=[s.translation_key for s in sources],
            locale=Locale.get_active(),
        )
    }
    questions = []
    for source in sources:
        worded = {
            b["id"]: b["value"].get("text", "")
            for b in local.get(source.translation_key, source).questions.raw_data
        }
        for block in source.questions.raw_data:
            text = worded.get(block["id"]) or block["value"].get("text", "")
            questions.append(
                {"id": block["id"], "type": block["type"], "text": text}
                | {"kind": source.kind}
            )
    return questions


def _frame(
    edition: Edition,
    filters: Filters | None,
    frame: EditionFrame | None,
    now: datetime | None,
) -> EditionFrame:
    return frame or edition_frame_build(edition=edition, filters=filters, now=now)


def survey_response_rate(
    *,
    edition: Edition,
    filters: Filters | None = None,
    frame: EditionFrame | None = None,
    now: datetime | None = None,
) -> Indicator:
    """Survey response rate: invitations sent that were answered (submitted).

    Counts every survey about the edition, its meetings and modules; by
    edition, module, meeting and the invited member's organisation. One query.
    """
    frame = _frame(edition, filters, frame, now)
    # By account, else by address: erasure unlinks an invitation from the
    # account but gives it the same placeholder address as the participant row.
    org_of: dict[object, int] = {
        m.user_id: m.enrolment.organisation_id for m in frame.members
    }
    org_of |= {m.email.casefold(): m.enrolment.organisation_id for m in frame.members}
    sent = SurveyInvitation.objects.filter(
        Q(edition=edition) | Q(meeting__edition=edition), sent_at__isnull=False
    )
    if frame.filters.language:
        sent = sent.filter(language=frame.filters.language)
    sums: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
    for user_id, email, meeting_id, module_id, answered_at in sent.values_list(
        "user_id", "email", "meeting_id", "module_id", "answered_at"
    ):
        organisation_id = org_of.get(user_id) or org_of.get(email.casefold())
        if frame.filters.participant_id is not None and organisation_id is None:
            continue
        keys = _invitation_keys(frame, organisation_id, meeting_id, module_id)
        for key in keys or ():
            sums[key][0] += answered_at is not None
            sums[key][1] += 1
    return Indicator(
        code="survey_response_rate",
        label=_("Survey response rate"),
        counts=_("Survey invitations sent that were answered."),
        rows=_rate_rows(frame, sums),
    )


def _invitation_keys(
    frame: EditionFrame,
    organisation_id: int | None,
    meeting_id: int | None,
    module_id: int | None,
) -> list[tuple[str, int]] | None:
    """Where an invitation counts; None when the filters leave it out."""
    filters = frame.filters
    if (
        filters.organisation_id is not None
        and organisation_id != filters.organisation_id
    ):
        return None
    if meeting_id is not None:
        if meeting_id not in frame.module_of:
            return None
        module_id = frame.module_of[meeting_id]
    elif filters.module_id is not None and module_id != filters.module_id:
        return None
    keys: list[tuple[str, int]] = [(Level.EDITION, 0)]
    if meeting_id is not None:
        keys.append((Level.MEETING, meeting_id))
    if module_id is not None:
        keys.append((Level.MODULE, module_id))
    if organisation_id is not None:
        keys.append((Level.ORGANISATION, organisation_id))
    return keys


def _rate_rows(
    frame: EditionFrame, sums: dict[tuple[str, int], list[int]]
) -> list[Row]:
    rows = []
    for level, pk, label in _breakdowns(frame):
        part, whole = sums.get((level, pk), [0, 0])
        rows.append(Row(level, str(pk), label, Rate(part=part, whole=whole)))
    return rows


def _breakdowns(frame: EditionFrame) -> list[tuple[str, int, str]]:
    return [
        (Level.EDITION, 0, frame.edition.label),
        *((Level.MODULE, pk, label) for pk, label in frame.module_labels().items()),
        *((Level.MEETING, m.pk, m.display_title) for m in frame.meetings),
        *((Level.ORGANISATION, o.pk, o.name) for o in frame.organisations),
    ]


class _Means:
    """Score sums per breakdown, with the responses behind each."""

    def __init__(self) -> None:
        self.total: dict[tuple[str, object], int] = defaultdict(int)
        self.answers: dict[tuple[str, object], int] = defaultdict(int)
        self.people: dict[tuple[str, object], set[int]] = defaultdict(set)

    def add(
        self, keys: Iterable[tuple[str, object]], response: int, score: int
    ) -> None:
        for key in keys:
            self.total[key] += score
            self.answers[key] += 1
            self.people[key].add(response)

    def figure(
        self, key: tuple[str, object], minimum: int
    ) -> Average | TooFewAnswers | Change:
        mean = _mean(self, key)
        return figure_guarded(mean, respondents=mean.respondents, minimum=minimum)


def _keys(response: Answered) -> list[tuple[str, object]]:
    keys: list[tuple[str, object]] = [(Level.EDITION, 0)]
    if response.meeting_id is not None:
        keys.append((Level.MEETING, response.meeting_id))
    if response.module_id is not None:
        keys.append((Level.MODULE, response.module_id))
    if response.organisation_id is not None:
        keys.append((Level.ORGANISATION, response.organisation_id))
    return keys


def survey_average_scores(
    *,
    edition: Edition,
    filters: Filters | None = None,
    frame: EditionFrame | None = None,
    now: datetime | None = None,
) -> Indicator:
    """Average score (1 to 5) of the "score" questions, pooled across languages.

    By edition, module, meeting, organisation and question; a breakdown with
    fewer respondents than the minimum group shows "too few answers". Four
    queries.
    """
    frame = _frame(edition, filters, frame, now)
    minimum = mel_min_group()
    responses = {r.pk: r for r in responses_for_edition(edition=edition, frame=frame)}
    questions = [
        q
        for q in survey_questions(edition=edition, kinds=SurveyKind.values)
        if q["type"] == QuestionKind.SCORE
    ]
    scored = {q["id"] for q in questions}
    means = _Means()
    for response_id, question_id, score in _scores(list(responses.values())):
        if question_id in scored:
            keys = [*_keys(responses[response_id]), (Level.QUESTION, question_id)]
            means.add(keys, response_id, score)
    rows = [
        Row(level, str(pk), label, means.figure((level, pk), minimum))
        for level, pk, label in _breakdowns(frame)
    ]
    rows += [
        Row(
            Level.QUESTION,
            q["id"],
            q["text"],
            means.figure((Level.QUESTION, q["id"]), minimum),
        )
        for q in questions
    ]
    return Indicator(
        code="survey_average_scores",
        label=_("Average score"),
        counts=_(
            "The mean of the scores (1 to 5) given to the surveys' score "
            "questions, in every language together."
        ),
        rows=rows,
    )


def self_assessment_change(
    *,
    edition: Edition,
    filters: Filters | None = None,
    frame: EditionFrame | None = None,
    now: datetime | None = None,
) -> Indicator:
    """Pre/post change: the mean self-assessment after a module minus before it.

    Objective questions of the "before each module" and "after each module"
    surveys, paired by their order; by edition, module, organisation and
    objective. Each side must reach the minimum group, else "too few answers".
    Four queries.
    """
    frame = _frame(edition, filters, frame, now)
    minimum = mel_min_group()
    kinds = (SurveyKind.MODULE_BEFORE, SurveyKind.MODULE_AFTER)
    responses = {
        r.pk: r
        for r in responses_for_edition(edition=edition, frame=frame)
        if r.kind in kinds
    }
    questions = survey_questions(edition=edition, kinds=kinds)
    position = _objective_positions(questions)
    sides: dict[str, _Means] = {kind: _Means() for kind in kinds}
    for response_id, question_id, score in _scores(list(responses.values())):
        if question_id in position:
            response = responses[response_id]
            keys = [*_keys(response), (Level.QUESTION, position[question_id])]
            sides[response.kind].add(keys, response_id, score)
    breakdowns = [b for b in _breakdowns(frame) if b[0] != Level.MEETING]
    breakdowns += [
        (Level.QUESTION, index, label)
        for index, label in enumerate(_objective_texts(questions))
    ]
    rows = [
        Row(level, str(pk), label, _change(sides, (level, pk), minimum))
        for level, pk, label in breakdowns
    ]
    return Indicator(
        code="self_assessment_change",
        label=_("Self-assessment before and after"),
        counts=_(
            "The mean self-assessment (1 to 5) on the module's objectives after "
            "the module, minus the mean before it."
        ),
        rows=rows,
    )


def _objective_positions(questions: list[dict[str, Any]]) -> dict[str, int]:
    """Each objective question's id -> its order among its survey's objectives."""
    counters: dict[str, int] = defaultdict(int)
    position = {}
    for q in questions:
        if q["type"] == QuestionKind.OBJECTIVE:
            position[q["id"]] = counters[q["kind"]]
            counters[q["kind"]] += 1
    return position


def _objective_texts(questions: list[dict[str, Any]]) -> list[str]:
    """The objectives' wording, as the "after" survey asks them (else "before")."""
    objectives = [
        q["text"]
        for q in questions
        if q["type"] == QuestionKind.OBJECTIVE and q["kind"] == SurveyKind.MODULE_AFTER
    ]
    return objectives or [
        q["text"] for q in questions if q["type"] == QuestionKind.OBJECTIVE
    ]


def _mean(means: _Means, key: tuple[str, object]) -> Average:
    people = len(means.people.get(key, ()))
    return Average(means.total.get(key, 0), means.answers.get(key, 0), people)


def _change(
    sides: dict[str, _Means], key: tuple[str, object], minimum: int
) -> Average | Change | TooFewAnswers:
    before = _mean(sides[SurveyKind.MODULE_BEFORE], key)
    after = _mean(sides[SurveyKind.MODULE_AFTER], key)
    people = min(before.respondents, after.respondents)
    return figure_guarded(Change(before, after), respondents=people, minimum=minimum)
