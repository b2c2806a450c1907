"""Indicators of one event (the event format has no members or meetings):
who said they would come, and what the "after each event" survey says. Same
figures and small-group rule as an edition's. Three queries."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from learning.core.conf import mel_min_group
from learning.events.models import Event, EventRsvp

from ..enums import QuestionKind, SurveyKind
from ..models import Survey, SurveyAnswer, SurveyInvitation
from .figures import (
    Average,
    Change,
    Indicator,
    Rate,
    Row,
    TooFewAnswers,
    figure_guarded,
)
from .figures import Count as Number
from .frame import Level


def event_indicators(*, event: Event) -> list[Indicator]:
    """The event's RSVPs, survey response rate and average score (pooled)."""
    label = str(event)
    attending = EventRsvp.objects.filter(event=event, attending=True).count()
    sent = SurveyInvitation.objects.filter(
        event=event, sent_at__isnull=False
    ).aggregate(
        whole=Count("pk"), part=Count("pk", filter=Q(answered_at__isnull=False))
    )
    return [
        Indicator(
            code="event_attending",
            label=_("Said they would attend"),
            counts=_("People who answered the invitation with yes."),
            rows=[Row(Level.EDITION, "0", label, Number(attending))],
        ),
        Indicator(
            code="survey_response_rate",
            label=_("Survey response rate"),
            counts=_("Survey invitations sent that were answered."),
            rows=[Row(Level.EDITION, "0", label, Rate(sent["part"], sent["whole"]))],
        ),
        Indicator(
            code="survey_average_scores",
            label=_("Average score"),
            counts=_(
                "The mean of the scores (1 to 5) given to the surveys' score "
                "questions, in every language together."
            ),
            rows=[Row(Level.EDITION, "0", label, _event_average(event))],
        ),
    ]


def _event_average(event: Event) -> Average | Change | TooFewAnswers:
    scored = [
        block["id"]
        for survey in Survey.objects.filter(kind=SurveyKind.EVENT_END)
        .filter(responses__event=event)
        .distinct()
        for block in survey.questions.raw_data
        if block["type"] == QuestionKind.SCORE
    ]
    rows = SurveyAnswer.objects.filter(
        response__event=event,
        response__submitted_at__isnull=False,
        question_id__in=scored,
        score__isnull=False,
    ).values_list("response_id", "score")
    scores = [(response, score) for response, score in rows if score is not None]
    people = len({response for response, _score in scores})
    mean = Average(sum(s for _r, s in scores), len(scores), people)
    return figure_guarded(mean, respondents=people, minimum=mel_min_group())
