"""Public edition endpoints: editions with their status, places and location,
their schedule in UTC (by module and by day), and calendars of their meetings
(no join links).

Who may call: anyone; a key must carry `learning:read`.
"""

from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from learning.catalogue.models import ModulePage
from learning.core.calendar import CalendarEvent, calendar_build
from learning.core.pages import title_localized, titles_localized
from learning.editions.enums import EditionStatus
from learning.editions.models import Edition, Meeting
from learning.editions.selectors import (
    edition_get_status,
    edition_list_with_places,
    edition_list_with_status,
    edition_places_left,
    edition_schedule,
    edition_schedule_by_day,
)

from ..pagination import view_page
from ..permissions import LearningRead
from .gate import GateSerializer, gate_data
from .shared import ID, TitledSerializer, programme_data, programme_param

CALENDAR = OpenApiResponse(
    OpenApiTypes.BINARY, description="An iCalendar (RFC 5545) document."
)


class PublicMeetingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    session_topic = TitledSerializer(allow_null=True)
    ics_url = serializers.URLField()


class ScheduleModuleSerializer(serializers.Serializer):
    module = TitledSerializer(allow_null=True)
    meetings = PublicMeetingSerializer(many=True)


class DayMeetingSerializer(PublicMeetingSerializer):
    module = TitledSerializer(allow_null=True)


class ScheduleDaySerializer(serializers.Serializer):
    date = serializers.DateField(help_text="The day in the edition's time zone.")
    number = serializers.IntegerField(
        allow_null=True, help_text="1 on the first day; null outside the dates."
    )
    meetings = DayMeetingSerializer(many=True)


class LocationSerializer(serializers.Serializer):
    online = serializers.BooleanField()
    venue = serializers.CharField()
    city = serializers.CharField()
    country = serializers.CharField()
    # A declared field (DRF's metaclass takes it off the class), not Field.label.
    label = serializers.CharField(  # type: ignore[assignment]
        help_text="Online, or venue, city and country."
    )


class EditionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    programme = TitledSerializer()
    status = serializers.ChoiceField(
        choices=EditionStatus.choices,
        help_text="From the dates and places. `upcoming` (not open yet) also while "
        "the translation gate holds an edition whose enrolment window has begun: "
        "it reads `open` once every language's pages are ready (the detail's "
        "`gate`). Filter with `?status=` by the same rule.",
    )
    status_label = serializers.CharField()
    places = serializers.IntegerField()
    places_left = serializers.IntegerField()
    enrolment_opens_at = serializers.DateTimeField()
    enrolment_closes_at = serializers.DateTimeField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    time_zone = serializers.CharField()
    location = LocationSerializer()
    ics_url = serializers.URLField()
    url = serializers.URLField()


class EditionDetailSerializer(GateSerializer, EditionSerializer):
    schedule = ScheduleModuleSerializer(many=True)
    days = ScheduleDaySerializer(many=True)


def _absolute(request: Request, name: str, **kwargs: int) -> str:
    return request.build_absolute_uri(reverse(name, kwargs=kwargs))


def _edition_data(
    edition: Edition, request: Request, titles: dict[object, str], now: datetime
) -> dict[str, Any]:
    status_ = edition_get_status(edition=edition, now=now)
    return {
        "id": edition.pk,
        "title": edition.label,
        "slug": edition.slug,
        "programme": programme_data(edition, titles),
        "status": status_.value,
        "status_label": str(status_.label),
        "places": edition.places,
        "places_left": edition_places_left(edition=edition),
        "enrolment_opens_at": edition.enrolment_opens_at,
        "enrolment_closes_at": edition.enrolment_closes_at,
        "starts_on": edition.starts_on,
        "ends_on": edition.ends_on,
        "time_zone": edition.time_zone,
        "location": {
            "online": edition.is_online,
            "venue": edition.venue,
            "city": edition.city,
            "country": edition.country,
            "label": edition.location_label,
        },
        "ics_url": _absolute(request, "api-v1:edition-calendar", id=edition.pk),
        "url": _absolute(request, "api-v1:edition-detail", pk=edition.pk),
    }


def _meeting_data(
    meeting: Meeting, titles: dict[object, str], request: Request
) -> dict[str, Any]:
    topic = meeting.session_topic
    title = meeting.display_title
    if not meeting.title and topic is not None:
        title = title_localized(page=topic, titles=titles)
    return {
        "id": meeting.pk,
        "title": title,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "session_topic": None
        if topic is None
        else {"id": topic.pk, "title": title_localized(page=topic, titles=titles)},
        "ics_url": _absolute(request, "api-v1:meeting-calendar", id=meeting.pk),
    }


def _module_data(
    module: ModulePage | None, titles: dict[object, str]
) -> dict[str, Any] | None:
    if module is None:
        return None
    return {"id": module.pk, "title": title_localized(page=module, titles=titles)}


def _schedule_data(edition: Edition, request: Request) -> list[dict[str, Any]]:
    groups = edition_schedule(edition=edition)
    pages = [group.module for group in groups if group.module]
    meetings = [meeting for group in groups for meeting in group.meetings]
    pages += [m.session_topic for m in meetings if m.session_topic is not None]
    titles = titles_localized(pages=pages)
    return [
        {
            "module": _module_data(group.module, titles),
            "meetings": [_meeting_data(m, titles, request) for m in group.meetings],
        }
        for group in groups
    ]


def _days_data(edition: Edition, request: Request) -> list[dict[str, Any]]:
    days = edition_schedule_by_day(edition=edition)
    sessions = [session for day in days for session in day.sessions]
    pages = [s.module for s in sessions if s.module is not None]
    pages += [s.meeting.session_topic for s in sessions if s.meeting.session_topic]
    titles = titles_localized(pages=pages)
    return [
        {
            "date": day.day,
            "number": day.number,
            "meetings": [
                {
                    **_meeting_data(session.meeting, titles, request),
                    "module": _module_data(session.module, titles),
                }
                for session in day.sessions
            ],
        }
        for day in days
    ]


def _meeting_event(meeting: Meeting, title: str) -> CalendarEvent:
    """A meeting for a public calendar: no join link."""
    edition = meeting.edition
    return meeting.calendar_event(
        summary=f"{title} · {edition.label}", location=edition.location_label
    )


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@extend_schema_view(
    list=extend_schema(
        tags=["learning"],
        parameters=[
            OpenApiParameter("programme", int, description="Programme page id"),
            OpenApiParameter(
                "status", str, enum=[value for value, _label in EditionStatus.choices]
            ),
        ],
    ),
    retrieve=extend_schema(tags=["learning"]),
)
class EditionViewSet(viewsets.ReadOnlyModelViewSet):
    """Editions with their status and places; the detail adds the schedule."""

    permission_classes = [LearningRead]
    serializer_class = EditionSerializer
    lookup_value_regex = ID
    filter_backends: list = []

    def get_queryset(self) -> QuerySet[Edition]:
        if getattr(self, "swagger_fake_view", False):
            return Edition.objects.none()
        programme = programme_param(self.request)
        wanted = self._status_param() if self.action == "list" else None
        if wanted:
            editions = edition_list_with_status(status=wanted)
        else:
            editions = edition_list_with_places()
        if programme:
            editions = editions.filter(programme_id=int(programme))
        return editions.order_by("starts_on", "pk")

    def _status_param(self) -> EditionStatus | None:
        wanted = self.request.query_params.get("status", "")
        if wanted and wanted not in EditionStatus.values:
            raise serializers.ValidationError({"status": [_("Unknown status.")]})
        return EditionStatus(wanted) if wanted else None

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action == "retrieve":
            return EditionDetailSerializer
        return EditionSerializer

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        now = timezone.now()
        editions = view_page(self, self.get_queryset())
        titles = titles_localized(pages=[e.programme for e in editions])
        rows = [_edition_data(e, request, titles, now) for e in editions]
        return self.get_paginated_response(EditionSerializer(rows, many=True).data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        edition = self.get_object()
        titles = titles_localized(pages=[edition.programme])
        data = _edition_data(edition, request, titles, timezone.now())
        data["schedule"] = _schedule_data(edition, request)
        data["days"] = _days_data(edition, request)
        data.update(gate_data(edition))
        return Response(EditionDetailSerializer(data).data)


class EditionCalendarView(APIView):
    """An edition's meetings as an iCalendar document (no join links). Anyone;
    a key needs `learning:read`."""

    permission_classes = [LearningRead]

    @extend_schema(
        tags=["learning"],
        responses={(200, "text/calendar"): CALENDAR},
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
    )
    def get(self, request: Request, id: int) -> HttpResponse:
        edition = get_object_or_404(Edition, pk=id)
        rows = _schedule_data(edition, request)
        meetings = {m.pk: m for m in edition.meetings.select_related("edition")}
        events = [
            _meeting_event(meetings[item["id"]], item["title"])
            for group in rows
            for item in group["meetings"]
        ]
        return _calendar_response(
            calendar_build(events=events, name=edition.label), f"{edition.slug}.ics"
        )


class MeetingCalendarView(APIView):
    """One meeting as an iCalendar event (no join link). Anyone; a key needs
    `learning:read`."""

    permission_classes = [LearningRead]

    @extend_schema(
        tags=["learning"],
        responses={(200, "text/calendar"): CALENDAR},
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
    )
    def get(self, request: Request, id: int) -> HttpResponse:
        meeting = get_object_or_404(
            Meeting.objects.select_related("edition", "session_topic"), pk=id
        )
        title = meeting.display_title
        if not meeting.title and meeting.session_topic is not None:
            topic = meeting.session_topic
            title = title_localized(page=topic, titles=titles_localized(pages=[topic]))
        body = calendar_build(events=[_meeting_event(meeting, title)])
        return _calendar_response(body, f"meeting-{meeting.pk}.ics")
