"""The benchmark's own arithmetic: reading wrk's report, combining rounds,
naming ratios and judging them against the targets (no server, no wrk)."""

import pytest

from bench.run import markdown, ratios_compute, summarise, targets_met
from bench.wrk import WrkResult, ratio, wrk_parse

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
"""


def test_wrk_report_is_read_with_units_and_failures():
    result = wrk_parse(WRK_OUTPUT)

    assert result.rps == 664.45
    assert result.p50_ms == 11.04
    assert result.p99_ms == 1200.0
    assert result.requests == 2000
    assert result.errors == 7


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
    }
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
