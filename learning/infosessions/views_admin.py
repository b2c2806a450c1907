"""The coordinators' admin for information sessions and their sign-ups."""

from typing import Any

from django.db.models import Model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic

from learning.core.admin_views import (
    CSV_SAFE_PREPROCESS,
    LearningModelViewSet,
    ServiceCreateView,
)
from learning.core.csv_export import CsvExportMixin
from learning.core.views_openings import OpeningListButtonMixin

from .models import InfoSession, InfoSessionRegistration
from .selectors import (
    infosession_list_with_registrations,
    infosession_places_left,
    infosession_registration_list,
)
from .services import infosession_create

INFOSESSION_CREATE_FIELDS = (
    "programme",
    "title",
    "starts_at",
    "duration_minutes",
    "join_url",
    "capacity",
    "language",
)


class InfoSessionIndexView(OpeningListButtonMixin, generic.IndexView):
    """Sessions with their sign-ups; users with any information-session permission."""

    def get_base_queryset(self) -> Any:
        return infosession_list_with_registrations()

    def get_list_more_buttons(self, instance: Model) -> list[Any]:
        buttons = super().get_list_more_buttons(instance)
        url = reverse("learning_infosession_registrations:index")
        buttons.append(
            MenuItem(
                _("Registrations"),
                f"{url}?session={instance.pk}",
                icon_name="user",
                priority=40,
            )
        )
        return buttons


class InfoSessionCreateView(ServiceCreateView):
    """Plans a session through infosession_create; users with the add permission."""

    def service_call(self, data: dict[str, Any]) -> InfoSession:
        return infosession_create(
            actor=self.request.user,
            **{name: data[name] for name in INFOSESSION_CREATE_FIELDS},
        )

    def get_success_buttons(self) -> list[Any]:
        return []  # there is no edit view to link to


class RegistrationIndexView(CsvExportMixin, generic.IndexView):
    """Sign-ups with CSV/XLSX export; users with any registration permission."""

    custom_value_preprocess = CSV_SAFE_PREPROCESS

    def get_base_queryset(self) -> Any:
        return infosession_registration_list()


class InfoSessionViewSet(LearningModelViewSet):
    """Information sessions: plan, list with places left, inspect."""

    model = InfoSession
    name = "learning_infosessions"
    url_prefix = "learning/information-sessions"
    icon = "info-circle"
    menu_label = _("Information sessions")
    # No service changes a planned session yet, so there is no edit view.
    excluded_views = frozenset({"edit", "copy", "delete"})
    index_view_class = InfoSessionIndexView
    add_view_class = InfoSessionCreateView
    list_filter = ["programme", "language"]
    search_fields = ["title"]
    list_display = [
        "__str__",
        "programme",
        "starts_at",
        "language",
        "capacity",
        Column(
            "registration_count",
            label=_("Registrations"),
            accessor="registration_count",
            sort_key="registration_count",
        ),
        Column(
            "places_left",
            label=_("Places left"),
            accessor=lambda session: infosession_places_left(session=session),
        ),
    ]
    panels = [FieldPanel(name) for name in INFOSESSION_CREATE_FIELDS]
    edit_handler = ObjectList(panels)


class RegistrationViewSet(LearningModelViewSet):
    """Sign-ups for information sessions: list, search, export; made by the public."""

    model = InfoSessionRegistration
    name = "learning_infosession_registrations"
    url_prefix = "learning/information-session-registrations"
    icon = "user"
    menu_label = _("Registrations")
    excluded_views = frozenset(
        {"add", "edit", "copy", "delete", "history", "history_results", "usage"}
    )
    index_view_class = RegistrationIndexView
    list_filter = ["session", "language"]
    search_fields = ["name", "email", "organisation", "country"]
    list_display = ["name", "email", "organisation", "country", "session", "created_at"]
    list_export = [
        "session.label",
        "session.starts_at",
        "name",
        "email",
        "organisation",
        "country",
        "language",
        "created_at",
    ]
    export_headings = {
        "session.label": _("Information session"),
        "session.starts_at": _("Starts at"),
        "name": _("Name"),
        "email": _("Email address"),
        "organisation": _("Organisation"),
        "country": _("Country"),
        "language": _("Language"),
        "created_at": _("Registered at"),
    }
    export_filename = "information-session-registrations"
    inspect_view_fields = [
        "session",
        "name",
        "email",
        "organisation",
        "country",
        "language",
        "consent_at",
        "created_at",
    ]
