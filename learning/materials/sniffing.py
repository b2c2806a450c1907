"""What a file really is, read from its bytes rather than trusted from its name.

Pure Python, no libmagic: only the types a shared material may have are
recognised; anything else (programs, web pages, SVG, archives) is `None` and
refused by the caller.

Archives are read, never trusted: a 20 MB zip can declare gigabytes inside, or
hundreds of thousands of entries. Only the archive's directory and at most a few
bytes of one member are read, and both are bounded before anything is read.
"""

import struct
import zipfile
from dataclasses import dataclass
from typing import IO

HEAD_BYTES = 64
# An office document's directory holds a few hundred entries (about 100 bytes
# each); zipfile builds an object per entry, so a larger one is refused unread.
MAX_ZIP_DIRECTORY_BYTES = 1024 * 1024
# The OpenDocument "mimetype" member is one short line of ASCII.
MAX_MIMETYPE_BYTES = 128
# Members are inflated only with a bounded output; bzip2 and LZMA cannot be.
_BOUNDED_COMPRESSION = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
# The end records zipfile reads to find the directory (APPNOTE 4.3.14-4.3.16).
_END = b"PK\x05\x06"
_END_SIZE = 22
_END64 = b"PK\x06\x06"
_END64_SIZE = 56
_END64_LOCATOR = b"PK\x06\x07"
_END64_LOCATOR_SIZE = 20
_MAX_COMMENT = 0xFFFF


@dataclass(frozen=True)
class FileType:
    """A recognised file type: its media type and the file name endings it uses."""

    content_type: str
    extensions: tuple[str, ...]

    @property
    def extension(self) -> str:
        """The ending given to stored files of this type."""
        return self.extensions[0]


PDF = FileType("application/pdf", ("pdf",))
PNG = FileType("image/png", ("png",))
JPEG = FileType("image/jpeg", ("jpg", "jpeg"))
GIF = FileType("image/gif", ("gif",))
WEBP = FileType("image/webp", ("webp",))
MP4 = FileType("video/mp4", ("mp4", "m4v"))
DOCX = FileType(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ("docx",),
)
XLSX = FileType(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx",)
)
PPTX = FileType(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ("pptx",),
)
ODT = FileType("application/vnd.oasis.opendocument.text", ("odt",))
ODS = FileType("application/vnd.oasis.opendocument.spreadsheet", ("ods",))
ODP = FileType("application/vnd.oasis.opendocument.presentation", ("odp",))
TEXT = FileType("text/plain", ("txt", "md"))
CSV = FileType("text/csv", ("csv",))

_SIGNATURES: tuple[tuple[bytes, FileType], ...] = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
)
_OPEN_DOCUMENTS = {t.content_type: t for t in (ODT, ODS, ODP)}
# Office Open XML: the part that only that kind of document has.
_OFFICE_PARTS = (
    ("word/document.xml", DOCX),
    ("xl/workbook.xml", XLSX),
    ("ppt/presentation.xml", PPTX),
)
_MP4_BRANDS = {b"isom", b"iso2", b"mp41", b"mp42", b"avc1", b"M4V ", b"dash"}
# Text that a browser would treat as a web page or an image with scripts.
_MARKUP_STARTS = ("<",)


def file_type_sniff(*, file: IO[bytes]) -> FileType | None:
    """The file's type from its content, or None when it is not an allowed type."""
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    for signature, file_type in _SIGNATURES:
        if head.startswith(signature):
            return file_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp" and head[8:12] in _MP4_BRANDS:
        return MP4
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(file)
    return _text_type(file)


def file_type_for_name(*, sniffed: FileType, name: str) -> FileType | None:
    """The sniffed type as the name states it, or None when the name contradicts it.

    A name without an ending takes the sniffed type; text files are plain text
    or CSV according to their ending.
    """
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    if not extension:
        return sniffed
    if sniffed in (TEXT, CSV):
        return next((t for t in (TEXT, CSV) if extension in t.extensions), None)
    return sniffed if extension in sniffed.extensions else None


def _zip_type(file: IO[bytes]) -> FileType | None:
    try:
        directory = _zip_directory_size(file)
        if directory is None or directory > MAX_ZIP_DIRECTORY_BYTES:
            return None
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                return _OPEN_DOCUMENTS.get(_mimetype_read(archive))
            if "[Content_Types].xml" not in names:
                return None
            return next((t for part, t in _OFFICE_PARTS if part in names), None)
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, struct.error):
        return None
    finally:
        file.seek(0)


def _zip_directory_size(file: IO[bytes]) -> int | None:
    """The size of the directory zipfile would read, from the end records it reads.

    None when there is no end record (not a zip).
    """
    file.seek(0, 2)
    size = file.tell()
    start = max(0, size - _END_SIZE - _MAX_COMMENT - _END64_LOCATOR_SIZE - _END64_SIZE)
    file.seek(start)
    tail = file.read()
    # As zipfile: the record without a comment first, then the last one.
    at = len(tail) - _END_SIZE
    if not (tail[at : at + 4] == _END and tail[-2:] == b"\0\0"):
        at = tail.rfind(_END, max(0, len(tail) - _END_SIZE - _MAX_COMMENT))
    if at < 0:
        return None
    (directory,) = struct.unpack("<L", tail[at + 12 : at + 16])
    locator = at - _END64_LOCATOR_SIZE
    if locator >= 0 and tail[locator : locator + 4] == _END64_LOCATOR:
        record = locator - _END64_SIZE
        if record < 0 or tail[record : record + 4] != _END64:
            return None
        (directory,) = struct.unpack("<Q", tail[record + 40 : record + 48])
    return int(directory)


def _mimetype_read(archive: zipfile.ZipFile) -> str:
    """The declared OpenDocument type, reading at most MAX_MIMETYPE_BYTES of it."""
    info = archive.getinfo("mimetype")
    if (
        info.file_size > MAX_MIMETYPE_BYTES
        or info.compress_type not in _BOUNDED_COMPRESSION
    ):
        return ""
    with archive.open(info) as member:
        declared = member.read(MAX_MIMETYPE_BYTES)
    return declared.decode("ascii", "replace").strip()


def _text_type(file: IO[bytes]) -> FileType | None:
    content = file.read()
    file.seek(0)
    if not content or b"\x00" in content:
        return None
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if text.lstrip().startswith(_MARKUP_STARTS):
        return None
    return TEXT
