"""Small files of each kind, built in memory, for the upload tests."""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
GIF = b"GIF89a" + b"\x00" * 32
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 32
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 32
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 32
HTML = b"<!DOCTYPE html><html><script>alert(1)</script></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
)
TEXT = "Notes for the meeting: cuidado de niños.\n".encode()
CSV = b"name,country\nHogares,Colombia\n"


def zip_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
XLSX = zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<x/>"})
PPTX = zip_of({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"})
ODT = zip_of(
    {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<o/>"}
)
PLAIN_ZIP = zip_of({"setup.exe": EXE})


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


# A deflate unit: 1 MiB of zeros, flushed so that the unit can be repeated.
_BOMB_UNIT_BYTES = 1024 * 1024
_ZIP32_MAX = 0xFFFFFFFF


def _bomb_stream(units: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    unit = compressor.compress(b"\0" * _BOMB_UNIT_BYTES)
    unit += compressor.flush(zlib.Z_FULL_FLUSH)
    return unit * units + compressor.flush()


def zip_bomb(*, inflated_mib: int, name: str = "mimetype") -> bytes:
    """A zip whose one member inflates to `inflated_mib` MiB of zeros (~1000:1).

    Written by hand from a repeated deflate unit, so that a 20 GB member costs
    the test 20 MB and no time; sizes past 4 GB use ZIP64 fields, as zipfile
    would. The CRC is left at 0: computing it means reading all the zeros, and
    a reader that stops early never gets to check it.
    """
    data = _bomb_stream(inflated_mib)
    size = inflated_mib * _BOMB_UNIT_BYTES
    zip64 = size >= _ZIP32_MAX
    extra = struct.pack("<HHQQ", 1, 16, size, len(data)) if zip64 else b""
    sizes = (_ZIP32_MAX, _ZIP32_MAX) if zip64 else (len(data), size)
    version = 45 if zip64 else 20
    encoded = name.encode()
    local = struct.pack(
        "<4s2B4HL2L2H", b"PK\x03\x04", version, 0, 0, 8, 0, 0x21, 0, *sizes,
        len(encoded), len(extra),
    )  # fmt: skip
    central = struct.pack(
        "<4s4B4HL2L5H2L", b"PK\x01\x02", version, 0, version, 0, 0, 8, 0, 0x21,
        0, *sizes, len(encoded), len(extra), 0, 0, 0, 0, 0,
    )  # fmt: skip
    entry = local + encoded + extra + data
    directory = central + encoded + extra
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(directory), len(entry), 0
    )
    return entry + directory + end


def zip_of_many(entries: int) -> bytes:
    """A zip of `entries` empty members: a small file with a large directory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"<w/>")
        for number in range(entries):
            archive.writestr(f"{number:x}", b"")
    return buffer.getvalue()
