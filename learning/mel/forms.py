"""The one-page survey form: a 1-5 scale or a text box per question.

Every field is optional here: which answers a sent survey needs, and which
values are allowed, is the service's rule (survey_answers_save).
"""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import SCORE_MAX, SCORE_MIN
from .selectors import Question

FIELD_PREFIX = "q_"


def field_name(question_id: str) -> str:
    """The form field of a question."""
    return f"{FIELD_PREFIX}{question_id}"


class SurveyAnswerForm(forms.Form):
    """The questions of one survey, in the reader's language."""

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[field_name(question.id)] = (
                _score_field(question) if question.scored else _text_field(question)
            )

    def answers(self) -> dict[str, Any]:
        """The answers by question id, as the service takes them."""
        return {
            name.removeprefix(FIELD_PREFIX): value
            for name, value in self.cleaned_data.items()
        }


def _score_field(question: Question) -> forms.Field:
    return forms.TypedChoiceField(
        label=question.text,
        choices=[(n, str(n)) for n in range(SCORE_MIN, SCORE_MAX + 1)],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "scale"}),
        help_text=_("1 = not at all, 5 = very much."),
    )


def _text_field(question: Question) -> forms.Field:
    return forms.CharField(
        label=question.text,
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
