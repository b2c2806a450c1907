"""Real HTTP receivers on 127.0.0.1: one that records signed POSTs and
answers with the codes (or the redirect) a test asks for, and an "internal"
service that a redirect might lead to, holding something it should not tell."""

import json
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from api.webhooks.models import WebhookEndpoint

INTERNAL_SECRET = "internal-credentials-4f1c"


@dataclass
class Receiver:
    url: str
    requests: list = field(default_factory=list)
    codes: list = field(default_factory=list)
    redirect_to: str = ""
    answer: bytes = b'{"ok": true}'

    def bodies(self):
        return [json.loads(body) for _headers, body in self.requests]

    def events(self):
        return [body["event"] for body in self.bodies()]


@contextmanager
def serving(tls: ssl.SSLContext | None = None, **fields) -> Iterator[Receiver]:
    """Serve a Receiver on a free loopback port (over TLS with a server context);
    headers are kept lower-cased."""
    state = {}

    class Handler(BaseHTTPRequestHandler):
        def answer(self):
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length)
            hook = state["receiver"]
            headers = {key.lower(): value for key, value in self.headers.items()}
            hook.requests.append((headers, body))
            if hook.redirect_to:
                self.send_response(302)
                self.send_header("Location", hook.redirect_to)
                self.end_headers()
                return
            code = hook.codes.pop(0) if hook.codes else 200
            self.send_response(code)
            self.end_headers()
            self.wfile.write(hook.answer if code < 300 else b"try later")

        do_GET = do_POST = answer

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    scheme = "https" if tls is not None else "http"
    url = f"{scheme}://127.0.0.1:{server.server_port}/hook"
    state["receiver"] = Receiver(url=url, **fields)
    try:
        yield state["receiver"]
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def receiver():
    with serving() as hook:
        yield hook


@pytest.fixture
def internal():
    """A service on the inside that answers anyone with a secret."""
    answer = json.dumps({"token": INTERNAL_SECRET}).encode()
    with serving(answer=answer) as hook:
        yield hook


@pytest.fixture
def subscribe(db, receiver):
    def make(*events, **fields):
        return WebhookEndpoint.objects.create(
            name=fields.pop("name", "Partner app"),
            url=fields.pop("url", receiver.url),
            events=list(events),
            **fields,
        )

    return make
