"""Zoom participant reports: read, matched by email, previewed, then saved."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from learning.attendance.enums import AttendanceSource, AttendanceStatus
from learning.attendance.imports import (
    attendance_import_apply,
    attendance_import_preview,
)
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
        (report(row("x" * 131_073, "a@example.org", 90)), "report_unreadable"),
    ],
    ids=["binary", "no-email-column", "nobody", "too-large", "huge-cell"],
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


# --- Saved marks are not lowered unless the facilitator chooses so ------------


def mark_by_hand(world, participant, status=AttendanceStatus.PRESENT):
    return attendance_mark(
        meeting=world.meeting_a,
        participant=participant,
        status=status,
        actor=world.facilitator,
    )


def partial_report(world):
    """Amina only: Carlos joined from a second Zoom account, not in this export."""
    return report(row("Amina", world.participant_a.email, 100))


def test_a_partial_report_keeps_saved_marks_and_counts_what_changes(world):
    mark_by_hand(world, world.participant_a2)

    preview = attendance_import_preview(
        meeting=world.meeting_a, data=partial_report(world), actor=world.facilitator
    )

    carlos = next(r for r in preview.rows if r.participant == world.participant_a2)
    assert (carlos.proposed, carlos.reported) == ("present", "absent")
    assert carlos.kept
    counts = (preview.new_count, preview.changed_count, preview.lowered_count)
    assert counts == (1, 0, 0)
    assert preview.kept_count == 1


def test_one_explicit_option_lets_the_report_lower_saved_marks(world):
    mark_by_hand(world, world.participant_a2)

    preview = attendance_import_preview(
        meeting=world.meeting_a,
        data=partial_report(world),
        actor=world.facilitator,
        lower_marks=True,
    )

    carlos = next(r for r in preview.rows if r.participant == world.participant_a2)
    assert carlos.proposed == AttendanceStatus.ABSENT
    counts = (preview.changed_count, preview.lowered_count, preview.kept_count)
    assert counts == (1, 1, 0)


def test_a_lower_mark_applies_only_where_the_facilitator_saw_the_saved_one(world):
    mark_by_hand(world, world.participant_a)
    # Carlos is marked present by a colleague after the preview showed him unmarked.
    mark_by_hand(world, world.participant_a2)

    result = attendance_import_apply(
        meeting=world.meeting_a,
        marks={world.participant_a.pk: "absent", world.participant_a2.pk: "absent"},
        minutes={},
        seen={world.participant_a.pk: "present", world.participant_a2.pk: ""},
        actor=world.facilitator,
    )

    statuses = dict(Attendance.objects.values_list("participant", "status"))
    assert statuses == {
        world.participant_a.pk: AttendanceStatus.ABSENT,  # chosen in its row
        world.participant_a2.pk: AttendanceStatus.PRESENT,  # kept
    }
    assert (result.changed, result.kept) == (1, 1)


class FormValues(HTMLParser):
    """What a browser submits for the import preview's form, untouched."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        kind = attributes.get("type")
        if tag != "input" or kind not in ("hidden", "radio"):
            return
        if kind == "radio" and "checked" not in attributes:
            return
        self.values[attributes["name"]] = attributes.get("value") or ""


def test_confirming_a_partial_report_as_proposed_keeps_hand_marks(client, world):
    client.force_login(world.facilitator)
    mark_by_hand(world, world.participant_a2)
    upload = SimpleUploadedFile("r.csv", partial_report(world), content_type="text/csv")

    preview = client.post(
        reverse("attendance:import", args=[world.meeting_a.pk]), {"report": upload}
    )
    page = preview.content.decode()
    form = FormValues()
    form.feed(page)
    client.post(
        reverse("attendance:import-confirm", args=[world.meeting_a.pk]), form.values
    )

    assert "New marks: 1. Saved marks that would change: 0 (0 lowered)." in page
    assert "1 saved mark stays as it is although the report says less" in page
    statuses = dict(Attendance.objects.values_list("participant", "status"))
    assert statuses == {
        world.participant_a.pk: AttendanceStatus.PRESENT,
        world.participant_a2.pk: AttendanceStatus.PRESENT,
    }


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


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        ("en", "Line 3 of the report could not be read."),
        ("es", "No se pudo leer la línea 3 del informe."),
    ],
)
def test_a_cell_over_the_csv_limit_is_a_clear_error_not_a_crash(
    client, world, language, reason
):
    client.force_login(world.facilitator)
    data = report(
        row("Amina", world.participant_a.email, 100),
        row("y" * 200_000, world.participant_a2.email, 100),
    )
    with translation.override(language):
        url = reverse("attendance:import", args=[world.meeting_a.pk])

    response = client.post(
        url, {"report": SimpleUploadedFile("r.csv", data)}, follow=True
    )

    assert response.status_code == 200
    assert reason in response.content.decode()
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
