"""CSV downloads that open as intended in a spreadsheet program.

Every CSV the admin offers goes through here: UTF-8 announced in the content
type and marked with a byte order mark (without it Excel reads the file in the
computer's legacy code page, and "Andrés" shows as "AndrÃ©s"), text cells that a
spreadsheet would run as a formula escaped, and an attachment filename.
"""

import csv
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header
from wagtail.admin.views.mixins import SpreadsheetExportMixin

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
BOM = "\ufeff"
# A spreadsheet program runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_Response = TypeVar("_Response", HttpResponse, StreamingHttpResponse)


def csv_cell_safe(value: Any) -> Any:
    """The value, with text that a spreadsheet would run as a formula quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def csv_safe_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell_safe(value) for value in values]


def _attach(response: _Response, filename: str) -> _Response:
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    return response


def csv_response(
    *, filename: str, header: Iterable[Any], rows: Iterable[Iterable[Any]]
) -> HttpResponse:
    """A CSV download of header and rows; every text cell formula-safe."""
    response = HttpResponse(content_type=CSV_CONTENT_TYPE)
    response.write(BOM)
    writer = csv.writer(response)
    writer.writerow(csv_safe_row(header))
    for row in rows:
        writer.writerow(csv_safe_row(row))
    return _attach(response, filename)


def csv_streaming_response(*, filename: str, lines: Iterable[str]) -> Any:
    """A streamed CSV download of lines already written by a csv writer."""

    def with_bom() -> Iterator[str]:
        yield BOM
        yield from lines

    response = StreamingHttpResponse(with_bom(), content_type=CSV_CONTENT_TYPE)
    return _attach(response, filename)


class CsvExportMixin:
    """For Wagtail index views with CSV/XLSX export (SpreadsheetExportMixin): their
    CSV goes through csv_streaming_response, every text cell formula-safe.
    (The XLSX export already stores formula-looking text as text.)"""

    def write_csv_row(self, writer: Any, row_dict: dict[str, Any]) -> Any:
        return writer.writerow(
            {
                field: csv_cell_safe(
                    self.preprocess_field_value(  # type: ignore[attr-defined]  # the view's
                        field, value, SpreadsheetExportMixin.FORMAT_CSV
                    )
                )
                for field, value in row_dict.items()
            }
        )

    def write_csv_response(self, queryset: Any) -> Any:
        return csv_streaming_response(
            filename=f"{self.get_filename()}.csv",  # type: ignore[attr-defined]  # the view's
            lines=self.stream_csv(queryset),  # type: ignore[attr-defined]  # the view's
        )
