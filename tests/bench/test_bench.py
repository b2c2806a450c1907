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
    assert (result.timeouts, result.failed_answers) == (1, 4)
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


def test_rounds_combine_with_their_hit_ratio():
    rounds = [
        WrkResult(rps=100, p50_ms=10, p99_ms=30, requests=300, errors=0),
        WrkResult(rps=200, p50_ms=30, p99_ms=90, requests=600, errors=1, timeouts=1),
        WrkResult(rps=300, p50_ms=20, p99_ms=60, requests=900, errors=0),
    ]
    for result, hits in zip(rounds, [150, 600, 900], strict=True):
        result.cache_hits, result.cache_misses = hits, result.requests - hits

    combined = summarise(rounds)

    assert combined == {
        "rps": 200.0,
        "p50_ms": 20,
        "p99_ms": 60,
        "requests": 1800,
        "errors": 1,
        "timeouts": 1,
        "failed_answers": 0,
        "cache_hits": 1650,
        "cache_misses": 150,
        "hit_ratio": 0.917,
    }
    assert summarise(rounds[:1])["hit_ratio"] == 0.5
    assert (
        summarise([wrk_parse(WRK_OUTPUT.replace("X-Cache", "-"))])["hit_ratio"] is None
    )
    assert ratio(1, 0) is None


def test_every_scenario_has_a_hit_and_a_miss_mode_and_its_references():
    plan = run.scenarios_plan()

    modes = {name: mode for name, (mode, _sides) in plan.items()}
    sides = {name: set(named) for name, (_mode, named) in plan.items()}

    assert modes["content_list_hit"] == "hit"
    assert modes["content_list_miss"] == "miss"
    assert sides["content_list_hit"] == {"ours", "ours_en", "ceiling"}
    assert sides["content_list_miss"] == {"ours", "ours_en", "v2"}
    assert sides["content_detail_miss"] == {"ours", "v2"}
    assert sides["forum_last"] == {"ours", "naive"}
    for page in ("programme", "module"):
        for language in ("en", "es"):
            assert sides[f"site_{page}_{language}_hit"] == {"ours", "ceiling"}
            assert sides[f"site_{page}_{language}_miss"] == {"ours", "wagtail"}
    for top, bottom, *_rest in run.TARGETS.values():
        assert top[1] in sides[top[0]] and bottom[1] in sides[bottom[0]]


def _scenarios(overrides=None):
    """Every scenario's sides at 100 req/s, p50 10 ms, but the overrides."""
    scenarios = {
        name: {side: _row(100) for side in sides}
        for name, (_mode, sides) in run.scenarios_plan().items()
    }
    for (name, side), row in (overrides or {}).items():
        scenarios[name][side] = row
    return scenarios


def test_ratios_are_named_judged_and_written():
    scenarios = _scenarios(
        {
            ("content_list_miss", "ours"): _row(400),
            ("content_list_miss", "ours_en"): _row(400),
            ("content_detail_miss", "ours"): _row(150),
            ("content_list_hit", "ours_en"): _row(85),
            ("forum_last", "ours"): _row(100, 13.0),
            ("site_module_es_hit", "ours"): _row(40),
        }
    )

    ratios = ratios_compute(scenarios)
    met = targets_met(ratios)

    assert ratios["content_list_miss_vs_v2"] == 4.0
    assert met["content_list_miss_vs_v2"] is True
    assert (ratios["content_detail_miss_vs_v2"], met["content_detail_miss_vs_v2"]) == (
        1.5,
        False,
    )
    assert ratios["content_list_hit_es_vs_en"] == 1.176
    assert met["content_list_hit_es_vs_en"] is False
    assert met["content_list_miss_es_vs_en"] is True
    assert (ratios["forum_last_vs_first"], met["forum_last_vs_first"]) == (1.3, False)
    assert met["site_module_es_hit_vs_ceiling"] is True
    assert met["site_module_hit_es_vs_en"] is False
    assert met["site_programme_en_miss_vs_wagtail"] is False
    del scenarios["forum_last"]
    assert ratios_compute(scenarios)["forum_last_vs_naive"] is None
    scenarios = _scenarios()
    scenarios["content_detail_hit"]["ours"]["hit_ratio"] = 0.998
    scenarios["content_detail_miss"]["v2"]["hit_ratio"] = None
    scenarios["content_detail_miss"]["ours"].update(queries=1, queries_after_flush=4)
    scenarios["content_detail_miss"]["v2"].update(queries=13, queries_after_flush=13)
    results = {
        "quick": True,
        "generated_at": "now",
        "dataset": {},
        "cache": "redis",
        "scenarios": scenarios,
        "ratios": ratios,
        "met": met,
        "errors": 0,
    }
    table = markdown(results)
    assert "| content_detail_miss_vs_v2 | 1.5 | >= 2.0 | MISSED |" in table
    assert "| content_list_miss_es_vs_en | 1.0 | 1 ± 0.1 | yes |" in table
    assert "| content_detail_hit | ours | 100 | 0.998 | 10.0 |" in table
    assert "| content_detail_miss | v2 | 100 | n/a | 10.0 |" in table
    assert "| 0 | 1 (4 after a cache flush) |" in table
    assert "| 0 | 13 |" in table
    assert "Cache: redis, shared by all workers" in table


def test_results_name_the_machine_commit_and_load_they_measured():
    from bench import machine

    described = machine.describe(workers="3")
    described["load_after"] = [9.5, 4.0, 2.0]
    results = {
        "quick": False,
        "generated_at": "now",
        "dataset": {},
        "machine": described,
        "scenarios": {},
        "ratios": {},
        "met": {},
        "errors": 0,
    }

    table = markdown(results)

    assert described["logical_cpus"] and described["commit"]
    assert f"{described['logical_cpus']} logical CPUs" in table
    assert f"Commit {described['commit']}." in table
    assert "3 gunicorn workers per server" in table
    assert "after [9.5, 4.0, 2.0]" in table


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
