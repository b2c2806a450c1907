"""File types are read from the bytes; names only have to agree with them."""

import io

import pytest

from learning.materials import sniffing
from learning.materials.sniffing import file_type_for_name, file_type_sniff

from . import files


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (files.PDF, sniffing.PDF),
        (files.PNG, sniffing.PNG),
        (files.JPEG, sniffing.JPEG),
        (files.GIF, sniffing.GIF),
        (files.WEBP, sniffing.WEBP),
        (files.MP4, sniffing.MP4),
        (files.DOCX, sniffing.DOCX),
        (files.XLSX, sniffing.XLSX),
        (files.PPTX, sniffing.PPTX),
        (files.ODT, sniffing.ODT),
        (files.TEXT, sniffing.TEXT),
        (files.CSV, sniffing.TEXT),
    ],
)
def test_allowed_types_are_recognised_by_content(data, expected):
    assert file_type_sniff(file=io.BytesIO(data)) == expected


@pytest.mark.parametrize(
    "data",
    [
        files.ELF,
        files.EXE,
        files.HTML,
        files.SVG,
        b"  \n<script>alert(1)</script>",
        files.PLAIN_ZIP,
        b"PK\x03\x04broken zip",
        b"text with a \x00 byte",
        "café".encode("latin-1"),
        b"",
    ],
    ids=[
        "elf",
        "exe",
        "html",
        "svg",
        "script",
        "zip",
        "broken-zip",
        "nul",
        "latin1",
        "empty",
    ],
)
def test_other_content_is_not_recognised(data):
    assert file_type_sniff(file=io.BytesIO(data)) is None


def test_sniffing_leaves_the_file_at_its_start():
    file = io.BytesIO(files.DOCX)
    file_type_sniff(file=file)
    assert file.tell() == 0


@pytest.mark.parametrize(
    ("sniffed", "name", "expected"),
    [
        (sniffing.PDF, "report.PDF", sniffing.PDF),
        (sniffing.PDF, "report", sniffing.PDF),
        (sniffing.PNG, "report.pdf", None),
        (sniffing.JPEG, "photo.jpeg", sniffing.JPEG),
        (sniffing.TEXT, "list.csv", sniffing.CSV),
        (sniffing.TEXT, "notes.txt", sniffing.TEXT),
        (sniffing.TEXT, "page.html", None),
        (sniffing.TEXT, "image.svg", None),
    ],
)
def test_the_name_must_agree_with_the_content(sniffed, name, expected):
    assert file_type_for_name(sniffed=sniffed, name=name) == expected
