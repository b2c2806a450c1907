"""Read a CSV download as a spreadsheet program would, checking what it needs."""

import codecs
import csv
import io

# A title or name that a spreadsheet would run as a formula, with Spanish letters.
FORMULA = '=HYPERLINK("https://evil.example.org","Diálogo")'
ESCAPED_FORMULA = "'" + FORMULA
SPANISH_NAME = "Andrés Núñez"


def csv_download_rows(response) -> list[list[str]]:
    """The rows of a CSV download: UTF-8 said in the content type and marked with
    a byte order mark (or Excel reads "Andrés" as "AndrÃ©s"), as an attachment."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    if response.streaming:
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    assert body.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
