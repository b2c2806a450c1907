"""How a view shows a service's ValidationError on the form that called it."""

from collections.abc import Callable, Mapping

from django import forms
from django.core.exceptions import ValidationError


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
