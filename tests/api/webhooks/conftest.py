"""A real HTTP receiver on 127.0.0.1 that records signed POSTs and answers
with the codes a test asks for."""

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from api.webhooks.models import WebhookEndpoint


@dataclass
class Receiver:
    url: str
    requests: list = field(default_factory=list)
    codes: list = field(default_factory=list)

    def bodies(self):
        return [json.loads(body) for _headers, body in self.requests]

    def events(self):
        return [body["event"] for body in self.bodies()]


@pytest.fixture
def receiver():
    state = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length)
            hook = state["receiver"]
            hook.requests.append((dict(self.headers), body))
            code = hook.codes.pop(0) if hook.codes else 200
            self.send_response(code)
            self.end_headers()
            self.wfile.write(b'{"ok": true}' if code < 300 else b"try later")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state["receiver"] = Receiver(url=f"http://127.0.0.1:{server.server_port}/hook")
    yield state["receiver"]
    server.shutdown()
    server.server_close()


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
