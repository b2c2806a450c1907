"""Building blocks of the learning admin: viewsets whose writes go through services."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpResponse
from wagtail.admin.admin_url_finder import ModelAdminURLFinder, NullAdminURLFinder
from wagtail.admin.views import generic
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from .csv_export import csv_cell_safe
from .forms import form_errors_add
from .views_openings import opening_created_notice

# Each app adds its viewsets to the Learning menu with a function registered
# for this hook, returning (order, viewset class) pairs: see core.wagtail_hooks.
LEARNING_MENU_HOOK = "register_learning_menu_viewsets"

__all__ = [
    "CSV_SAFE_PREPROCESS",
    "LEARNING_MENU_HOOK",
    "LearningModelViewSet",
    "ServiceCreateView",
    "ServiceEditView",
    "ServiceFormMixin",
    "form_errors_add",
]


# Wagtail's export preprocessing, plus formula-safe text in CSV files.
CSV_SAFE_PREPROCESS = {
    str: {SpreadsheetExportMixin.FORMAT_CSV: csv_cell_safe},
    **SpreadsheetExportMixin.custom_value_preprocess,
}


class ServiceFormMixin:
    """For create/edit views whose `save_instance` calls a learning service."""

    def form_valid(self, form: forms.BaseForm) -> HttpResponse:
        try:
            response: HttpResponse = super().form_valid(form)  # type: ignore[misc]  # a mixin's super
            return response
        except ValidationError as error:
            form_errors_add(form=form, error=error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()  # type: ignore[attr-defined]  # the view's
            invalid: HttpResponse = self.form_invalid(form)  # type: ignore[attr-defined]  # the view's
            return invalid


class ServiceCreateView(ServiceFormMixin, generic.CreateView):
    """Creates through `service_call`, then logs it (None: the service logs)."""

    log_action: str | None = "wagtail.create"

    def service_call(self, data: dict[str, Any]) -> Model:
        """Call the learning service with the form's cleaned data."""
        raise NotImplementedError

    def save_instance(self) -> Model:
        instance = self.service_call(self.form.cleaned_data)
        if self.log_action:
            log(instance=instance, action=self.log_action, user=self.request.user)
        opening_created_notice(self.request, instance)
        return instance


class ServiceEditView(ServiceFormMixin, generic.EditView):
    """Changes through `service_call` with the changed fields only, then logs it."""

    log_action: str | None = "wagtail.edit"

    def service_call(self, data: dict[str, Any]) -> Model:
        """Call the learning service with the fields the user changed."""
        raise NotImplementedError

    def save_instance(self) -> Model:
        # Only what the user changed: the services tell an edit by its fields.
        form = self.form
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        instance = self.service_call(data)
        if self.log_action:
            log(instance=instance, action=self.log_action, user=self.request.user)
        return instance


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
        url: str | None = self.construct_edit_url(instance)
        return url


class LearningModelViewSet(ModelViewSet):
    """A model viewset without the views that would write around the services."""

    # Copying and deleting would bypass the services' rules; subclasses drop more.
    excluded_views: frozenset[str] = frozenset({"copy", "delete"})
    copy_view_enabled = False
    inspect_view_enabled = True  # also registers the "view" permission
    # The add form's panels when creating needs more than editing (e.g. the parent).
    create_handler: Any = None

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        view_kwargs: dict[str, Any] = super().get_common_view_kwargs(**kwargs)
        for name in self.excluded_views:
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def get_add_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        if self.create_handler is not None:
            kwargs |= {
                "panel": self.create_handler,
                "form_class": self.create_handler.get_form_class(),
            }
        view_kwargs: dict[str, Any] = super().get_add_view_kwargs(**kwargs)
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
            finder: type = super().url_finder_class
            return finder
        if not self.inspect_view_enabled or "inspect" in self.excluded_views:
            null_finder: type = NullAdminURLFinder
            return null_finder
        name = self.get_url_name("inspect")
        return type(
            "LearningInspectURLFinder", (InspectURLFinder,), {"edit_url_name": name}
        )
