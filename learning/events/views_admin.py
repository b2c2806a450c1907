"""The coordinators' admin for learning events: schedule, RSVPs, exports, documents.

Writes go through the services; access follows the model permissions on Event
(coordinators and superusers).
"""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.widgets.button import Button

from learning.core.admin_views import (
    CSV_SAFE_PREPROCESS,
    LearningModelViewSet,
    ServiceCreateView,
    ServiceEditView,
)
from learning.core.csv_export import CsvExportMixin
from learning.core.localization import time_zone_name

from .exports import RSVP_EXPORT_FIELDS, RSVP_EXPORT_HEADINGS, rsvp_export_row
from .models import Event, EventRsvp, LearningEventPage
from .services import event_background_send, event_schedule, event_update

NAME = "learning_events"
# Entered and shown in the organiser's time zone (the form converts them).
ZONED_FIELDS = ("starts_at", "rsvp_closes_at")
SCHEDULE_FIELDS = (
    "starts_at",
    "duration_minutes",
    "time_zone",
    "rsvp_closes_at",
    "capacity",
    "join_url",
)


def in_organiser_zone(event: Event, moment: datetime) -> str:
    """A moment as the organiser reads it: "4 December 2026, 17:00 (Paris time)"."""
    local = timezone.localtime(moment, ZoneInfo(event.time_zone))
    zone = time_zone_name(event.time_zone)
    return f"{date_format(local, 'DATE_FORMAT')}, {local:%H:%M} ({zone})"


class EventForm(WagtailAdminModelForm):
    """Times are typed and shown in the event's own (the organiser's) time zone."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            zone = ZoneInfo(self.instance.time_zone)
            for name in ZONED_FIELDS:
                value = getattr(self.instance, name)
                self.initial[name] = timezone.localtime(value, zone).replace(
                    tzinfo=None
                )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        if zone_name:
            zone = ZoneInfo(zone_name)
            for name in ZONED_FIELDS:
                if value := cleaned.get(name):
                    wall_clock = timezone.make_naive(value)  # as the user typed it
                    cleaned[name] = timezone.make_aware(wall_clock, zone)
        return cleaned


class EventCreateForm(EventForm):
    """The new-event form: only event pages in the default language without a date."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["page"].queryset = (
            LearningEventPage.objects.filter(occurrence__isnull=True)
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("title")
        )


def _schedule_panels() -> list[Any]:
    return [
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldRowPanel(
                    [FieldPanel("starts_at"), FieldPanel("duration_minutes")]
                ),
                FieldPanel("rsvp_closes_at"),
            ],
            heading=_("Date and RSVP deadline"),
            help_text=_(
                "Type the times in the organiser's time zone; readers see them in "
                "their own."
            ),
        ),
        FieldPanel("capacity"),
        FieldPanel("join_url"),
    ]


class EventIndexView(generic.IndexView):
    """Events with their RSVP counts, in one query; users with any event permission."""

    def get_base_queryset(self) -> Any:
        return Event.objects.with_rsvp_counts().select_related("page")


class EventCreateView(ServiceCreateView):
    """Gives an event page its date through event_schedule; the add permission."""

    log_action = None  # the service logs, with its actor

    def service_call(self, data: dict[str, Any]) -> Event:
        return event_schedule(
            page=data["page"],
            actor=self.request.user,
            **{name: data[name] for name in SCHEDULE_FIELDS},
        )


class EventEditView(ServiceEditView):
    """Changes the date, deadline or places through event_update; change permission."""

    log_action = None  # the service logs, with its actor

    def service_call(self, data: dict[str, Any]) -> Event:
        # The service reads the stored event (the form wrote on self.object) to
        # tell whether calendars must update.
        return event_update(event=self.object, actor=self.request.user, **data)


class EventInspectView(CsvExportMixin, SpreadsheetExportMixin, generic.InspectView):
    """An event with its RSVPs and their export; users with any event permission."""

    template_name = "learning/admin/event_inspect.html"
    custom_value_preprocess = CSV_SAFE_PREPROCESS
    list_export = RSVP_EXPORT_FIELDS
    export_headings = RSVP_EXPORT_HEADINGS

    def get_object(self, queryset: Any = None) -> Event:
        events = Event.objects.with_rsvp_counts().select_related("page")
        return get_object_or_404(events, pk=self.pk)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.is_export:
            return self.as_spreadsheet(self._rsvps(), request.GET["export"])
        return super().get(request, *args, **kwargs)

    def get_filename(self) -> str:
        return f"rsvps-{self.object.page.slug}"

    def to_row_dict(self, item: EventRsvp) -> Any:
        return rsvp_export_row(item)

    def _rsvps(self) -> Any:
        return self.object.rsvps.select_related("event__page").order_by(
            "-attending", "name", "pk"
        )

    @cached_property
    def header_more_buttons(self) -> list[Button]:
        buttons = list(super().header_more_buttons)
        pk = self.object.pk
        if self.user_has_permission("change"):
            buttons.append(
                Button(
                    _("Email attendees the background documents"),
                    url=reverse(f"{NAME}:send_background", args=[pk]),
                    icon_name="mail",
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

    def get_starts_at_display_value(self) -> str:
        return in_organiser_zone(self.object, self.object.starts_at)

    def get_rsvp_closes_at_display_value(self) -> str:
        return in_organiser_zone(self.object, self.object.rsvp_closes_at)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(event=self.object, rsvps=self._rsvps())
        return context


class EventBackgroundSendView(
    PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Asks to confirm (GET), then emails the attendees the background documents
    through event_background_send (POST); users with the change permission."""

    model = Event
    permission_required = "change"
    template_name = "learning/admin/event_background_send.html"
    header_icon = "mail"
    page_title = _("Email attendees the background documents")

    @cached_property
    def event(self) -> Event:
        events = Event.objects.with_rsvp_counts().select_related("page")
        return get_object_or_404(events, pk=self.kwargs["pk"])

    @cached_property
    def inspect_url(self) -> str:
        return reverse(f"{NAME}:inspect", args=[self.event.pk])

    def get_page_subtitle(self) -> str:
        return self.event.label

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(f"{NAME}:index"),
                "label": capfirst(Event._meta.verbose_name_plural),
            },
            {"url": self.inspect_url, "label": self.event.label},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            event=self.event,
            documents=self.event.page.background_documents_to_send(),
            cancel_url=self.inspect_url,
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            count = event_background_send(event=self.event, actor=request.user)
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(errors=error.messages))
        message = ngettext(
            "The background documents are on their way to %(count)s person.",
            "The background documents are on their way to %(count)s people.",
            count,
        ) % {"count": count}
        messages.success(request, message)
        return redirect(self.inspect_url)


class EventViewSet(LearningModelViewSet):
    """Learning events: schedule, edit, list with RSVP counts, inspect and export."""

    model = Event
    name = NAME
    url_prefix = "learning/events"
    icon = "date"
    menu_label = _("Learning events")
    index_view_class = EventIndexView
    add_view_class = EventCreateView
    edit_view_class = EventEditView
    inspect_view_class = EventInspectView
    search_fields = ["page__title"]
    list_display = [
        TitleColumn(
            "page",
            label=_("Event"),
            accessor="page.title",
            get_url=lambda event: reverse(f"{NAME}:inspect", args=[event.pk]),
        ),
        Column(
            "starts_at",
            label=_("Date (organiser's time)"),
            accessor=lambda event: in_organiser_zone(event, event.starts_at),
            sort_key="starts_at",
        ),
        Column(
            "rsvp_closes_at",
            label=_("RSVP deadline"),
            accessor=lambda event: in_organiser_zone(event, event.rsvp_closes_at),
            sort_key="rsvp_closes_at",
        ),
        Column(
            "attending_count",
            label=_("Attending"),
            accessor="attending_count",
            sort_key="attending_count",
        ),
        Column(
            "not_attending_count",
            label=_("Not attending"),
            accessor="not_attending_count",
            sort_key="not_attending_count",
        ),
        "capacity",
    ]
    inspect_view_fields = [
        "page",
        "starts_at",
        "duration_minutes",
        "rsvp_closes_at",
        "time_zone",
        "capacity",
        "join_url",
        "learning_note_announced_at",
    ]
    edit_handler = ObjectList(_schedule_panels(), base_form_class=EventForm)
    create_handler = ObjectList(
        [FieldPanel("page"), *_schedule_panels()], base_form_class=EventCreateForm
    ).bind_to_model(Event)

    def get_urlpatterns(self) -> list[Any]:
        send = path(
            "send-background/<int:pk>/",
            EventBackgroundSendView.as_view(),
            name="send_background",
        )
        return [*super().get_urlpatterns(), send]
