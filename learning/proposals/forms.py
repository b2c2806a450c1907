"""The member's proposal form and the answer to a question: formats only, no rules."""

import re
from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from learning.catalogue.fields import delivery_language_choices

from .models import Proposal

MONTH_PATTERN = re.compile(r"^\s*(\d{4})-(\d{1,2})(?:-\d{1,2})?\s*$")
# The fieldsets of the form, in order: (legend, field names).
FIELDSETS = (
    (_("About the session"), ("title", "language", "summary")),
    (_("What you bring"), ("lessons_learned", "results", "partners")),
    (_("Practicalities"), ("session_languages", "preferred_month")),
)


class MonthInput(forms.DateInput):
    """A month picker (``<input type="month">``) that shows a date as YYYY-MM."""

    input_type = "month"

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, date):
            return value.strftime("%Y-%m")
        return super().format_value(value)


class MonthField(forms.Field):
    """A month as its first day, from YYYY-MM (or YYYY-MM-DD), picked or typed."""

    widget = MonthInput
    default_error_messages = {
        "invalid": _("Enter a month as year and month, e.g. 2027-03."),
    }

    def to_python(self, value: Any) -> date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value.replace(day=1)
        match = MONTH_PATTERN.match(str(value))
        if match and 1 <= int(match[2]) <= 12 and int(match[1]) >= 1:
            return date(int(match[1]), int(match[2]), 1)
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class ProposalForm(forms.ModelForm):  # type: ignore[type-arg]  # generic in the stubs only
    """A proposal's text; `alignment` is the call's statement to confirm on submit."""

    alignment = forms.BooleanField(required=False)
    preferred_month = MonthField(
        label=_("Preferred month"),
        required=False,
        help_text=_("The month you would like to hold the session in, e.g. 2027-03."),
    )
    session_languages = forms.MultipleChoiceField(
        label=_("Languages of the session"),
        choices=delivery_language_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Languages the session could be held or interpreted in."),
    )

    class Meta:
        model = Proposal
        fields = (
            "title",
            "language",
            "summary",
            "lessons_learned",
            "results",
            "partners",
            "session_languages",
            "preferred_month",
        )
        widgets = {
            name: forms.Textarea(attrs={"rows": 5})
            for name in ("summary", "lessons_learned", "results", "partners")
        }
        help_texts = {
            "summary": _("What the session is about and how it will run."),
            "lessons_learned": _("What you learned from failures and from successes."),
            "results": _("The results and impact of your experience."),
            "partners": _("Organisations you worked with, if any."),
        }

    def __init__(self, *args: Any, alignment_statement: str = "", **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["alignment"].label = alignment_statement or _(
            "I confirm that the session is aligned with the call."
        )
        language = self.fields["language"]
        assert isinstance(language, forms.ChoiceField)  # noqa: S101 (a choices field)
        language.choices = delivery_language_choices()
        self.fields["language"].label = _("Language of the proposal")

    def fieldsets(self) -> list[tuple[Any, list[forms.BoundField]]]:
        """The fields grouped for the page, each group with its legend."""
        return [(legend, [self[name] for name in names]) for legend, names in FIELDSETS]

    def draft_data(self) -> dict[str, Any]:
        """What the services save: the cleaned fields of the proposal."""
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}

    def _post_clean(self) -> None:
        # The services validate the model (and say what a submission lacks);
        # the form only reads the formats, so a draft may stay incomplete.
        pass


class AnswerForm(forms.Form):
    """The answer to one question of the secretariat."""

    answer = forms.CharField(
        label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, question_id: int, **kwargs: Any):
        kwargs["prefix"] = f"question-{question_id}"
        super().__init__(*args, **kwargs)
