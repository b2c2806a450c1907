"""Zoom participant reports: read, matched by email, previewed, then saved."""

from urllib.parse import urlsplit

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from learning.attendance.enums import AttendanceSource, AttendanceStatus
from learning.attendance.imports import attendance_import_preview
from learning.attendance.models import Attendance
from learning.attendance.services import attendance_mark
from learning.attendance.zoom import zoom_report_read

pytestmark = pytest.mark.django_db

HEADER = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest"


def report(*rows, header=HEADER, bom=True, delimiter=","):
    lines = [header.replace(",", delimiter)]
    lines += [delimiter.join(row) for row in rows]
    text = "\r\n".join(lines) + "\r\n"
    return (("\ufeff" if bom else "") + text).encode()


def row(name, email, minutes):
    return (
        name,
        email,
        "07/16/2026 09:00:00 AM",
        "07/16/2026 11:00:00 AM",
        str(minutes),
        "No",
    )


def test_rows_of_one_person_are_summed_and_emails_ignore_case():
    people = zoom_report_read(
        data=report(
            row("Amina", "Amina@Example.org", 40),
            row("Amina (phone)", "amina@example.org", 35),
            row("Guest", "", 90),
        )
    )

    by_email = {person.email: person for person in people}
    assert by_email["amina@example.org"].minutes == 75
    assert by_email[""].name == "Guest"


def test_semicolons_a_summary_block_and_no_bom_are_read():
    summary = "Meeting ID;Topic;Start Time\n123;Module 1;07/16/2026\n\n"
    data = summary.encode() + report(
        row("Amina", "amina@example.org", 100), bom=False, delimiter=";"
    )

    (person,) = zoom_report_read(data=data)

    assert (person.email, person.minutes) == ("amina@example.org", 100)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "report_unreadable"),
        (b"Name,Duration\nAmina,40\n", "report_no_email_column"),
        (HEADER.encode() + b"\n", "report_empty"),
        (b"x" * (2 * 1024 * 1024 + 1), "report_too_large"),
    ],
    ids=["binary", "no-email-column", "nobody", "too-large"],
)
def test_a_bad_file_is_refused_with_a_clear_code(data, code):
    with pytest.raises(ValidationError) as raised:
        zoom_report_read(data=data)

    assert raised.value.code == code


def test_the_preview_matches_members_lists_the_unmatched_and_saves_nothing(world):
    attendance_mark(
        meeting=world.meeting_a,
        participant=world.participant_a2,
        status=AttendanceStatus.EXCUSED,
        actor=world.facilitator,
    )
    data = report(
        row("Amina D", world.participant_a.email.upper(), 110),
        row("Somebody", "stranger@example.org", 120),
        row("Bruno", world.participant_b.email, 120),  # another edition's member
    )

    preview = attendance_import_preview(
        meeting=world.meeting_a, data=data, actor=world.facilitator
    )

    proposed = {row.participant: row.proposed for row in preview.rows}
    assert proposed == {
        world.participant_a: AttendanceStatus.PRESENT,
        world.participant_a2: AttendanceStatus.EXCUSED,  # not in report: kept
    }
    assert {person.email for person in preview.unmatched} == {
        "stranger@example.org",
        world.participant_b.email,
    }
    assert Attendance.objects.count() == 1  # only the excused mark made above


def test_a_short_stay_is_proposed_as_absent(world):
    data = report(row("Amina", world.participant_a.email, 20))  # of 120 minutes

    preview = attendance_import_preview(
        meeting=world.meeting_a, data=data, actor=world.facilitator
    )

    amina = next(r for r in preview.rows if r.participant == world.participant_a)
    assert (amina.minutes, amina.proposed) == (20, AttendanceStatus.ABSENT)


def test_participants_cannot_preview_a_report(world):
    with pytest.raises(PermissionDenied):
        attendance_import_preview(
            meeting=world.meeting_a,
            data=report(row("Amina", world.participant_a.email, 100)),
            actor=world.participant_a.user,
        )


def test_the_facilitator_previews_corrects_and_confirms(client, world):
    client.force_login(world.facilitator)
    upload = SimpleUploadedFile(
        "participants.csv",
        report(
            row("Amina", world.participant_a.email, 100),
            row("Who?", "unknown@example.org", 100),
        ),
        content_type="text/csv",
    )

    preview = client.post(
        reverse("attendance:import", args=[world.meeting_a.pk]), {"report": upload}
    )

    page = preview.content.decode()
    assert preview.status_code == 200
    assert "unknown@example.org" in page
    assert "1 person in the report is not a participant of this edition" in page
    assert not Attendance.objects.exists()

    # The facilitator recognises Carlos, who joined from another address.
    response = client.post(
        reverse("attendance:import-confirm", args=[world.meeting_a.pk]),
        {
            f"status-{world.participant_a.pk}": "present",
            f"minutes-{world.participant_a.pk}": "100",
            f"status-{world.participant_a2.pk}": "present",
            "unmatched": "1",
        },
        follow=True,
    )

    assert "Attendance imported: 2 new, 0 changed." in response.content.decode()
    marks = {m.participant: m for m in Attendance.objects.all()}
    assert marks[world.participant_a].minutes_present == 100
    assert marks[world.participant_a].source == AttendanceSource.ZOOM_IMPORT
    assert marks[world.participant_a2].status == AttendanceStatus.PRESENT
    entry = ModelLogEntry.objects.get(action="attendance.import")
    assert entry.data["unmatched"] == 1


def test_a_bad_upload_shows_the_reason_on_the_sheet(client, world):
    client.force_login(world.facilitator)
    upload = SimpleUploadedFile("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00")

    response = client.post(
        reverse("attendance:import", args=[world.meeting_a.pk]),
        {"report": upload},
        follow=True,
    )

    assert "This is not a CSV file" in response.content.decode()
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("who", ["participant_a", "participant_b", "anonymous"])
def test_others_cannot_import_or_confirm(client, world, who):
    if who != "anonymous":
        client.force_login(getattr(world, who).user)
    upload = SimpleUploadedFile(
        "r.csv", report(row("Amina", world.participant_a.email, 100))
    )

    preview = client.post(
        reverse("attendance:import", args=[world.meeting_a.pk]), {"report": upload}
    )
    confirm = client.post(
        reverse("attendance:import-confirm", args=[world.meeting_a.pk]),
        {f"status-{world.participant_a.pk}": "present"},
    )

    for response in (preview, confirm):
        if who == "anonymous":
            assert urlsplit(response.url).path == reverse("accounts:login")
        else:
            assert response.status_code == 404
    assert not Attendance.objects.exists()
