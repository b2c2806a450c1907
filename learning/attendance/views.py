"""Site pages of attendance: the facilitators' quick page and one's own attendance.

The quick page is built for use during a two-hour online meeting: one form, three
large choices per person, grouped by organisation, usable without JavaScript.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from learning.core.types import signed_in_user
from learning.editions.models import Meeting
from learning.editions.selectors import meeting_titles_localize

from .enums import AttendanceSource, AttendanceStatus
from .imports import attendance_import_apply, attendance_import_preview
from .selectors import (
    attendance_list_for_user,
    attendance_sheet_for_meeting,
    meeting_get_for_marker,
    meeting_list_for_marker,
)
from .services import attendance_mark_many
from .zoom import MAX_REPORT_BYTES

FIELD_PREFIX = "status-"
MINUTES_PREFIX = "minutes-"
SEEN_PREFIX = "seen-"


def _meeting_for_marker(request: HttpRequest, meeting_id: int) -> Meeting:
    try:
        meeting = meeting_get_for_marker(user=request.user, pk=meeting_id)
    except Meeting.DoesNotExist as error:
        raise Http404 from error
    return meeting_titles_localize(meetings=[meeting])[0]


@never_cache
@login_required
@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    """The meetings of the editions the user facilitates, each linking to its sheet.

    Access: signed-in users; a user who facilitates nothing sees an empty list.
    """
    now = timezone.now()
    meetings = meeting_titles_localize(
        meetings=meeting_list_for_marker(user=request.user)
    )
    return render(
        request,
        "learning/attendance/meetings.html",
        {
            "past": [m for m in meetings if m.starts_at <= now][::-1],
            "upcoming": [m for m in meetings if m.starts_at > now],
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def quick_sheet(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """Mark everyone's attendance at one meeting in one form.

    Access: the facilitators of the meeting's edition and coordinators; for
    everyone else (participants included) the page does not exist (404).
    """
    meeting = _meeting_for_marker(request, meeting_id)
    groups = attendance_sheet_for_meeting(meeting=meeting)
    errors: list[str] = []
    if request.method == "POST":
        allowed = set(AttendanceStatus.values)
        marks = {
            row.participant.pk: request.POST[f"{FIELD_PREFIX}{row.participant.pk}"]
            for group in groups
            for row in group.rows
            if request.POST.get(f"{FIELD_PREFIX}{row.participant.pk}") in allowed
        }
        try:
            result = attendance_mark_many(
                meeting=meeting,
                marks=marks,
                actor=signed_in_user(request),
                source=AttendanceSource.QUICK_PAGE,
            )
        except (ValidationError, PermissionDenied) as error:
            errors = list(getattr(error, "messages", [str(error)]))
        else:
            messages.success(
                request,
                _("Attendance saved: %(new)d new, %(changed)d changed.")
                % {"new": result.created, "changed": result.changed},
            )
            return redirect(reverse("attendance:sheet", args=[meeting.pk]))
    unmarked = sum(1 for group in groups for row in group.rows if not row.status)
    return render(
        request,
        "learning/attendance/sheet.html",
        {
            "meeting": meeting,
            "edition": meeting.edition,
            "groups": groups,
            "statuses": AttendanceStatus.choices,
            "field_prefix": FIELD_PREFIX,
            "errors": errors,
            "unmarked": unmarked,
        },
        status=400 if errors else 200,
    )


@never_cache
@login_required
@require_GET
def my_attendance(request: HttpRequest) -> HttpResponse:
    """The signed-in participant's own attendance, per meeting and per module.

    Access: signed-in users; each sees only their own marks.
    """
    return render(
        request,
        "learning/attendance/mine.html",
        {"editions": attendance_list_for_user(user=request.user)},
    )


@never_cache
@login_required
@require_http_methods(["POST"])
def zoom_import(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """Upload a Zoom participant report (CSV) and see the proposed marks.

    Access: the facilitators of the meeting's edition and coordinators (404 for
    everyone else). Nothing is saved here: the preview has its own confirm form.
    """
    meeting = _meeting_for_marker(request, meeting_id)
    upload = request.FILES.get("report")
    if upload is None:
        messages.error(request, _("Choose the CSV file of Zoom's participant report."))
        return redirect(reverse("attendance:sheet", args=[meeting.pk]))
    try:
        # One byte past the limit is enough for the reader to refuse the file.
        preview = attendance_import_preview(
            meeting=meeting,
            data=upload.read(MAX_REPORT_BYTES + 1),
            actor=signed_in_user(request),
            lower_marks=request.POST.get("lower_marks") == "1",
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(reverse("attendance:sheet", args=[meeting.pk]))
    return render(
        request,
        "learning/attendance/import_preview.html",
        {
            "meeting": meeting,
            "edition": meeting.edition,
            "preview": preview,
            "statuses": AttendanceStatus.choices,
            "field_prefix": FIELD_PREFIX,
            "minutes_prefix": MINUTES_PREFIX,
            "seen_prefix": SEEN_PREFIX,
        },
    )


@login_required
@require_http_methods(["POST"])
def zoom_import_confirm(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """Save the marks confirmed on the import preview.

    Access: the facilitators of the meeting's edition and coordinators (404 for
    everyone else); POST with CSRF token.
    """
    meeting = _meeting_for_marker(request, meeting_id)
    allowed = set(AttendanceStatus.values)
    marks: dict[int, str] = {}
    minutes: dict[int, int | None] = {}
    seen: dict[int, str] = {}
    for name, value in request.POST.items():
        if not name.startswith(FIELD_PREFIX) or value not in allowed:
            continue
        try:
            participant_id = int(name.removeprefix(FIELD_PREFIX))
        except ValueError:
            continue
        marks[participant_id] = value
        stayed = request.POST.get(f"{MINUTES_PREFIX}{participant_id}", "")
        minutes[participant_id] = int(stayed) if stayed.isdigit() else None
        seen[participant_id] = request.POST.get(f"{SEEN_PREFIX}{participant_id}", "")
    try:
        result = attendance_import_apply(
            meeting=meeting,
            marks=marks,
            minutes=minutes,
            actor=signed_in_user(request),
            seen=seen,
            unmatched=_int(request.POST.get("unmatched", "0")),
        )
    except (ValidationError, PermissionDenied) as error:
        for message in getattr(error, "messages", [str(error)]):
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Attendance imported: %(new)d new, %(changed)d changed.")
            % {"new": result.created, "changed": result.changed},
        )
        if result.kept:
            messages.warning(
                request,
                ngettext(
                    "%(count)d mark saved after the preview was kept, not lowered.",
                    "%(count)d marks saved after the preview were kept, not lowered.",
                    result.kept,
                )
                % {"count": result.kept},
            )
    return redirect(reverse("attendance:sheet", args=[meeting.pk]))


def _int(value: str) -> int:
    return int(value) if value.isdigit() else 0
