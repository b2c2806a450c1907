"""The public registration form of a seminar run; the rules are the service's."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learning.catalogue.selectors import TargetGroup
from learning.core.consent import ConsentField


def language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


class RegistrationForm(forms.Form):
    """Who registers, which target group they belong to, and their consent."""

    name = forms.CharField(label=_("Name"), max_length=255)
    email = forms.EmailField(label=_("Email address"))
    institution = forms.CharField(
        label=_("Institution"), max_length=255, required=False
    )
    country = forms.CharField(label=_("Country"), max_length=100, required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=language_choices,
        help_text=_("We write to you in this language."),
    )
    target_group = forms.ChoiceField(
        label=_("Which of these groups do you belong to?"),
        widget=forms.RadioSelect,
        required=False,  # the service checks it (code unknown_target_group)
    )
    consent = ConsentField()

    def __init__(
        self,
        *args: Any,
        consent_label: str,
        target_groups: Sequence[TargetGroup],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_label
        field = self.fields["target_group"]
        if target_groups:
            field.choices = [(group.id, group.name) for group in target_groups]
        else:
            del self.fields["target_group"]

    def service_data(self) -> dict[str, Any]:
        """The cleaned answers as registration_submit takes them."""
        return {"target_group": "", **self.cleaned_data}
