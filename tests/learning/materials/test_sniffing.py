"""File types are read from the bytes; names only have to agree with them."""

import io
import tracemalloc
import zipfile

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


def _sniff_peak(data: bytes) -> tuple[object, int]:
    file = io.BytesIO(data)
    tracemalloc.start()
    try:
        sniffed = file_type_sniff(file=file)
        return sniffed, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("inflated_mib", [1_000, 19_000], ids=["1MB-file", "20MB-file"])
def test_a_zip_bomb_is_not_inflated(inflated_mib):
    sniffed, peak = _sniff_peak(files.zip_bomb(inflated_mib=inflated_mib))

    assert sniffed is None
    assert peak < 1024 * 1024


def test_a_zip_with_a_huge_directory_is_refused_unread():
    # 40,000 empty members: 4 MB on disk, tens of MB as zipfile's objects.
    sniffed, peak = _sniff_peak(files.zip_of_many(40_000))

    assert sniffed is None
    assert peak < 1024 * 1024


def test_documents_with_many_parts_and_a_compressed_mimetype_are_recognised():
    big_deck = files.zip_of_many(2_000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", b"application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b"<o/>")

    assert file_type_sniff(file=io.BytesIO(big_deck)) == sniffing.DOCX
    assert file_type_sniff(file=buffer) == sniffing.ODT
