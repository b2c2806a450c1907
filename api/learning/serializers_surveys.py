"""Shapes of a person's feedback surveys (/me/surveys/): the list, one survey
with its questions and the person's answers, and the answers sent back."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from learning.mel.enums import SCORE_MAX, SCORE_MIN, QuestionKind, SurveyKind

from .serializers_fields import UtcDateTimeField


@extend_schema_field(
    {"type": "string", "enum": SurveyKind.values}, component_name="SurveyKind"
)
class SurveyKindField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=SurveyKind.choices, **kwargs)


@extend_schema_field(
    {"type": "string", "enum": QuestionKind.values}, component_name="QuestionKind"
)
class QuestionKindField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=QuestionKind.choices, **kwargs)


class MySurveySerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The invitation's id.")
    title = serializers.CharField(help_text="In the request's language.")
    occasion = serializers.CharField(help_text="The meeting, module, edition or event.")
    kind = SurveyKindField()
    anonymous = serializers.BooleanField(
        help_text="Answers keep no link to the person; they are sent once, complete, "
        "and cannot be changed."
    )
    opens_at = UtcDateTimeField()
    closes_at = UtcDateTimeField()
    answered = serializers.BooleanField()
    editable = serializers.BooleanField(
        help_text="Answers may be given or changed now."
    )


class QuestionSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="Stable across languages.")
    kind = QuestionKindField()
    text = serializers.CharField(help_text="In the request's language.")


class AnswerSerializer(serializers.Serializer):
    question_id = serializers.CharField(max_length=64)
    score = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text=f"For score and objective questions: {SCORE_MIN} to {SCORE_MAX}.",
    )
    text = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False
    )


class MySurveyDetailSerializer(MySurveySerializer):
    introduction = serializers.CharField()
    submitted = serializers.BooleanField(
        help_text="Sent (not a draft). Always false for anonymous surveys, whose "
        "answers are not shown back."
    )
    questions = QuestionSerializer(many=True)
    answers = AnswerSerializer(many=True, help_text="The person's own answers.")


class AnswersInputSerializer(serializers.Serializer):
    answers = AnswerSerializer(
        many=True, help_text="Every answer: a question left out is cleared."
    )
    submit = serializers.BooleanField(
        default=True,
        help_text="false keeps a draft (named surveys only); true sends the answers.",
    )
