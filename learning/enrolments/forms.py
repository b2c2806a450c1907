"""The public enrolment form: an organisation, its representatives, its modules.

The forms only shape input; every rule (counts, window, consent, Module 1) is the
service's, and its errors are put back on these forms by the view.
"""

import uuid
from collections.abc import Collection
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from django_stubs_ext import StrOrPromise

from learning.core.consent import ConsentField

from .services import RepresentativeInput


class LockedCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes where some options are always ticked and cannot be unticked."""

    def __init__(self, *args: Any, locked: Collection[str] = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.locked = {str(value) for value in locked}

    def create_option(
        self,
        name: str,
        value: Any,
        label: int | str,
        selected: bool,
        index: int,
        subindex: int | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        locked = str(value) in self.locked
        option = super().create_option(
            name, value, label, selected or locked, index, subindex, attrs
        )
        if locked:
            option["attrs"]["disabled"] = True
        return option


class OrganisationEnrolmentForm(forms.Form):
    """The organisation's details, the modules it chooses and its consent."""

    organisation_name = forms.CharField(label=_("Organisation name"), max_length=255)
    organisation_country = forms.CharField(label=_("Country"), max_length=100)
    organisation_website = forms.URLField(
        label=_("Website"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("For example https://example.org"),
    )
    modules = forms.MultipleChoiceField(
        label=_("Modules"),
        required=False,
    )
    consent = ConsentField()
    submission_key = forms.CharField(
        widget=forms.HiddenInput, required=False, max_length=64
    )

    def __init__(
        self,
        *args: Any,
        module_choices: list[tuple[str, str]],
        locked_modules: Collection[str],
        consent_label: str,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("initial", {}).setdefault("submission_key", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)
        modules = self.fields["modules"]
        assert isinstance(modules, forms.MultipleChoiceField)  # noqa: S101 (declared above)
        modules.choices = module_choices
        modules.widget = LockedCheckboxSelectMultiple(
            choices=module_choices, locked=locked_modules
        )
        modules.help_text = _locked_help(module_choices, locked_modules)
        self.fields["consent"].label = consent_label


def _locked_help(choices: list[tuple[str, str]], locked: Collection[str]) -> str:
    # Named by their titles: the module everyone takes first is not always the
    # one numbered 1, and a programme may have none.
    titles = [str(label) for value, label in choices if value in locked]
    if not titles:
        return ""
    return ngettext(
        "%(modules)s is always included: everyone takes it first.",
        "%(modules)s are always included: everyone takes them first.",
        len(titles),
    ) % {"modules": ", ".join(titles)}


def language_choices() -> list[tuple[str, StrOrPromise]]:
    return list(settings.LANGUAGES)


class RepresentativeForm(forms.Form):
    """One person the organisation sends; a blank form is left out."""

    name = forms.CharField(label=_("Name"), max_length=255)
    email = forms.EmailField(label=_("Email address"))
    role = forms.CharField(
        label=pgettext_lazy("position in an organisation", "Role"),
        max_length=255,
        required=False,
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=language_choices,
        help_text=_("We write to this person in this language."),
    )

    def representative(self) -> RepresentativeInput:
        """The form's person as the enrolment service takes it."""
        return RepresentativeInput(**self.cleaned_data)


def representative_formset(
    *, data: Any, maximum: int, language: str
) -> "forms.BaseFormSet[RepresentativeForm]":
    """`maximum` representative forms (blank ones are ignored), in `language`."""
    # Only `maximum` forms are shown; a longer list is for the service to refuse.
    formset_class = forms.formset_factory(
        RepresentativeForm, extra=maximum, max_num=maximum, absolute_max=maximum + 20
    )
    return formset_class(
        data=data,
        prefix="representatives",
        form_kwargs={"initial": {"preferred_language": language}},
    )


def representatives_of(
    formset: "forms.BaseFormSet[RepresentativeForm]",
) -> list[RepresentativeInput]:
    """The people of the filled-in forms of a valid formset."""
    return [form.representative() for form in formset if form.cleaned_data]
