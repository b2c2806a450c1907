"""Reading a Zoom participant report (CSV) into one row per person.

Zoom's reports vary: a UTF-8 byte order mark, commas or semicolons, a meeting
summary block above the participants' header, "Name (Original Name)" or "Name",
"User Email" or "Email", "Duration (Minutes)" or "Total Duration (Minutes)", and
one row per join (people who reconnect appear several times).
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_REPORT_BYTES = 2 * 1024 * 1024
MAX_REPORT_ROWS = 5000


@dataclass(frozen=True)
class ReportPerson:
    """One person in the report; minutes summed over their rows."""

    name: str
    email: str
    minutes: int


def zoom_report_read(*, data: bytes) -> list[ReportPerson]:
    """The people of a Zoom participant report, by email (case-insensitive).

    People without an email (guests who did not sign in) are kept by name.
    Raises ValidationError with a stable code for an unreadable file.
    """
    if len(data) > MAX_REPORT_BYTES:
        raise ValidationError(
            _("The report is larger than 2 MB; is it the right file?"),
            code="report_too_large",
        )
    text = _decode(data)
    lines = text.splitlines()
    header_at, delimiter = _header_find(lines)
    reader = csv.reader(io.StringIO("\n".join(lines[header_at:])), delimiter=delimiter)
    try:
        return _people_read(reader)
    except csv.Error as error:
        # csv refuses a cell over its process-wide limit (131,072 characters);
        # no Zoom report has one, so the file is refused rather than the limit
        # raised for every reader in the process.
        raise ValidationError(
            _(
                "Line %(line)d of the report could not be read. Export Zoom's "
                "participant report again as CSV."
            ),
            code="report_unreadable",
            params={"line": header_at + reader.line_num},
        ) from error


def _people_read(reader: Iterator[list[str]]) -> list[ReportPerson]:
    header = [_normalise(cell) for cell in next(reader)]
    email_col = _column(header, ("user email", "email", "e-mail", "correo"))
    name_col = _column(header, ("name (original name)", "name", "nombre"))
    minutes_col = _column(
        header,
        ("total duration (minutes)", "duration (minutes)", "duration", "duración"),
    )
    people: dict[str, list[Any]] = {}  # [name, email, minutes]
    for count, row in enumerate(reader, start=1):
        if count > MAX_REPORT_ROWS:
            raise ValidationError(
                _("The report has more than %(rows)d rows.")
                % {"rows": MAX_REPORT_ROWS},
                code="report_too_large",
            )
        if not any(cell.strip() for cell in row):
            continue
        email = _cell(row, email_col).lower()
        name = _cell(row, name_col)
        if not email and not name:
            continue
        minutes = _minutes(_cell(row, minutes_col))
        key = email or f"name:{name.casefold()}"
        person = people.setdefault(key, [name, email, 0])
        person[2] += minutes
    if not people:
        raise ValidationError(_("The report lists nobody."), code="report_empty")
    return [
        ReportPerson(name=name, email=email, minutes=minutes)
        for name, email, minutes in people.values()
    ]


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise ValidationError(
            _("This is not a CSV file: export Zoom's participant report as CSV."),
            code="report_unreadable",
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(  # pragma: no cover - cp1252 decodes nearly anything
        _("The report's text could not be read."), code="report_unreadable"
    )


def _header_find(lines: list[str]) -> tuple[int, str]:
    """The line of the participants' header and its delimiter."""
    for index, line in enumerate(lines[:50]):
        lowered = line.lower()
        if "email" not in lowered and "correo" not in lowered:
            continue
        delimiter = max((",", ";", "\t"), key=line.count)
        if line.count(delimiter):
            return index, delimiter
    raise ValidationError(
        _(
            "The report has no email column. Export the participant report with "
            "the participants' email addresses."
        ),
        code="report_no_email_column",
    )


def _normalise(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").strip().lower().split())


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
    for index, cell in enumerate(header):
        if any(cell.startswith(name) for name in names):
            return index
    return None


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index].strip()


def _minutes(value: str) -> int:
    try:
        return max(0, round(float(value.replace(",", "."))))
    except ValueError:
        return 0
