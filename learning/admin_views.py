"""Building blocks of the learning admin: viewsets whose writes go through services."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.viewsets.model import ModelViewSet

# A spreadsheet program runs a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def form_errors_add(*, form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def csv_cell_safe(value: Any) -> str:
    """The value as CSV text that a spreadsheet program will not run as a formula."""
    text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


# Wagtail's export preprocessing, plus formula-safe text in CSV files.
CSV_SAFE_PREPROCESS = {
    str: {SpreadsheetExportMixin.FORMAT_CSV: csv_cell_safe},
    **SpreadsheetExportMixin.custom_value_preprocess,
}


class ServiceFormMixin:
    """For create/edit views whose `save_instance` calls a learning service."""

    def form_valid(self, form: forms.BaseForm) -> HttpResponse:
        try:
            return super().form_valid(form)  # type: ignore[misc]
        except ValidationError as error:
            form_errors_add(form=form, error=error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()  # type: ignore[attr-defined]
            return self.form_invalid(form)  # type: ignore[attr-defined]


class LearningModelViewSet(ModelViewSet):
    """A model viewset without the views that would write around the services."""

    # Copying and deleting would bypass the services' rules; subclasses drop more.
    excluded_views: frozenset[str] = frozenset({"copy", "delete"})
    copy_view_enabled = False
    inspect_view_enabled = True  # also registers the "view" permission

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in self.excluded_views:
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def get_form_class(self, for_update: bool = False) -> Any:
        if {"add", "edit"} <= self.excluded_views:
            return None  # read-only: no form view is routed
        return super().get_form_class(for_update=for_update)

    def get_urlpatterns(self) -> list[Any]:
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name not in self.excluded_views
        ]
