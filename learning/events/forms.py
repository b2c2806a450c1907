"""The public RSVP forms of a learning event; the rules are the services'."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learning.core.consent import ConsentField


def language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


def _attending_field() -> forms.TypedChoiceField:
    # Radio buttons, not a checkbox: "not attending" is an answer too.
    return forms.TypedChoiceField(
        label=_("Will you attend?"),
        choices=[
            ("yes", _("Yes, I will attend")),
            ("no", _("No, I will not attend")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


def attending_initial(attending: bool) -> str:
    """The radio button that shows an answer."""
    return "yes" if attending else "no"


class EventRsvpForm(forms.Form):
    """A person's answer to an event's invitation."""

    attending = _attending_field()
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
    consent = ConsentField()

    def __init__(self, *args: Any, consent_label: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_label


class EventRsvpChangeForm(forms.Form):
    """A new answer from the change link of a confirmation email."""

    attending = _attending_field()
