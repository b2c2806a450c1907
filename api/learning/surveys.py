"""A person's feedback surveys: the ones open to them, one with its questions in
the request's language, and their answers (a draft, or sent).

Who may call: signed-in people (session or personal token); an app's key gets
403 `person_required`, anonymous callers 401. Reads need `learning:read`, the
answers `learning:write`. Each person sees only their own invitations; another
person's is 404. The rules (scores 1-5, closing, anonymous answers sent once)
are the survey service's; its codes come back in 400 bodies.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone, translation
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from learning.mel.models import SurveyInvitation
from learning.mel.selectors import (
    AnswerState,
    invitation_get_for_user,
    invitation_list_open_for_user,
    survey_answer_state,
)
from learning.mel.services import survey_answers_save

from . import serializers_surveys as s
from .me import MemberView

TAGS = ["learning"]
ERRORS = {
    400: OpenApiResponse(description="Invalid answers; `code` says which rule."),
    404: OpenApiResponse(description="Not one of your surveys."),
}


def _language() -> str:
    return translation.get_language() or "en"


def _state(request: Request, pk: int) -> AnswerState:
    try:
        invitation = invitation_get_for_user(user=request.user, pk=pk)
        return survey_answer_state(
            invitation=invitation, language=_language(), now=timezone.now()
        )
    except (SurveyInvitation.DoesNotExist, DjangoValidationError):
        raise exceptions.NotFound() from None


def _summary(state: AnswerState) -> dict:
    return {
        "id": state.invitation.pk,
        "title": state.title,
        "occasion": state.occasion,
        "kind": state.invitation.survey.kind,
        "anonymous": state.anonymous,
        "opens_at": state.window.opens_at,
        "closes_at": state.window.closes_at,
        "answered": state.answered,
        "editable": state.editable,
    }


def _detail(state: AnswerState) -> dict:
    return _summary(state) | {
        "introduction": state.introduction,
        "submitted": state.submitted,
        "questions": state.questions,
        "answers": [
            {"question_id": key, "score": value, "text": ""}
            if isinstance(value, int)
            else {"question_id": key, "score": None, "text": value}
            for key, value in state.answers.items()
        ],
    }


class MySurveysView(MemberView):
    """GET: the person's surveys that accept answers now, soonest to close first."""

    @extend_schema(tags=TAGS, responses=s.MySurveySerializer(many=True))
    def get(self, request: Request) -> Response:
        items = invitation_list_open_for_user(user=request.user, now=timezone.now())
        states = [
            survey_answer_state(
                invitation=item.invitation, language=_language(), now=timezone.now()
            )
            for item in items
        ]
        return Response(s.MySurveySerializer(map(_summary, states), many=True).data)


class MySurveyView(MemberView):
    """GET: one of the person's surveys, its questions and their answers."""

    @extend_schema(tags=TAGS, responses={200: s.MySurveyDetailSerializer, **ERRORS})
    def get(self, request: Request, pk: int) -> Response:
        return Response(s.MySurveyDetailSerializer(_detail(_state(request, pk))).data)


class MySurveyAnswersView(MemberView):
    """PUT: all the person's answers, kept as a draft or sent; all or nothing."""

    @extend_schema(
        tags=TAGS,
        request=s.AnswersInputSerializer,
        responses={200: s.MySurveyDetailSerializer, **ERRORS},
    )
    def put(self, request: Request, pk: int) -> Response:
        state = _state(request, pk)
        data = s.AnswersInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        answers = {
            item["question_id"]: item.get("score")
            if item.get("score") is not None
            else item.get("text", "")
            for item in data.validated_data["answers"]
        }
        survey_answers_save(
            invitation=state.invitation,
            answers=answers,
            language=_language(),
            submit=data.validated_data["submit"],
        )
        return Response(s.MySurveyDetailSerializer(_detail(_state(request, pk))).data)
