"""The public RSVP forms of a learning event; the rules are the services'."""

from django import forms
from django.utils.translation import gettext_lazy as _

from learning.core.forms import PersonForm


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


class EventRsvpForm(PersonForm):
    """A person's answer to an event's invitation."""

    attending = _attending_field()
    field_order = ["attending"]


class EventRsvpChangeForm(forms.Form):
    """A new answer from the change link of a confirmation email."""

    attending = _attending_field()
