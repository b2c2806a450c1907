"""Building blocks of the learning admin: viewsets whose writes go through services."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from wagtail.admin.admin_url_finder import ModelAdminURLFinder, NullAdminURLFinder
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from .csv_export import csv_cell_safe


def form_errors_add(*, form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


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


class InspectURLFinder(ModelAdminURLFinder):
    """Links read-only learning data (in Site history, search) to its inspect view."""

    def get_edit_url(self, instance: Any) -> str | None:
        policy = policy_registry.get(instance)
        if (
            self.user
            and policy
            and not policy.user_has_permission_for_instance(self.user, "view", instance)
        ):
            return None
        return self.construct_edit_url(instance)


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

    @property
    def url_finder_class(self) -> type:
        # Wagtail's finder reverses the edit view, which read-only viewsets do not
        # route: the audit log (Site history) would fail on their log entries.
        if "edit" not in self.excluded_views:
            return super().url_finder_class
        if not self.inspect_view_enabled or "inspect" in self.excluded_views:
            return NullAdminURLFinder
        name = self.get_url_name("inspect")
        return type(
            "LearningInspectURLFinder", (InspectURLFinder,), {"edit_url_name": name}
        )
