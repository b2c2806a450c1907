"""The coordinators' admin for editions and meetings; writes go through the services."""

from typing import Any

from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.permissions import policy_registry

from learning.catalogue.enums import ProgrammeFormat
from learning.core.admin_views import (
    LearningModelViewSet,
    ServiceCreateView,
    ServiceEditView,
)
from learning.core.views_openings import OpeningListButtonMixin

from .models import Edition, Meeting
from .selectors import (
    edition_get_status,
    edition_list_with_places,
    edition_places_left,
    meeting_list_with_editions,
)
from .services import (
    edition_create,
    edition_facilitators_set,
    edition_update,
    meeting_create,
    meeting_update,
)

EDITION_CREATE_FIELDS = (
    "title",
    "slug",
    "starts_on",
    "ends_on",
    "enrolment_opens_at",
    "enrolment_closes_at",
    "places",
    "min_representatives",
    "max_representatives",
    "requires_approval",
    "time_zone",
    "is_online",
    "venue",
    "city",
    "country",
)
MEETING_CREATE_FIELDS = (
    "starts_at",
    "duration_minutes",
    "session_topic",
    "title",
    "join_url",
    "interpretation_languages",
    "recording_url",
)


class EditionForm(WagtailAdminModelForm):
    """The edition form: only staff accounts that can sign in may facilitate."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if field := self.fields.get("facilitators"):
            field.queryset = (
                get_user_model()
                .objects.filter(is_active=True, is_staff=True)
                .order_by("first_name", "last_name", "email")
            )
        if (field := self.fields.get("places")) and _is_seminar(self.instance):
            # A seminar's places are people, who register one by one.
            field.help_text = _("How many people can take part.")


def _is_seminar(edition: Edition) -> bool:
    programme = edition.programme if edition.programme_id else None
    return getattr(programme, "programme_format", "") == ProgrammeFormat.SEMINAR


class EditionCreateForm(EditionForm):
    """The new-edition form; the service fills an empty slug or time zone."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("slug", "time_zone"):
            self.fields[name].required = False
        self.fields["time_zone"].help_text = _(
            "Leave empty for the programme's zone. The edition keeps the zone it "
            "gets: changing the programme's zone later does not change it."
        )


class MeetingCreateForm(WagtailAdminModelForm):
    """The new-meeting form; editions are named with their programme."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["edition"]
        field.queryset = Edition.objects.select_related("programme")
        field.label_from_instance = _edition_label


def _edition_label(edition: Edition) -> str:
    return f"{edition.programme.title}: {edition.label}"


def _edition_panels() -> list[FieldPanel | MultiFieldPanel]:
    return [
        FieldPanel("title"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")])],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("enrolment_opens_at"),
                        FieldPanel("enrolment_closes_at"),
                    ]
                )
            ],
            heading=_("Enrolment window"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("places"),
                FieldRowPanel(
                    [
                        FieldPanel("min_representatives"),
                        FieldPanel("max_representatives"),
                    ]
                ),
                FieldPanel("requires_approval"),
            ],
            heading=_("Places"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_online"),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("time_zone"),
            ],
            heading=_("Location"),
            help_text=_(
                "A seminar needs a city and country, or online. Times are shown "
                "in the edition's time zone: choose the venue's."
            ),
        ),
        FieldPanel("facilitators", widget=forms.CheckboxSelectMultiple),
    ]


def _meeting_panels() -> list[FieldPanel]:
    return [
        FieldPanel("session_topic"),
        FieldPanel("title"),
        FieldPanel("starts_at"),
        FieldPanel("duration_minutes"),
        FieldPanel("join_url"),
        FieldPanel("interpretation_languages"),
        FieldPanel("recording_url"),
    ]


class EditionIndexView(OpeningListButtonMixin, generic.IndexView):
    """Editions with status and places; users with any edition permission."""

    def get_base_queryset(self) -> Any:
        return edition_list_with_places()

    def get_list_more_buttons(self, instance: Model) -> list[Any]:
        buttons = super().get_list_more_buttons(instance)
        query = f"?edition={instance.pk}"
        buttons.append(
            MenuItem(
                _("Meetings"),
                reverse("learning_meetings:index") + query,
                icon_name="date",
                priority=40,
            )
        )
        if _can_see_enrolments(self.request.user):
            buttons.append(
                MenuItem(
                    _("Enrolments"),
                    reverse("learning_enrolments:index") + query,
                    icon_name="group",
                    priority=50,
                )
            )
        return buttons


def _can_see_enrolments(user: Any) -> bool:
    # Looked up, not imported: editions sit below the formats and may run without
    # the enrolments app.
    if not apps.is_installed("learning.enrolments"):
        return False
    policy = policy_registry.get_by_type(apps.get_model("enrolments", "Enrolment"))
    return bool(policy.user_has_any_permission(user, ["view", "change"]))


class EditionCreateView(ServiceCreateView):
    """Creates an edition through edition_create; users with the add permission."""

    log_action = None  # the service logs, with its actor

    def service_call(self, data: dict[str, Any]) -> Edition:
        edition = edition_create(
            programme=data["programme"],
            actor=self.request.user,
            **{name: data[name] for name in EDITION_CREATE_FIELDS},
        )
        if data.get("facilitators"):
            edition_facilitators_set(
                edition=edition, users=data["facilitators"], actor=self.request.user
            )
        return edition


class EditionEditView(ServiceEditView):
    """Changes an edition through edition_update; users with the change permission."""

    log_action = None  # the service logs, with its actor

    def service_call(self, data: dict[str, Any]) -> Edition:
        facilitators = data.pop("facilitators", None)
        edition = edition_update(
            edition=self.object, data=data, actor=self.request.user
        )
        if facilitators is not None:
            edition_facilitators_set(
                edition=edition, users=facilitators, actor=self.request.user
            )
        return edition


class MeetingCreateView(ServiceCreateView):
    """Plans a meeting through meeting_create; users with the add permission."""

    log_action = None  # the service logs, with its actor

    def get_initial(self) -> dict[str, Any]:
        initial: dict[str, Any] = super().get_initial()
        if edition := self.request.GET.get("edition"):
            initial["edition"] = edition
        return initial

    def service_call(self, data: dict[str, Any]) -> Meeting:
        return meeting_create(
            edition=data["edition"],
            actor=self.request.user,
            **{name: data[name] for name in MEETING_CREATE_FIELDS},
        )


class MeetingEditView(ServiceEditView):
    """Changes a meeting through meeting_update; users with the change permission."""

    log_action = None  # the service logs, with its actor

    def service_call(self, data: dict[str, Any]) -> Meeting:
        # The form has already written its values on self.object: the service
        # needs the stored meeting to tell whether calendars must update.
        stored = Meeting.objects.select_related("edition").get(pk=self.object.pk)
        return meeting_update(meeting=stored, data=data, actor=self.request.user)


class MeetingIndexView(generic.IndexView):
    """Meetings in time order, by edition; users with any meeting permission."""

    def get_base_queryset(self) -> Any:
        return meeting_list_with_editions()


class EditionViewSet(LearningModelViewSet):
    """Editions: create, edit, list with status and places, inspect."""

    model = Edition
    name = "learning_editions"
    url_prefix = "learning/editions"
    icon = "date"
    menu_label = _("Editions")
    index_view_class = EditionIndexView
    add_view_class = EditionCreateView
    edit_view_class = EditionEditView
    list_filter = ["programme"]
    search_fields = ["title", "slug"]
    list_display = [
        "__str__",
        "programme",
        "starts_on",
        "time_zone",
        Column(
            "status",
            label=_("Status"),
            accessor=lambda edition: edition_get_status(edition=edition).label,
        ),
        "places",
        Column(
            "places_taken",
            label=_("Places taken"),
            accessor="places_taken",
            sort_key="places_taken",
        ),
        Column(
            "places_left",
            label=_("Places left"),
            accessor=lambda edition: edition_places_left(edition=edition),
        ),
    ]
    edit_handler = ObjectList(_edition_panels(), base_form_class=EditionForm)
    create_handler = ObjectList(
        [FieldPanel("programme"), *_edition_panels()],
        base_form_class=EditionCreateForm,
    ).bind_to_model(Edition)


class MeetingViewSet(LearningModelViewSet):
    """Meetings of every edition: plan, edit (e.g. add the recording), list, inspect."""

    model = Meeting
    name = "learning_meetings"
    url_prefix = "learning/meetings"
    icon = "calendar-alt"
    menu_label = _("Meetings")
    index_view_class = MeetingIndexView
    add_view_class = MeetingCreateView
    edit_view_class = MeetingEditView
    list_filter = ["edition"]
    search_fields = ["title", "session_topic__title", "edition__title"]
    list_display = [
        "__str__",
        "edition",
        "starts_at",
        "duration_minutes",
        "interpretation_languages",
    ]
    edit_handler = ObjectList(_meeting_panels())
    create_handler = ObjectList(
        [FieldPanel("edition"), *_meeting_panels()],
        base_form_class=MeetingCreateForm,
    ).bind_to_model(Meeting)
