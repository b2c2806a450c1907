"""Attendance of the past demo edition: most people above the certificate
threshold, some below, so the reports and certificates have both to show."""

import zlib

from django.contrib.auth import get_user_model
from django.utils import timezone

from learning.attendance.enums import AttendanceSource, AttendanceStatus
from learning.attendance.models import Attendance
from learning.attendance.services import attendance_mark_many
from learning.editions.models import Edition
from learning.editions.selectors import edition_schedule
from learning.enrolments.membership import participant_list_members

from .learning import FACILITATOR, PARTICIPANT_B, PAST_SLUG

# One representative in this many misses about half of the meetings.
LOW_ATTENDANCE_EVERY = 5


def ensure_attendance() -> tuple[int, int]:
    """Mark every held meeting of "demo-past"; (created, reused)."""
    facilitator = get_user_model().objects.filter(email=FACILITATOR).first()
    edition = Edition.objects.filter(slug=PAST_SLUG).first()
    if facilitator is None or edition is None:
        return 0, 0
    members = list(
        participant_list_members(edition=edition)
        .prefetch_related("enrolment__modules")
        .order_by("email", "pk")
    )
    marked = set(
        Attendance.objects.filter(meeting__edition=edition).values_list(
            "participant_id", "meeting_id"
        )
    )
    now = timezone.now()
    created = reused = 0
    ordinal = 0
    for group in edition_schedule(edition=edition):
        for meeting in group.meetings:
            ordinal += 1
            if meeting.starts_at > now:
                continue
            marks = {}
            for index, member in enumerate(members):
                chose = group.module is None or any(
                    module.pk == group.module.pk
                    for module in member.enrolment.modules.all()
                )
                if not chose:
                    continue
                if (member.pk, meeting.pk) in marked:
                    reused += 1
                    continue
                marks[member.pk] = _status(
                    email=member.email, ordinal=ordinal, index=index
                )
            if marks:
                created += attendance_mark_many(
                    meeting=meeting,
                    marks=marks,
                    actor=facilitator,
                    source=AttendanceSource.QUICK_PAGE,
                    now=now,
                ).created
    return created, reused


def _status(*, email: str, ordinal: int, index: int) -> str:
    """A fixed, varied mark for the person at the edition's n-th meeting."""
    if email == PARTICIPANT_B[1]:
        return AttendanceStatus.PRESENT
    if index % LOW_ATTENDANCE_EVERY == 0:  # every other meeting: 50 %
        return AttendanceStatus.PRESENT if ordinal % 2 else AttendanceStatus.ABSENT
    roll = zlib.crc32(f"{email}:{ordinal}".encode()) % 100
    if roll < 4:
        return AttendanceStatus.ABSENT
    if roll < 10:
        return AttendanceStatus.EXCUSED
    return AttendanceStatus.PRESENT
