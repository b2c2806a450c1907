"""One POST to a checked target, and nothing more.

It dials the address `targets.target_resolve` checked (never resolving the name
again), verifies TLS against the host name, follows no redirect (a redirect
could point anywhere, the checks included) and reads no response body: only the
status code is kept, as a status line, so nothing an endpoint or a host behind
it answers ends up in the delivery log.
"""

import http.client
import socket
import ssl
from dataclasses import dataclass
from http import HTTPStatus

from django.utils.translation import gettext as _

from .targets import Target


@dataclass(frozen=True)
class Answer:
    code: int | None
    status_line: str
    error: str


class _PinnedConnection(http.client.HTTPConnection):
    def __init__(self, target: Target, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self.address = target.address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedTLSConnection(http.client.HTTPSConnection):
    def __init__(self, target: Target, timeout: float) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(target.host, target.port, timeout=timeout, context=self.tls)
        self.address = target.address

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)


def post(
    *, target: Target, body: bytes, headers: dict[str, str], timeout: float
) -> Answer:
    """POST `body` to `target` and report its status; errors are reported too."""
    kind = _PinnedTLSConnection if target.scheme == "https" else _PinnedConnection
    connection = kind(target, timeout)
    try:
        connection.request("POST", target.path, body=body, headers=headers)
        code = connection.getresponse().status
    except http.client.HTTPException as error:
        # Its text may quote what the server sent: keep only what went wrong.
        return Answer(code=None, status_line="", error=type(error).__name__)
    except OSError as error:
        return Answer(code=None, status_line="", error=str(error)[:255])
    finally:
        connection.close()
    refused = _("Redirects are not followed.") if 300 <= code < 400 else ""
    return Answer(code=code, status_line=_status_line(code), error=refused)


def _status_line(code: int) -> str:
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return str(code)
