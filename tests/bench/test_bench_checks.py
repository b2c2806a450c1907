"""The benchmark's checks besides the ratios (bench/checks.py): the enrolment
POST sends a body of its own with every request, worker memory is read from
the workers of one master, judged against the v2-only server, and what was not
measured says so and why."""

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.checks import (
    GROWTH_NOT_MEASURED,
    markdown_lines,
    memory_result,
    postgres_enrolment,
    worker_rss_mb,
)
from bench.wrk import wrk_run


@pytest.fixture
def receiver():
    """A local server that answers 202 to every POST and keeps its bodies (with
    their Content-Type and Authorization)."""
    bodies = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            length = int(self.headers["Content-Length"])
            kind = (self.headers["Content-Type"], self.headers["Authorization"])
            bodies.append((kind, self.rfile.read(length)))
            self.send_response(202)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", bodies
    server.shutdown()
    server.server_close()


@pytest.mark.skipif(not shutil.which("wrk"), reason="wrk is not installed")
def test_every_enrolment_post_carries_an_organisation_of_its_own(receiver):
    base, bodies = receiver
    template = json.dumps({"organisation_name": "Org {n}", "emails": ["a@{n}.org"]})

    result = wrk_run(
        base + "/enrol/",
        seconds=1,
        headers={"Authorization": "Bearer key"},
        post_body=template,
        connections=4,
    )

    assert result.errors == 0
    assert result.requests > 10
    names = [json.loads(body)["organisation_name"] for _type, body in bodies]
    assert len(names) == len(set(names))
    assert all(kind == ("application/json", "Bearer key") for kind, _ in bodies)
    assert "{n}" not in bodies[0][1].decode()


@pytest.fixture
def slow_server():
    """A local server answering each GET after 1.5 s."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            time.sleep(1.5)
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    class Server(ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            pass  # wrk closes the connections it gave up on: a broken pipe

    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.mark.skipif(not shutil.which("wrk"), reason="wrk is not installed")
def test_a_slow_answer_is_a_timeout_only_past_the_timeout_given(slow_server):
    patient = wrk_run(slow_server, seconds=2, connections=1, threads=1, timeout=5)
    hasty = wrk_run(slow_server, seconds=2, connections=1, threads=1, timeout=1)

    assert patient.errors == 0 and patient.requests >= 1
    assert hasty.timeouts >= 1 and hasty.errors == hasty.timeouts
    assert hasty.failed_answers == 0


def test_worker_memory_is_read_from_the_masters_children_only():
    children = [
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
        for _ in range(2)
    ]
    try:
        sizes = worker_rss_mb(os.getpid())
    finally:
        for child in children:
            child.kill()
            child.wait()

    assert len(sizes) >= 2
    assert all(size > 1 for size in sizes)
    assert worker_rss_mb(children[0].pid) == []


def test_memory_is_judged_by_the_larger_of_our_servers():
    within = memory_result({"hit": [110.0, 130.0], "miss": [100.0]}, [100.0, 100.0])
    beyond = memory_result({"hit": [130.0, 130.0]}, [100.0])

    assert within["ratio"] == 1.2 and within["met"]
    assert within["mean_mb"] == {"hit": 120.0, "miss": 100.0, "v2_only": 100.0}
    assert beyond["ratio"] == 1.3 and not beyond["met"]
    assert memory_result({"hit": [1.0]}, [])["met"] is False


def test_what_is_not_measured_says_why_in_the_table():
    skipped = postgres_enrolment({}, seconds=1, quick=True)
    enrolment = {
        "rps": 40.0,
        "p50_ms": 150.0,
        "p99_ms": 400.0,
        "errors": 2,
        "timeouts": 1,
        "failed_answers": 1,
        "queries": 101,
        "met": False,
    }

    lines = markdown_lines(
        {"pg": skipped, "growth": GROWTH_NOT_MEASURED, "sqlite": enrolment}
    )

    assert skipped["measured"] is False and "quick mode" in skipped["why"]
    assert any(line.startswith("| pg | not measured: quick mode") for line in lines)
    assert any("| growth | not measured:" in line for line in lines)
    assert (
        "| sqlite | 40.0 req/s, p50 150.0 ms, p99 400.0 ms, 2 errors (1 timeouts, "
        "1 failed answers), 101 "
    ) in ("\n".join(lines))
    assert lines[-1].endswith("| MISSED |")
