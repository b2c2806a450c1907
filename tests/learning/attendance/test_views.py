"""The quick attendance page and one's own attendance, for each kind of visitor."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from learning.attendance.enums import AttendanceStatus
from learning.attendance.models import Attendance
from learning.attendance.services import attendance_mark

pytestmark = pytest.mark.django_db

VISITORS = ["anonymous", "participant_a", "participant_b", "facilitator", "coordinator"]


def _client(client, world, who):
    if who == "anonymous":
        return client
    user = getattr(world, who)
    client.force_login(getattr(user, "user", user))
    return client


def _sheet_url(meeting):
    return reverse("attendance:sheet", kwargs={"meeting_id": meeting.pk})


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", 302),
        ("participant_a", 404),  # a member, but not one who marks
        ("participant_b", 404),
        ("facilitator", 200),
        ("coordinator", 200),
    ],
)
def test_who_opens_the_quick_sheet_of_edition_a(client, world, who, expected):
    response = _client(client, world, who).get(_sheet_url(world.meeting_a))

    assert response.status_code == expected
    if expected == 302:
        assert urlsplit(response.url).path == reverse("accounts:login")


@pytest.mark.parametrize("who", VISITORS)
def test_only_the_facilitator_and_coordinator_can_save_the_sheet(client, world, who):
    field = f"status-{world.participant_a.pk}"

    response = _client(client, world, who).post(
        _sheet_url(world.meeting_a), {field: "present"}
    )

    saved = Attendance.objects.filter(participant=world.participant_a).exists()
    if who in ("facilitator", "coordinator"):
        assert response.status_code == 302
        assert saved
    else:
        assert response.status_code in (302, 404)
        assert not saved


def test_the_facilitator_of_a_cannot_open_edition_bs_sheet(client, world):
    response = _client(client, world, "facilitator").get(_sheet_url(world.meeting_b))

    assert response.status_code == 404


def test_the_sheet_groups_people_by_organisation_and_saves_all_at_once(client, world):
    c = _client(client, world, "facilitator")
    page = c.get(_sheet_url(world.meeting_a)).content.decode()
    assert world.participant_a.enrolment.organisation.name in page
    assert world.participant_a2.enrolment.organisation.name in page
    assert world.participant_b.name not in page
    assert "2 people not marked yet." in page

    response = c.post(
        _sheet_url(world.meeting_a),
        {
            f"status-{world.participant_a.pk}": "present",
            f"status-{world.participant_a2.pk}": "excused",
            # Someone from another edition slipped into the form is ignored.
            f"status-{world.participant_b.pk}": "present",
        },
        follow=True,
    )

    page = response.content.decode()
    assert "Attendance saved: 2 new, 0 changed." in page
    assert "0 people not marked yet." in page
    assert dict(Attendance.objects.values_list("participant_id", "status")) == {
        world.participant_a.pk: "present",
        world.participant_a2.pk: "excused",
    }


def test_the_sheet_costs_the_same_queries_with_more_people(
    client, world, django_assert_max_num_queries
):
    from tests.factories.learning import EnrolmentFactory, ParticipantFactory

    c = _client(client, world, "facilitator")
    with django_assert_max_num_queries(30) as few:
        c.get(_sheet_url(world.meeting_a))
    for _ in range(6):
        ParticipantFactory(enrolment=EnrolmentFactory(edition=world.edition_a))
    with django_assert_max_num_queries(len(few.captured_queries)):
        c.get(_sheet_url(world.meeting_a))


def test_the_meeting_list_shows_only_facilitated_editions(client, world):
    page = (
        _client(client, world, "facilitator")
        .get(reverse("attendance:meetings"))
        .content.decode()
    )

    assert _sheet_url(world.meeting_a) in page
    assert _sheet_url(world.meeting_b) not in page


def test_a_participant_sees_their_own_attendance_and_nobody_elses(client, world):
    attendance_mark(
        meeting=world.meeting_a,
        participant=world.participant_a,
        status=AttendanceStatus.PRESENT,
        actor=world.facilitator,
    )
    attendance_mark(
        meeting=world.meeting_a,
        participant=world.participant_a2,
        status=AttendanceStatus.ABSENT,
        actor=world.facilitator,
    )

    page = (
        _client(client, world, "participant_a")
        .get(reverse("attendance:mine"))
        .content.decode()
    )

    assert f'data-meeting="{world.meeting_a.pk}" data-status="present"' in page
    assert "Present at 1 of 1 meeting held" in page
    assert 'data-status="absent"' not in page
    assert world.edition_b.title not in page


def test_anonymous_visitors_are_sent_to_sign_in_for_their_attendance(client, world):
    response = client.get(reverse("attendance:mine"))

    assert response.status_code == 302
