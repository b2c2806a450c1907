"""The coordinators' admin for enrolments: list, filters, exports and inspect.

The decisions on one enrolment and the representative replacement live in
views_decisions; this viewset routes them.
"""

from typing import Any

import django_filters
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import Button

from learning.core.admin_views import CSV_SAFE_PREPROCESS, LearningModelViewSet
from learning.core.csv_export import CsvExportMixin
from learning.core.localization import time_zone_name
from learning.editions.models import Edition

from .enums import EnrolmentStatus
from .exports import (
    ENROLMENT_EXPORT_FIELDS,
    ENROLMENT_EXPORT_HEADINGS,
    enrolment_export_row,
)
from .models import Enrolment, Organisation
from .offers import offer_deadline
from .selectors import enrolment_actions_available, enrolment_list_for_admin
from .views_decisions import ENROLMENT_ACTION_VIEWS, RepresentativeReplaceView


def offer_deadline_display(enrolment: Enrolment) -> str:
    """When the offer lapses, in the edition's zone: "9 December 2026, 14:00 (…)"."""
    deadline = offer_deadline(enrolment=enrolment)
    if deadline is None:
        return ""
    edition = enrolment.edition
    local = timezone.localtime(deadline, edition.zone)
    zone = time_zone_name(edition.time_zone)
    return f"{date_format(local, 'DATE_FORMAT')}, {local:%H:%M} ({zone})"


class EnrolmentFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(
        queryset=Edition.objects.all(), label=_("Edition")
    )
    status = django_filters.ChoiceFilter(
        choices=EnrolmentStatus.choices, label=_("Status")
    )
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(), label=_("Organisation")
    )
    country = django_filters.CharFilter(
        field_name="organisation__country",
        lookup_expr="icontains",
        label=_("Country"),
    )

    class Meta:
        model = Enrolment
        fields: list[str] = []


class EnrolmentIndexView(CsvExportMixin, generic.IndexView):
    """Enrolments, filters, CSV/XLSX export; users with any enrolment permission."""

    custom_value_preprocess = CSV_SAFE_PREPROCESS

    def get_base_queryset(self) -> Any:
        return enrolment_list_for_admin()

    def to_row_dict(self, item: Enrolment) -> Any:
        return enrolment_export_row(item)

    def get_filename(self) -> str:
        cleaned = getattr(self.filters.form, "cleaned_data", {}) if self.filters else {}
        edition = cleaned.get("edition")
        return f"enrolments-{edition.slug}" if edition else "enrolments"


class EnrolmentInspectView(generic.InspectView):
    """An enrolment, its representatives and decisions; users with any permission."""

    template_name = "learning/admin/enrolment_inspect.html"

    def get_object(self, queryset: Any = None) -> Enrolment:
        return get_object_or_404(enrolment_list_for_admin(), pk=self.pk)

    @cached_property
    def header_more_buttons(self) -> list[Button]:
        # The decisions taken on an enrolment, with who took them, are its history.
        history = reverse("learning_enrolments:history", args=[self.object.pk])
        return [
            *super().header_more_buttons,
            Button(_("History"), url=history, icon_name="history", priority=30),
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        enrolment = self.object
        can_change = self.user_has_permission("change")
        available = enrolment_actions_available(enrolment=enrolment)
        context.update(
            enrolment=enrolment,
            modules=enrolment.modules.all(),
            representatives=enrolment.participants.select_related("replaced_by"),
            offer_deadline=offer_deadline_display(enrolment),
            can_replace=can_change and "replace" in available,
            actions=[
                {
                    "label": view.page_title,
                    "url": reverse(f"learning_enrolments:{name}", args=[enrolment.pk]),
                    "serious": view.serious,
                }
                for name, view in ENROLMENT_ACTION_VIEWS.items()
                if can_change and name in available
            ],
        )
        return context


class EnrolmentViewSet(LearningModelViewSet):
    """Enrolments: made by organisations, decided here through the services."""

    model = Enrolment
    name = "learning_enrolments"
    url_prefix = "learning/enrolments"
    icon = "group"
    menu_label = _("Enrolments")
    excluded_views = frozenset({"add", "edit", "copy", "delete", "usage"})
    index_view_class = EnrolmentIndexView
    inspect_view_class = EnrolmentInspectView
    filterset_class = EnrolmentFilterSet
    search_fields = ["organisation__name", "organisation__domain"]
    list_display = [
        "organisation",
        "edition",
        "status",
        "waitlist_position",
        Column(
            "offer_deadline",
            label=_("Offer deadline"),
            accessor=offer_deadline_display,
        ),
        "organisation__country",
        "organisation__possible_duplicate_of",
        "created_at",
    ]
    list_export = ENROLMENT_EXPORT_FIELDS
    export_headings = ENROLMENT_EXPORT_HEADINGS
    inspect_view_fields = [
        "edition",
        "organisation",
        "status",
        "waitlist_position",
        "submitted_by_email",
        "consent_at",
        "promoted_at",
        "status_changed_at",
        "created_at",
    ]

    def get_urlpatterns(self) -> list[Any]:
        actions = [
            path(f"{name}/<int:pk>/", view.as_view(), name=name)
            for name, view in ENROLMENT_ACTION_VIEWS.items()
        ]
        replace = path(
            "representative/<int:pk>/replace/",
            RepresentativeReplaceView.as_view(),
            name="replace_representative",
        )
        return [*super().get_urlpatterns(), *actions, replace]
