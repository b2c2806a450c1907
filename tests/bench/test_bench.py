"""The benchmark's own arithmetic (reading wrk's report, combining rounds,
naming ratios and judging them against the targets), and its cache hit
scenarios: every URL warmed into one shared cache, the hit ratio counted by
wrk from the API's X-Cache answers (against a real local server)."""

import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench import run
from bench.run import markdown, ratios_compute, summarise, targets_met, warm
from bench.wrk import WrkResult, ratio, wrk_parse, wrk_run

WRK_OUTPUT = """Running 3s test @ http://127.0.0.1:8000/api/v1/pages/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.10ms    4.02ms  80.15ms   90.00%
    Req/Sec   330.12     20.11   400.00     70.00%
  Latency Distribution
     50%   11.04ms
     75%   13.00ms
     90%   15.00ms
     99%    1.20s
  2000 requests in 3.01s, 10.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:    664.45
Transfer/sec:      3.32MB
X-Cache: hit 1500, miss 500
"""


def test_wrk_report_is_read_with_units_and_failures():
    result = wrk_parse(WRK_OUTPUT)

    assert result.rps == 664.45
    assert result.p50_ms == 11.04
    assert result.p99_ms == 1200.0
    assert result.requests == 2000
    assert result.errors == 7
    assert (result.cache_hits, result.cache_misses) == (1500, 500)


def test_a_report_without_failures_counts_none():
    clean = WRK_OUTPUT.replace(
        "  Socket errors: connect 0, read 2, write 0, timeout 1\n", ""
    ).replace("  Non-2xx or 3xx responses: 4\n", "")

    assert wrk_parse(clean).errors == 0
    with pytest.raises(ValueError):
        wrk_parse(WRK_OUTPUT.replace("11.04ms", "11.04hours"))


def _row(rps, p50=10.0):
    return {"rps": rps, "p50_ms": p50, "p99_ms": p50 * 2, "errors": 0}


def test_rounds_combine_and_ratios_are_named_and_judged():
    rounds = [
        WrkResult(rps=100, p50_ms=10, p99_ms=30, requests=300, errors=0),
        WrkResult(rps=200, p50_ms=30, p99_ms=90, requests=600, errors=1),
        WrkResult(rps=300, p50_ms=20, p99_ms=60, requests=900, errors=0),
    ]
    for result, hits in zip(rounds, [150, 600, 900], strict=True):
        result.cache_hits, result.cache_misses = hits, result.requests - hits
    scenarios = {
        "content_list": {"ours": _row(400), "v2": _row(100)},
        "content_detail": {"ours": _row(200), "v2": _row(100)},
        "es_vs_en": {"es": _row(95), "en": _row(100)},
        "forum_last_vs_first": {"first": _row(50, 10.0), "last": _row(50, 13.0)},
    }

    combined = summarise(rounds)
    ratios = ratios_compute(scenarios)
    met = targets_met(ratios)

    assert combined == {
        "rps": 200.0,
        "p50_ms": 20,
        "p99_ms": 60,
        "requests": 1800,
        "errors": 1,
        "cache_hits": 1650,
        "cache_misses": 150,
        "hit_ratio": 0.917,
    }
    assert summarise(rounds[:1])["hit_ratio"] == 0.5
    assert (
        summarise([wrk_parse(WRK_OUTPUT.replace("X-Cache", "-"))])["hit_ratio"] is None
    )
    assert ratios == {
        "content_list_vs_v2": 4.0,
        "content_detail_vs_v2": 2.0,
        "es_vs_en": 0.95,
        "forum_last_vs_first": 1.3,
    }
    assert met == {
        "content_list_vs_v2": True,
        "content_detail_vs_v2": False,
        "es_vs_en": True,
        "forum_last_vs_first": False,
    }
    assert ratio(1, 0) is None
    table = markdown(
        {
            "quick": True,
            "generated_at": "now",
            "dataset": {},
            "scenarios": scenarios,
            "ratios": ratios,
            "met": met,
            "errors": 0,
        }
    )
    assert "| content_detail_vs_v2 | 2.0 | >= 3.0 | MISSED |" in table
    scenarios["content_detail"]["ours"]["hit_ratio"] = 0.998
    scenarios["content_detail"]["v2"]["hit_ratio"] = None
    table = markdown(
        {
            "quick": True,
            "generated_at": "now",
            "dataset": {},
            "cache": "redis",
            "scenarios": scenarios,
            "ratios": ratios,
            "met": met,
            "errors": 0,
        }
    )
    assert "| content_detail | ours | 200 | 0.998 | 10.0 |" in table
    assert "| content_detail | v2 | 100 | n/a | 10.0 |" in table
    assert "Cache: redis, shared by all workers" in table


class Site:
    """A local server answering `X-Cache: hit` on /hit* and `miss` on /miss*,
    recording every path and Authorization it is asked for."""

    def __init__(self):
        self.seen = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                site.seen.append((self.path, self.headers.get("Authorization")))
                self.send_response(200)
                self.send_header("Content-Length", "2")
                if self.path.startswith(("/hit", "/miss")):
                    self.send_header("X-Cache", self.path[1:].split("/")[0])
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    serving = Site()
    yield serving
    serving.close()


def test_warming_fetches_every_url_of_every_scenario_once(site):
    details = [f"/hit/{n}/" for n in range(50)]
    urls = {"ours_list_es": "/hit/list/", "ours_detail": details, "forum": "/f/"}

    def headers_for(name):
        return {"Authorization": "Bearer t"} if name == "forum" else {}

    fetched = warm(site.base, urls, headers_for=headers_for)

    assert fetched == 52
    assert sorted(path for path, _auth in site.seen) == sorted(
        ["/hit/list/", "/f/", *details]
    )
    assert dict(site.seen)["/f/"] == "Bearer t"
    assert dict(site.seen)["/hit/49/"] is None


@pytest.mark.skipif(not shutil.which("wrk"), reason="wrk is not installed")
def test_wrk_counts_the_cache_answers_of_the_paths_it_cycles(site):
    paths = ["/hit/1/", "/hit/2/", "/hit/3/", "/miss/4/"]

    cycled = wrk_run(site.base + paths[0], seconds=1, paths=paths, connections=2)
    single = wrk_run(site.base + "/other/", seconds=1, connections=2)

    assert cycled.requests > 20
    assert cycled.cache_hits + cycled.cache_misses == cycled.requests
    assert cycled.cache_hits / cycled.requests == pytest.approx(0.75, abs=0.05)
    assert {path for path, _auth in site.seen} == {*paths, "/other/"}
    assert (single.cache_hits, single.cache_misses) == (0, 0)
    assert summarise([single])["hit_ratio"] is None


def test_the_workers_share_one_cache_even_without_redis(monkeypatch, tmp_path):
    monkeypatch.setattr(run, "DATA", tmp_path)
    monkeypatch.setattr(run.shutil, "which", lambda name: None)
    env = {}

    process, kind = run.shared_cache(env, quick=True)

    assert process is None
    assert kind == "filecache"
    assert env["CACHE_URL"] == f"filecache://{tmp_path / 'cache-quick'}"
    assert (
        run.shared_cache({"REDIS_URL": "redis://cache:6379/0"}, quick=True)[1]
        == "redis"
    )
