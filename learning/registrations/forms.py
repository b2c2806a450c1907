"""The public registration form of a seminar run; the rules are the service's."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from learning.catalogue.selectors import TargetGroup
from learning.core.forms import PersonForm


class RegistrationForm(PersonForm):
    """Who registers, which target group they belong to, and their consent."""

    target_group = forms.ChoiceField(
        label=_("Which of these groups do you belong to?"),
        widget=forms.RadioSelect,
        required=False,  # the service checks it (code unknown_target_group)
    )
    # Before the consent, as always.
    field_order = [
        "name",
        "email",
        "institution",
        "country",
        "language",
        "target_group",
    ]

    def __init__(
        self,
        *args: Any,
        consent_label: str,
        target_groups: Sequence[TargetGroup],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, consent_label=consent_label, **kwargs)
        field = self.fields["target_group"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 (declared above)
        if target_groups:
            field.choices = [(group.id, group.name) for group in target_groups]
        else:
            del self.fields["target_group"]

    def service_data(self) -> dict[str, Any]:
        """The cleaned answers as registration_submit takes them."""
        return {"target_group": "", **self.cleaned_data}
