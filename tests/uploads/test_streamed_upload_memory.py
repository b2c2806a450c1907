"""A 200 MB upload streamed to the real WSGI stack (gunicorn with the production
profile) is refused before it is read: the worker's peak memory barely moves, and
the answer comes while most of the body is still unsent."""

import re
import select
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from tests.production.servers import GunicornServer, database_url, production_env

pytestmark = pytest.mark.django_db

BODY_BYTES = 200 * 1024 * 1024
CHUNK_BYTES = 256 * 1024
MAX_GROWTH_BYTES = 60 * 1024 * 1024
HOST = "learning.example.org"


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        env = production_env(
            DATABASE_URL=database_url(connection.settings_dict),
            DJANGO_STATIC_ROOT=str(Path("/nonexistent-static")),
        )
    # Stopped at once afterwards: nothing is in flight.
    server = GunicornServer({**env, "GUNICORN_GRACEFUL_TIMEOUT": "1"}).start()
    yield server
    server.stop()


def worker_pid(server: GunicornServer) -> int:
    master = server.process.pid
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    assert len(children) == 1, children
    return int(children[0])


def peak_rss_bytes(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) * 1024


def body_chunks(total: int) -> Iterator[bytes]:
    """A multipart body of `total` bytes, made as it is sent (never held whole)."""
    head = (
        b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"'
        b"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n"
    )
    yield head
    sent = len(head)
    chunk = b"\0" * CHUNK_BYTES
    while sent < total:
        piece = chunk[: total - sent]
        sent += len(piece)
        yield piece


def stream_upload(server: GunicornServer, path: str, *, chunked: bool) -> tuple:
    """POST a 200 MB body; stop sending once the server answers.

    (status line, bytes of the body that were sent).
    """
    port = int(server.url.rsplit(":", 1)[1])
    framing = (
        b"Transfer-Encoding: chunked\r\n"
        if chunked
        else f"Content-Length: {BODY_BYTES}\r\n".encode()
    )
    head = (
        (
            f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nX-Forwarded-Proto: https\r\n"
            "Content-Type: multipart/form-data; boundary=xyz\r\n"
        ).encode()
        + framing
        + b"\r\n"
    )
    sent = 0
    answer = b""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(head)
        for chunk in body_chunks(BODY_BYTES):
            if select.select([sock], [], [], 0)[0]:
                break
            data = b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk
            try:
                sock.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        try:
            answer = sock.recv(4096)
        except ConnectionResetError:
            answer = b""
    return answer.split(b"\r\n", 1)[0].decode(), sent


def warm_up(server: GunicornServer) -> None:
    # Every module the refusal needs is imported before the peak is read.
    stream_upload(server, "/api/v1/forum/threads/1/posts/", chunked=False)
    stream_upload(server, "/en/materials/1/shared/", chunked=False)


@pytest.mark.parametrize(
    ("path", "chunked", "status"),
    [
        ("/en/materials/1/shared/", False, "413"),
        ("/api/v1/forum/threads/1/posts/", False, "413"),
        # No length: Django reads no body at all (CONTENT_LENGTH counts as 0).
        ("/api/v1/forum/threads/1/posts/", True, None),
    ],
)
def test_a_streamed_200_mb_upload_leaves_the_worker_memory_flat(
    server, path, chunked, status
):
    warm_up(server)
    pid = worker_pid(server)
    before = peak_rss_bytes(pid)

    status_line, sent = stream_upload(server, path, chunked=chunked)

    growth = peak_rss_bytes(pid) - before
    assert growth < MAX_GROWTH_BYTES, f"the worker grew by {growth} bytes"
    # The answer came long before the body was sent: the server never read it.
    assert sent < BODY_BYTES // 4, (status_line, sent)
    assert status_line.startswith("HTTP/1.1 ")
    if status:
        assert status_line.split()[1] == status, server.log_text()[-3000:]
