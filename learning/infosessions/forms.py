"""The public sign-up form of an information session; the rules are the service's."""

from django import forms
from django.utils.translation import gettext_lazy as _

from learning.core.forms import PersonForm


class InfoSessionSignUpForm(PersonForm):
    """Who signs up, and their consent to the privacy statement."""

    # The person's institution, under the name this format has always used.
    # (None removes an inherited field: Django's way, which the stubs cannot type.)
    institution = None  # type: ignore[assignment]
    organisation = forms.CharField(
        label=_("Organisation"), max_length=255, required=False
    )
    field_order = ["name", "email", "organisation"]
