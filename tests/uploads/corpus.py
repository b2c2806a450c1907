"""The malicious-upload corpus: files built in memory, small, and hostile."""

import io
import struct
import zlib

from PIL import Image

SVG_AS_PNG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)">'
    b"<script>alert(1)</script></svg>"
)
HTML_AS_PNG = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
# Path tricks an uploader may send as the file's name.
HOSTILE_NAMES = [
    "../../../etc/passwd.png",
    "/etc/cron.d/evil.png",
    "..\\..\\windows\\evil.png",
    "..",
    "../",
    "./.png",
]


def png(width: int = 2, height: int = 2, colour: str = "red") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def png_html_polyglot() -> bytes:
    """A real PNG with a web page after its end: an image to a decoder, a page to
    a browser that sniffs."""
    return png() + HTML_AS_PNG


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_bomb(side: int = 100_000) -> bytes:
    """A PNG a few hundred bytes long that declares side x side pixels (10
    gigapixels by default): decoding it would take tens of gigabytes."""
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    row = b"\0" * (1 + 3 * min(side, 1000))
    data = zlib.compress(row * 4, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )


def multipart(
    fields: dict[str, str], *, file_field: str, filename: str, data: bytes
) -> tuple[bytes, str]:
    """A form body as a browser sends it, with the file name exactly as given (the
    test client would strip its path): (body, content type)."""
    parts = [
        b'--B\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n'
        % (name.encode(), value.encode())
        for name, value in fields.items()
    ]
    parts.append(
        b'--B\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\n'
        % (file_field.encode(), filename.encode())
        + b"Content-Type: application/octet-stream\r\n\r\n"
        + data
        + b"\r\n--B--\r\n"
    )
    return b"".join(parts), "multipart/form-data; boundary=B"
