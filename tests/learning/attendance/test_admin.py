"""Learning → Attendance and Attendance report, for coordinators and facilitators."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from cms.demo.accounts import (
    COORDINATOR_PERMISSIONS,
    FACILITATOR_PERMISSIONS,
    model_permissions,
)
from learning.attendance.enums import AttendanceSource, AttendanceStatus
from learning.attendance.models import Attendance
from learning.attendance.selectors import attendance_report_for_edition
from learning.attendance.services import attendance_mark
from learning.enrolments.models import Organisation, Participant
from tests.spreadsheets import (
    ESCAPED_FORMULA,
    FORMULA,
    SPANISH_NAME,
    csv_download_rows,
)

pytestmark = pytest.mark.django_db


def _admin(user, name, permissions):
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ),
        *model_permissions(permissions),
    )
    user.groups.add(group)
    return user


@pytest.fixture
def admins(world):
    _admin(world.coordinator, "Coordinators", COORDINATOR_PERMISSIONS)
    _admin(world.facilitator, "Facilitators", FACILITATOR_PERMISSIONS)
    return world


def _mark(world, participant, status, meeting=None):
    return attendance_mark(
        meeting=meeting or world.meeting_a,
        participant=participant,
        status=status,
        actor=world.coordinator,
    )


def test_the_report_counts_by_meeting_module_and_organisation(world):
    _mark(world, world.participant_a, AttendanceStatus.PRESENT)
    _mark(world, world.participant_a2, AttendanceStatus.EXCUSED)

    report = attendance_report_for_edition(edition=world.edition_a)

    ((meeting, tally),) = report.meetings
    assert meeting == world.meeting_a
    assert (tally.present, tally.excused, tally.counted, tally.percent) == (
        1,
        1,
        1,
        100,
    )
    (module,) = report.modules
    assert module.percent == 100
    rates = {org.label: org.percent for org in report.organisations}
    assert rates == {
        world.participant_a.enrolment.organisation.name: 100,
        world.participant_a2.enrolment.organisation.name: None,  # only excused
    }
    assert world.participant_b not in [person for person, _ in report.people]


def test_an_unmarked_member_counts_as_not_present(world):
    _mark(world, world.participant_a, AttendanceStatus.PRESENT)

    report = attendance_report_for_edition(edition=world.edition_a)

    (_meeting, tally) = report.meetings[0]
    assert (tally.present, tally.unmarked, tally.percent) == (1, 1, 50)


def test_the_report_costs_the_same_queries_with_more_meetings_and_people(
    world, django_assert_max_num_queries
):
    from tests.factories.learning import (
        EnrolmentFactory,
        MeetingFactory,
        ParticipantFactory,
    )

    with django_assert_max_num_queries(12) as first:
        attendance_report_for_edition(edition=world.edition_a)
    for _ in range(3):
        MeetingFactory(
            edition=world.edition_a,
            session_topic=world.meeting_a.session_topic,
            starts_at=world.meeting_a.starts_at,
        )
        enrolment = EnrolmentFactory(edition=world.edition_a)
        enrolment.modules.set(world.participant_a.enrolment.modules.all())
        ParticipantFactory(enrolment=enrolment)
    with django_assert_max_num_queries(len(first.captured_queries)):
        attendance_report_for_edition(edition=world.edition_a)


@pytest.mark.parametrize(
    ("who", "edition", "expected"),
    [
        ("coordinator", "edition_a", 200),
        ("coordinator", "edition_b", 200),
        ("facilitator", "edition_a", 200),
        ("facilitator", "edition_b", 404),
    ],
)
def test_who_sees_which_report(client, admins, who, edition, expected):
    client.force_login(getattr(admins, who))
    url = reverse(
        "learning_attendance_report:edition", args=[getattr(admins, edition).pk]
    )

    # A 404 outside the language prefix is redirected once by Django's
    # LocaleMiddleware, and is a 404 there too.
    assert client.get(url, follow=True).status_code == expected


def test_participants_cannot_reach_the_report(client, admins):
    client.force_login(admins.participant_a.user)
    url = reverse("learning_attendance_report:edition", args=[admins.edition_a.pk])

    response = client.get(url)

    assert response.status_code in (302, 404)  # no admin access at all


def test_the_report_page_shows_tables_and_charts_and_exports_csv(client, admins):
    _mark(admins, admins.participant_a, AttendanceStatus.PRESENT)
    client.force_login(admins.coordinator)
    url = reverse("learning_attendance_report:edition", args=[admins.edition_a.pk])

    page = client.get(url).content.decode()
    exported = client.get(url + "?format=csv")

    assert page.count("<svg") >= 2
    assert 'data-bar data-percent="100"' in page
    assert f'data-meeting="{admins.meeting_a.pk}" data-percent="50"' in page
    rows = list(csv.reader(io.StringIO(exported.content.decode())))
    assert rows[0][1] == "Participant"
    by_name = {row[1]: row for row in rows[1:]}
    assert by_name["Amina Diallo"][3] == "1"  # present
    assert by_name["Carlos Ruiz"][6] == "1"  # not marked
    assert admins.participant_b.name not in by_name


def test_the_report_index_lists_only_facilitated_editions(client, admins):
    client.force_login(admins.facilitator)

    page = client.get(reverse("learning_attendance_report:index")).content.decode()

    assert f'data-edition="{admins.edition_a.pk}"' in page
    assert f'data-edition="{admins.edition_b.pk}"' not in page


def test_a_facilitator_marks_in_the_admin_for_their_edition_only(client, admins):
    client.force_login(admins.facilitator)
    add = reverse("learning_attendance:add")

    form = client.get(add).content.decode()
    response = client.post(
        add,
        {
            "meeting": admins.meeting_a.pk,
            "participant": admins.participant_a.pk,
            "status": "present",
        },
    )
    refused = client.post(
        add,
        {
            "meeting": admins.meeting_b.pk,
            "participant": admins.participant_b.pk,
            "status": "present",
        },
    )

    assert admins.participant_b.name not in form
    assert response.status_code == 302
    assert refused.status_code == 200  # the choices exclude edition B
    mark = Attendance.objects.get()
    assert (mark.participant, mark.source) == (admins.participant_a, "admin")


def test_the_admin_list_and_edit_are_scoped_to_the_facilitators_editions(
    client, admins
):
    own = _mark(admins, admins.participant_a, AttendanceStatus.ABSENT)
    other = _mark(
        admins, admins.participant_b, AttendanceStatus.PRESENT, admins.meeting_b
    )
    client.force_login(admins.facilitator)

    listing = client.get(reverse("learning_attendance:index")).content.decode()
    edit_other = client.get(
        reverse("learning_attendance:edit", args=[other.pk]), follow=True
    )
    changed = client.post(
        reverse("learning_attendance:edit", args=[own.pk]), {"status": "excused"}
    )

    assert admins.participant_a.name in listing
    assert admins.participant_b.name not in listing
    assert edit_other.status_code == 404
    assert changed.status_code == 302
    own.refresh_from_db()
    assert (own.status, own.source) == ("excused", AttendanceSource.ADMIN)


def test_the_report_csv_opens_in_a_spreadsheet(client, admins):
    participant = admins.participant_a
    Participant.objects.filter(pk=participant.pk).update(name=SPANISH_NAME)
    Organisation.objects.filter(pk=participant.enrolment.organisation_id).update(
        name=FORMULA
    )
    client.force_login(admins.coordinator)
    url = reverse("learning_attendance_report:edition", args=[admins.edition_a.pk])

    header, *rows = csv_download_rows(client.get(url + "?format=csv"))

    assert header[:2] == ["Organisation", "Participant"]
    by_name = {row[1]: row for row in rows}
    assert by_name[SPANISH_NAME][0] == ESCAPED_FORMULA
