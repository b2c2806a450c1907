"""The public sign-up form of an information session; the rules are the service's."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learning.core.consent import ConsentField


def language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


class InfoSessionSignUpForm(forms.Form):
    """Who signs up, and their consent to the privacy statement."""

    name = forms.CharField(label=_("Name"), max_length=255)
    email = forms.EmailField(label=_("Email address"))
    organisation = forms.CharField(
        label=_("Organisation"), max_length=255, required=False
    )
    country = forms.CharField(label=_("Country"), max_length=100, required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=language_choices,
        help_text=_("We write to you in this language."),
    )
    consent = ConsentField()

    def __init__(self, *args: Any, consent_label: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_label
