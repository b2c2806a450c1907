"""Marking attendance: who may, whom, when; every change in the audit log."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from learning.attendance.enums import AttendanceSource, AttendanceStatus
from learning.attendance.models import Attendance
from learning.attendance.services import attendance_mark, attendance_mark_many
from learning.enrolments.enums import EnrolmentStatus

pytestmark = pytest.mark.django_db


def test_a_facilitator_marks_and_changes_a_mark_and_both_are_logged(world):
    first = attendance_mark(
        meeting=world.meeting_a,
        participant=world.participant_a,
        status=AttendanceStatus.PRESENT,
        actor=world.facilitator,
    )
    second = attendance_mark(
        meeting=world.meeting_a,
        participant=world.participant_a,
        status=AttendanceStatus.EXCUSED,
        actor=world.facilitator,
    )

    assert first.pk == second.pk
    assert Attendance.objects.get().status == AttendanceStatus.EXCUSED
    entries = ModelLogEntry.objects.filter(action="attendance.mark").order_by("pk")
    assert [(e.data["old"], e.data["new"]) for e in entries] == [
        ("", "present"),
        ("present", "excused"),
    ]
    assert {entry.user_id for entry in entries} == {world.facilitator.pk}


def test_saving_the_same_mark_again_changes_and_logs_nothing(world):
    for _ in range(2):
        result = attendance_mark_many(
            meeting=world.meeting_a,
            marks={world.participant_a.pk: AttendanceStatus.ABSENT},
            actor=world.facilitator,
        )

    assert (result.created, result.changed, result.unchanged) == (0, 0, 1)
    assert ModelLogEntry.objects.filter(action="attendance.mark").count() == 1


@pytest.mark.parametrize("who", ["participant_a", "participant_b"])
def test_participants_cannot_mark(world, who):
    actor = getattr(world, who).user

    with pytest.raises(PermissionDenied) as raised:
        attendance_mark(
            meeting=world.meeting_a,
            participant=world.participant_a,
            status=AttendanceStatus.PRESENT,
            actor=actor,
        )

    assert raised.value.code == "not_a_facilitator"
    assert not Attendance.objects.exists()


def test_a_facilitator_of_another_edition_cannot_mark(world):
    with pytest.raises(PermissionDenied):
        attendance_mark(
            meeting=world.meeting_b,
            participant=world.participant_b,
            status=AttendanceStatus.PRESENT,
            actor=world.facilitator,
        )


def test_a_coordinator_marks_any_edition(world):
    attendance_mark(
        meeting=world.meeting_b,
        participant=world.participant_b,
        status=AttendanceStatus.PRESENT,
        actor=world.coordinator,
        source=AttendanceSource.ADMIN,
    )

    assert Attendance.objects.get().source == AttendanceSource.ADMIN


def test_someone_outside_the_edition_cannot_be_marked_and_nothing_is_saved(world):
    with pytest.raises(ValidationError) as raised:
        attendance_mark_many(
            meeting=world.meeting_a,
            marks={
                world.participant_a.pk: AttendanceStatus.PRESENT,
                world.participant_b.pk: AttendanceStatus.PRESENT,
            },
            actor=world.coordinator,
        )

    assert raised.value.code == "not_a_member"
    assert not Attendance.objects.exists()


def test_a_waitlisted_representative_cannot_be_marked(world):
    world.participant_a2.enrolment.status = EnrolmentStatus.WAITLISTED
    world.participant_a2.enrolment.save()

    with pytest.raises(ValidationError):
        attendance_mark(
            meeting=world.meeting_a,
            participant=world.participant_a2,
            status=AttendanceStatus.PRESENT,
            actor=world.facilitator,
        )


def test_an_unknown_status_is_refused(world):
    with pytest.raises(ValidationError) as raised:
        attendance_mark(
            meeting=world.meeting_a,
            participant=world.participant_a,
            status="late",
            actor=world.facilitator,
        )

    assert raised.value.code == "invalid_status"


def test_a_meeting_next_week_cannot_be_marked_yet(world):
    world.meeting_a.starts_at = timezone.now() + timedelta(days=7)
    world.meeting_a.save()

    with pytest.raises(ValidationError) as raised:
        attendance_mark(
            meeting=world.meeting_a,
            participant=world.participant_a,
            status=AttendanceStatus.PRESENT,
            actor=world.facilitator,
        )

    assert raised.value.code == "meeting_not_started"
