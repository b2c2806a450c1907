"""Forms every format shares: the person who signs up without an account, and
how a view shows a service's ValidationError on the form that called it."""

from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from .consent import ConsentField


def language_choices() -> list[tuple[str, StrOrPromise]]:
    return list(settings.LANGUAGES)


class PersonForm(forms.Form):
    """Who signs up (learning.core.person's fields) and their consent.

    A format adds its own fields and places them with `field_order`; the rules
    are its service's.
    """

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


def _by_field(error: ValidationError) -> dict[str | None, list[ValidationError]]:
    # Not getattr() with a default: a dict error has no error_list to evaluate.
    if hasattr(error, "error_dict"):
        return dict(error.error_dict.items())
    return {None: error.error_list}


def form_errors_add(
    *,
    form: forms.BaseForm,
    error: ValidationError,
    field_of_code: Mapping[str, str] | None = None,
    field_of_name: Mapping[str, str] | None = None,
    default_field: str | None = None,
    set_aside: Callable[[str | None, ValidationError], bool] | None = None,
) -> list[str]:
    """Put each of a service's errors on its form field, else above the form.

    The field is, in turn: the one `field_of_code` names for the error's code,
    the error's own field when the form has it, the one `field_of_name` names
    for that model field, then `default_field` (None: above the form). Errors
    for which `set_aside(name, item)` is true are not added: their messages are
    returned, for the view to show elsewhere (e.g. beside a formset).
    """
    aside: list[str] = []
    for name, errors in _by_field(error).items():
        for item in errors:
            if set_aside is not None and set_aside(name, item):
                aside.extend(item.messages)
                continue
            form.add_error(
                _field_of(form, name, item, field_of_code, field_of_name)
                or default_field,
                item,
            )
    return aside


def _field_of(
    form: forms.BaseForm,
    name: str | None,
    item: ValidationError,
    field_of_code: Mapping[str, str] | None,
    field_of_name: Mapping[str, str] | None,
) -> str | None:
    by_code = (field_of_code or {}).get(item.code or "")
    if by_code:
        return by_code
    if name in form.fields:
        return name
    return (field_of_name or {}).get(name or "")
