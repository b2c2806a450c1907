"""The coordinators' admin for learning events: schedule, RSVPs, exports, documents.

Writes go through the services; access follows the model permissions on Event
(coordinators and superusers).
"""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.widgets.button import Button

from learning.core.admin_views import (
    CSV_SAFE_PREPROCESS,
    LearningModelViewSet,
    ServiceCreateView,
    ServiceEditView,
)
from learning.core.csv_export import CsvExportMixin
from learning.core.localization import language_name, language_names, time_zone_name
from learning.core.views_openings import OpeningListButtonMixin

from .admin_actions import (
    NAME,
    EventBackgroundSendView,
    EventRecordingDeleteView,
    EventRecordingsAnnounceView,
    EventRecordingSaveView,
)
from .exports import RSVP_EXPORT_FIELDS, RSVP_EXPORT_HEADINGS, rsvp_export_row
from .models import Event, EventRsvp, LearningEventPage
from .services import event_schedule, event_update

# Entered and shown in the organiser's time zone (the form converts them).
ZONED_FIELDS = ("starts_at", "rsvp_closes_at")
SCHEDULE_FIELDS = (
    "starts_at",
    "duration_minutes",
    "time_zone",
    "rsvp_closes_at",
    "capacity",
    "join_url",
    "interpretation_languages",
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
        cleaned: dict[str, Any] = super().clean()
        zone_name = cleaned.get("time_zone")
        if zone_name:
            zone = ZoneInfo(zone_name)
            for name in ZONED_FIELDS:
                if value := cleaned.get(name):
                    wall_clock = timezone.make_naive(value)  # as the user typed it
                    cleaned[name] = timezone.make_aware(wall_clock, zone)
        return cleaned


class EventCreateForm(EventForm):
    """The new-event form: only source event pages (any language) without a date."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The first page of each translation set, whichever its language: a
        # session from a Spanish proposal is written in Spanish first.
        first_of_set = LearningEventPage.objects.filter(
            translation_key=OuterRef("translation_key")
        ).order_by("pk")
        self.fields["page"].queryset = (
            LearningEventPage.objects.filter(pk=Subquery(first_of_set.values("pk")[:1]))
            .exclude(translation_key__in=Event.objects.values("page__translation_key"))
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
        FieldPanel("interpretation_languages"),
    ]


class EventIndexView(OpeningListButtonMixin, generic.IndexView):
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
        response: HttpResponse
        if self.is_export:
            response = self.as_spreadsheet(self._rsvps(), request.GET["export"])
        else:
            response = super().get(request, *args, **kwargs)
        return response

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
            if self.object.recordings.exists():
                buttons.append(
                    Button(
                        _("Tell registered people about the recordings"),
                        url=reverse(f"{NAME}:announce_recordings", args=[pk]),
                        icon_name="mail",
                        priority=45,
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

    def get_interpretation_languages_display_value(self) -> str:
        return language_names(self.object.interpretation_languages) or "-"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        context.update(
            event=self.object,
            rsvps=self._rsvps(),
            tracks=self._tracks(),
            can_change=self.user_has_permission("change"),
            has_ended=self.object.ends_at <= timezone.now(),
        )
        return context

    def _tracks(self) -> list[dict[str, Any]]:
        """Each language track with its recording (or None), floor language first."""
        recordings = {r.language: r for r in self.object.recordings.all()}
        return [
            {
                "language": code,
                "name": language_name(code),
                "recording": recordings.get(code),
            }
            for code in self.object.track_languages()
        ]


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
        "interpretation_languages",
        "learning_note_announced_at",
        "recordings_announced_at",
    ]
    edit_handler = ObjectList(_schedule_panels(), base_form_class=EventForm)
    create_handler = ObjectList(
        [FieldPanel("page"), *_schedule_panels()], base_form_class=EventCreateForm
    ).bind_to_model(Event)

    def get_urlpatterns(self) -> list[Any]:
        actions = [
            path(
                "send-background/<int:pk>/",
                EventBackgroundSendView.as_view(),
                name="send_background",
            ),
            path(
                "recording/<int:pk>/<str:language>/",
                EventRecordingSaveView.as_view(),
                name="recording",
            ),
            path(
                "recording/<int:pk>/<str:language>/remove/",
                EventRecordingDeleteView.as_view(),
                name="recording_delete",
            ),
            path(
                "announce-recordings/<int:pk>/",
                EventRecordingsAnnounceView.as_view(),
                name="announce_recordings",
            ),
        ]
        return [*super().get_urlpatterns(), *actions]
