"""The secretariat's forms: review, question, accept, decline; and members.

They collect input only: every rule is checked by the services they feed.
"""

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateTimeInput

from learning.catalogue.enums import ProgrammeFormat
from learning.catalogue.fields import delivery_language_choices
from learning.catalogue.models import ProgrammePage, time_zone_choices

from .models import SCORE_MIN, ProposalReview
from .selectors import Criterion

SCORE_PREFIX = "score_"


class ReviewForm(forms.Form):
    """One score per criterion of the call's rubric, and a comment."""

    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(
        self,
        *args: Any,
        criteria: Sequence[Criterion],
        top_score: int,
        review: ProposalReview | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "---------")] + [
            (str(n), str(n)) for n in range(SCORE_MIN, top_score + 1)
        ]
        scores = {}
        for criterion in criteria:
            name = f"{SCORE_PREFIX}{criterion.id}"
            scores[name] = forms.TypedChoiceField(
                label=criterion.name,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,  # the service says which score is missing
                help_text=_criterion_help(criterion),
            )
        # The scores first, the comment last.
        self.fields = {**scores, "comment": self.fields["comment"]}
        if review is not None:
            self.initial.update(
                {f"{SCORE_PREFIX}{key}": value for key, value in review.scores.items()}
            )
            self.initial["comment"] = review.comment

    def scores(self) -> dict[str, int]:
        """The scores given, by criterion id."""
        return {
            name.removeprefix(SCORE_PREFIX): value
            for name, value in self.cleaned_data.items()
            if name.startswith(SCORE_PREFIX) and value is not None
        }


def _criterion_help(criterion: Criterion) -> str:
    weight = _("Weight %(weight)s.") % {"weight": criterion.weight}
    return f"{criterion.description} {weight}".strip()


class QuestionForm(forms.Form):
    question = forms.CharField(
        label=_("Question to the proposer"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("They are emailed a link to answer it."),
    )


class AcceptForm(forms.Form):
    """The session's date, typed in the chosen time zone, and its languages."""

    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=AdminDateTimeInput)
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes"), min_value=1, initial=90
    )
    rsvp_closes_at = forms.DateTimeField(
        label=_("RSVP deadline"), widget=AdminDateTimeInput
    )
    interpretation_languages = forms.MultipleChoiceField(
        label=_("Live interpretation"),
        choices=delivery_language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    message = forms.CharField(
        label=_("Message to the proposer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        zone_name = cleaned.get("time_zone")
        if zone_name:
            zone = ZoneInfo(zone_name)
            for name in ("starts_at", "rsvp_closes_at"):
                if value := cleaned.get(name):
                    wall_clock = timezone.make_naive(value)  # as the user typed it
                    cleaned[name] = timezone.make_aware(wall_clock, zone)
        return cleaned


class DeclineForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the proposer"),
        required=False,  # the service asks for it, in its words
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Say why; they receive it in an email."),
    )


class MembershipForm(WagtailAdminModelForm):
    """Programmes of member-led sessions (default language) and active people."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "programme" in self.fields:
            self.fields["programme"].queryset = ProgrammePage.objects.filter(
                programme_format=ProgrammeFormat.PROPOSAL_SESSIONS,
                locale__language_code=settings.LANGUAGE_CODE,
            ).order_by("title")
        if "user" in self.fields:
            self.fields["user"].queryset = (
                get_user_model().objects.filter(is_active=True).order_by("email")
            )
