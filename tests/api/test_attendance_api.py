"""Attendance marking through /api/v1/meetings/{id}/attendance/: the edition's
facilitators and coordinators only (for others the sheet does not exist, as on
the site), all or nothing, and the participant then sees their mark."""

from datetime import timedelta

import pytest
from django.utils import timezone

from learning.attendance.enums import AttendanceSource
from learning.attendance.models import Attendance
from tests.api.roles import (
    COORDINATOR,
    FACILITATOR,
    PARTICIPANT_A,
    PARTICIPANT_B,
    caller,
)
from tests.factories.learning import MeetingFactory


def _url(meeting):
    return f"/api/v1/meetings/{meeting.pk}/attendance/"


def _mark(api, meeting, *marks):
    return api.post(
        _url(meeting),
        {"marks": [{"participant": p.pk, "status": s} for p, s in marks]},
        format="json",
    )


def test_the_facilitator_reads_the_sheet_of_their_meeting(world):
    response = caller(world, FACILITATOR).get(_url(world.meeting_a))

    assert response.status_code == 200
    body = response.json()
    assert body["meeting"]["id"] == world.meeting_a.pk
    assert body["meeting"]["edition"]["id"] == world.edition_a.pk
    assert body["unmarked"] == 1
    organisation = world.participant_a.enrolment.organisation.name
    assert body["groups"] == [
        {
            "organisation": organisation,
            "rows": [
                {
                    "participant": world.participant_a.pk,
                    "name": "Amina Diallo",
                    "status": None,
                }
            ],
        }
    ]


def test_a_facilitator_marks_and_the_participant_sees_it(world):
    response = _mark(
        caller(world, FACILITATOR), world.meeting_a, (world.participant_a, "present")
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["created"], body["changed"], body["unchanged"]) == (1, 0, 0)
    assert body["groups"][0]["rows"][0]["status"] == "present"
    mark = Attendance.objects.get()
    assert mark.source == AttendanceSource.API
    assert mark.marked_by == world.facilitator
    mine = caller(world, PARTICIPANT_A).get("/api/v1/me/attendance/").json()
    assert mine[0]["meetings"][0]["status"] == "present"
    assert mine[0]["modules"][0]["attended"] == 1


def test_marking_again_changes_the_mark(world):
    api = caller(world, FACILITATOR)
    _mark(api, world.meeting_a, (world.participant_a, "present"))

    body = _mark(api, world.meeting_a, (world.participant_a, "excused")).json()

    assert (body["created"], body["changed"]) == (0, 1)
    assert Attendance.objects.get().status == "excused"


@pytest.mark.parametrize("actor", [PARTICIPANT_A, PARTICIPANT_B])
def test_participants_cannot_read_or_mark(world, actor):
    api = caller(world, actor)

    read = api.get(_url(world.meeting_a))
    write = _mark(api, world.meeting_a, (world.participant_a, "present"))

    assert read.status_code == 404
    assert write.status_code == 404
    assert not Attendance.objects.exists()


def test_a_facilitator_of_another_edition_gets_404(world):
    response = _mark(
        caller(world, FACILITATOR), world.meeting_b, (world.participant_b, "present")
    )

    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_a_coordinator_marks_any_edition(world):
    response = _mark(
        caller(world, COORDINATOR), world.meeting_b, (world.participant_b, "absent")
    )

    assert response.status_code == 200
    assert Attendance.objects.get().participant == world.participant_b


def test_only_members_of_the_edition_are_marked_all_or_nothing(world):
    response = _mark(
        caller(world, COORDINATOR),
        world.meeting_a,
        (world.participant_a, "present"),
        (world.participant_b, "present"),
    )

    assert response.status_code == 400
    assert response.json()["code"] == "not_a_member"
    assert not Attendance.objects.exists()


def test_a_meeting_too_far_ahead_cannot_be_marked(world):
    later = MeetingFactory(
        edition=world.edition_a, starts_at=timezone.now() + timedelta(days=2)
    )

    response = _mark(
        caller(world, FACILITATOR), later, (world.participant_a, "present")
    )

    assert response.status_code == 400
    assert response.json()["code"] == "meeting_not_started"


@pytest.mark.parametrize(
    "payload",
    [
        {"marks": []},
        {"marks": [{"participant": 1, "status": "late"}]},
        {"marks": [{"participant": 1, "status": "present"}] * 2},
        {},
    ],
)
def test_a_malformed_batch_is_refused(world, payload):
    response = caller(world, FACILITATOR).post(
        _url(world.meeting_a), payload, format="json"
    )

    assert response.status_code == 400
    assert "marks" in response.json()["fields"]
    assert not Attendance.objects.exists()
