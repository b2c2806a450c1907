"""Attendance marking for facilitators: a meeting's sheet, and marks in a batch.

Who may call: the facilitators of the meeting's edition and coordinators
(signed-in people, session or personal token). For everyone else the meeting's
sheet does not exist (404), participants included, as on the site's quick page;
an app's key gets 403 `person_required`. The service checks again who marks and
whom (only the edition's members), and locks the meeting while it writes.
"""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from learning.attendance.enums import AttendanceSource
from learning.attendance.selectors import (
    attendance_sheet_for_meeting,
    meeting_get_for_marker,
)
from learning.attendance.services import attendance_mark_many
from learning.editions.models import Meeting

from ..permissions import request_person
from . import serializers_attendance as s
from .me import MemberView

TAGS = ["learning"]


def _meeting_for_marker(request: Request, pk: int) -> Meeting:
    try:
        return meeting_get_for_marker(user=request.user, pk=pk)
    except Meeting.DoesNotExist:
        raise exceptions.NotFound() from None


def _sheet(meeting: Meeting) -> dict[str, Any]:
    groups = attendance_sheet_for_meeting(meeting=meeting)
    unmarked = sum(1 for group in groups for row in group.rows if not row.status)
    return {"meeting": meeting, "unmarked": unmarked, "groups": groups}


class MeetingAttendanceView(MemberView):
    """GET: the meeting's members by organisation, with their marks.
    POST: mark some of them (`present`, `absent`, `excused`), all or nothing."""

    @extend_schema(tags=TAGS, responses=s.AttendanceSheetSerializer)
    def get(self, request: Request, pk: int) -> Response:
        meeting = _meeting_for_marker(request, pk)
        return Response(s.AttendanceSheetSerializer(_sheet(meeting)).data)

    @extend_schema(
        tags=TAGS, request=s.MarksSerializer, responses={200: s.MarkResultSerializer}
    )
    def post(self, request: Request, pk: int) -> Response:
        meeting = _meeting_for_marker(request, pk)
        data = s.MarksSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = attendance_mark_many(
            meeting=meeting,
            marks={m["participant"]: m["status"] for m in data.validated_data["marks"]},
            actor=request_person(request),
            source=AttendanceSource.API,
        )
        body = _sheet(meeting) | {
            "created": result.created,
            "changed": result.changed,
            "unchanged": result.unchanged,
        }
        return Response(s.MarkResultSerializer(body).data)
