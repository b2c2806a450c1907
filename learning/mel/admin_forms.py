"""The MEL dashboard's filters: module, organisation and language."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learning.catalogue.models import ModulePage
from learning.editions.models import Edition
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Organisation

from .indicators import Filters


class DashboardFilterForm(forms.Form):
    """Choices limited to the edition's modules and organisations."""

    module = forms.TypedChoiceField(
        label=_("Module"), required=False, coerce=int, empty_value=None
    )
    organisation = forms.TypedChoiceField(
        label=_("Organisation"), required=False, coerce=int, empty_value=None
    )
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        modules = ModulePage.objects.child_of(edition.programme).order_by(
            "module_number", "path"
        )
        self._choices_set("module", every + [(m.pk, m.title) for m in modules])
        organisations = Organisation.objects.filter(
            enrolments__edition=edition,
            enrolments__status=EnrolmentStatus.CONFIRMED,
        ).order_by("name")
        self._choices_set(
            "organisation", every + [(o.pk, o.name) for o in organisations]
        )
        self._choices_set("language", every + list(settings.LANGUAGES))

    def _choices_set(self, name: str, choices: list[tuple[Any, Any]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 (declared above)
        field.choices = choices

    def filters(self) -> Filters:
        """The chosen filters; "all" where the input is missing or invalid."""
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(
            module_id=data.get("module"),
            organisation_id=data.get("organisation"),
            language=data.get("language") or None,
        )
