"""The coordinators' admin for seminar registrations: per run, with counts per
target group, CSV/XLSX export, history and cancelling on a person's behalf.

Registrations are made by the public (the site or the API); the admin writes
only through the services. Access follows the model permissions on
Registration (coordinators and superusers).
"""

from collections import OrderedDict
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button

from learning.core.admin_views import CSV_SAFE_PREPROCESS, LearningModelViewSet
from learning.core.csv_export import CsvExportMixin
from learning.core.types import signed_in_user
from learning.editions.models import Edition

from .enums import RegistrationStatus
from .models import Registration
from .selectors import (
    registration_group_counts,
    registration_list,
    registration_state,
    registration_target_group_names,
)
from .services import registration_cancel

NAME = "learning_seminar_registrations"
EXPORT_HEADINGS = {
    "edition": _("Seminar run"),
    "status": _("Status"),
    "name": _("Name"),
    "email": _("Email address"),
    "institution": _("Institution"),
    "country": _("Country"),
    "language": _("Language"),
    "target_group": _("Target group"),
    "created_at": _("Registered at"),
    "cancelled_at": _("Cancelled at"),
}


class GroupNames:
    """Target-group names per run, looked up once per run for a whole list."""

    def __init__(self) -> None:
        self._by_edition: dict[int, dict[str, str]] = {}

    def of(self, registration: Registration) -> str:
        edition = registration.edition
        if edition.pk not in self._by_edition:
            self._by_edition[edition.pk] = registration_target_group_names(
                edition=edition
            )
        return self._by_edition[edition.pk].get(registration.target_group, "")


class RegistrationIndexView(CsvExportMixin, generic.IndexView):
    """Registrations with, for one run, counts per target group; CSV/XLSX export.

    Access: users with any permission on Registration (coordinators).
    """

    results_template_name = "learning/admin/registration_index_results.html"
    custom_value_preprocess = CSV_SAFE_PREPROCESS

    @cached_property
    def group_names(self) -> GroupNames:
        return GroupNames()

    def get_base_queryset(self) -> Any:
        return registration_list()

    def to_row_dict(self, item: Registration) -> "OrderedDict[str, Any]":
        row: OrderedDict[str, Any] = super().to_row_dict(item)
        row["edition"] = item.edition.label
        row["status"] = item.get_status_display()
        row["target_group"] = self.group_names.of(item)
        return row

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        # The table reads these as it renders, after this.
        for registration in context["object_list"]:
            registration.target_group_label = self.group_names.of(registration)
        context["run"] = self._run_summary()
        return context

    def _run_summary(self) -> dict[str, Any] | None:
        """The filtered run's places and counts per target group, if one is."""
        chosen = self.request.GET.getlist("edition")
        if len(chosen) != 1 or not chosen[0].isdigit():
            return None
        edition = Edition.objects.select_related("programme").filter(pk=chosen[0])
        run = edition.first()
        if run is None:
            return None
        return {
            "edition": run,
            "state": registration_state(edition=run),
            "groups": registration_group_counts(edition=run),
        }


class RegistrationInspectView(generic.InspectView):
    """One registration, with a Cancel button while it is active.

    Access: users with any permission on Registration; the button, with change.
    """

    def get_target_group_display_value(self) -> str:
        return GroupNames().of(self.object) or "—"

    @cached_property
    def header_more_buttons(self) -> list[Button]:
        buttons = list(super().header_more_buttons)
        pk = self.object.pk
        if (
            self.user_has_permission("change")
            and self.object.status != RegistrationStatus.CANCELLED
        ):
            buttons.append(
                Button(
                    _("Cancel this registration"),
                    url=reverse(f"{NAME}:cancel", args=[pk]),
                    icon_name="cross",
                    priority=40,
                )
            )
        buttons.append(
            Button(
                _("History"),
                url=reverse(f"{NAME}:history", args=[pk]),
                icon_name="history",
                priority=50,
            )
        )
        return buttons


class RegistrationCancelView(
    PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Cancels on the person's behalf through registration_cancel (a freed place
    goes to the waitlist).

    Access: users with the change permission on Registration (coordinators).
    """

    permission_policy: Any = None  # set by the viewset
    permission_required = "change"
    template_name = "learning/admin/registration_cancel.html"
    page_title = _("Cancel a registration")
    header_icon = "user"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.registration = get_object_or_404(registration_list(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "registration": self.registration}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            registration_cancel(
                registration=self.registration, actor=signed_in_user(request)
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The registration is cancelled."))
        return redirect(f"{NAME}:inspect", self.registration.pk)


class RegistrationViewSet(LearningModelViewSet):
    """Seminar registrations: per run with counts per target group, export,
    inspect, history, cancel; made by the public."""

    model = Registration
    name = NAME
    url_prefix = "learning/seminar-registrations"
    icon = "group"
    menu_label = _("Seminar registrations")
    excluded_views = frozenset({"add", "edit", "copy", "delete", "usage"})
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    list_filter = ["edition", "status", "language"]
    search_fields = ["name", "email", "institution", "country"]
    list_display = [
        "name",
        "email",
        "institution",
        "country",
        Column("target_group", label=_("Target group"), accessor="target_group_label"),
        "status",
        "edition",
        "created_at",
    ]
    list_export = list(EXPORT_HEADINGS)
    export_headings = EXPORT_HEADINGS
    export_filename = "seminar-registrations"
    inspect_view_fields = [
        "edition",
        "status",
        "name",
        "email",
        "institution",
        "country",
        "language",
        "target_group",
        "consent_at",
        "created_at",
        "cancelled_at",
    ]

    def get_urlpatterns(self) -> list[Any]:
        cancel = RegistrationCancelView.as_view(
            permission_policy=self.permission_policy
        )
        return [
            *super().get_urlpatterns(),
            path("cancel/<int:pk>/", cancel, name="cancel"),
        ]
