"""`make bench` (python -m bench.run [--quick]): build the dataset, serve the
project with gunicorn on 127.0.0.1, drive our endpoints and Wagtail's stock
/api/v2/ with wrk in alternating rounds, and write bench/results.json and
bench/results.md. Exits non-zero when a request failed; a ratio target missed
is reported as MISSED."""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
TARGETS = {
    "content_list_vs_v2": (">=", 4.0),
    "content_detail_vs_v2": (">=", 3.0),
    "es_vs_en": ("within", 0.10),
    "forum_last_vs_first": ("<=", 1.2),
}
HIT_RATIO_SOURCE = (
    "answers with `X-Cache: hit` over answers with X-Cache, "
    "counted by wrk (bench/wrk.lua) over the measured runs"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(quick: bool) -> dict:
    DATA.mkdir(parents=True, exist_ok=True)
    name = "quick" if quick else "full"
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{DATA / f'bench-{name}.sqlite3'}")
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.bench",
            "DJANGO_MEDIA_ROOT": str(DATA / f"media-{name}"),
            "DJANGO_PRIVATE_MEDIA_ROOT": str(DATA / f"private-{name}"),
            "API_ANON_RATE": "1000000000/hour",
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (loopback)
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer in {seconds} s")


def shared_cache(env: dict, *, quick: bool):
    """Point every gunicorn worker at one cache, so that a response cached by
    one is a hit for all: the given CACHE_URL/REDIS_URL, else a redis-server of
    our own (as in production), else a file cache. Returns (process, kind)."""
    given = env.get("CACHE_URL") or env.get("REDIS_URL")
    if given:
        return None, given.split(":", 1)[0]
    if shutil.which("redis-server"):
        port = free_port()
        process = subprocess.Popen(
            ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        env["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
        time.sleep(0.5)
        return process, "redis"
    folder = DATA / f"cache-{'quick' if quick else 'full'}"
    shutil.rmtree(folder, ignore_errors=True)
    env["CACHE_URL"] = f"filecache://{folder}"
    return None, "filecache"


def warm(base: str, urls: dict, *, headers_for) -> int:
    """GET every URL of every scenario once, so that all are in the shared
    cache before any measured run (wrk's short warm-up reaches only the first
    few of a long list). Returns how many were fetched."""
    fetched = 0
    for name, listed in urls.items():
        for url in listed if isinstance(listed, list) else [listed]:
            request = urllib.request.Request(  # noqa: S310 (our own server)
                base + url, headers=headers_for(name)
            )
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                if response.status != 200:
                    raise SystemExit(f"{url} answered {response.status}")
            fetched += 1
    return fetched


def prepare(env: dict) -> dict:
    """In this process, on the bench database: the URLs of each scenario and
    the queries each costs (uncached), and a member's token for the forum."""
    os.environ.update(env)
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from api.keys import personal_token_create
    from cms.pages.models import StandardPage
    from learning.forum.models import Post, Thread
    from learning.forum.selectors import post_cursor_at

    english = list(
        StandardPage.objects.filter(locale__language_code="en")
        .order_by("pk")
        .values_list("pk", flat=True)[:50]
    )
    thread = Thread.objects.order_by("-reply_count").first()
    member = thread.posts.order_by("pk").first().author
    _token, key = personal_token_create(user=member, name="bench")
    posts = Post.objects.filter(thread=thread).order_by("created_at", "pk")
    before_last = posts[posts.count() - 20]
    forum = f"/api/v1/forum/threads/{thread.pk}/posts/?limit=20"
    urls = {
        "ours_list_es": "/api/v1/standard-pages/?locale=es&limit=20",
        "ours_list_en": "/api/v1/standard-pages/?locale=en&limit=20",
        "v2_list_es": "/api/v2/pages/?locale=es&limit=20&fields=*"
        "&type=pages.StandardPage",
        "ours_detail": [f"/api/v1/standard-pages/{pk}/" for pk in english],
        "v2_detail": [f"/api/v2/pages/{pk}/" for pk in english],
        "forum_first": forum,
        "forum_last": f"{forum}&cursor={post_cursor_at(post=before_last)}",
    }
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    client = Client(HTTP_HOST="127.0.0.1")
    queries = {}
    for name, url in urls.items():
        url = url[0] if isinstance(url, list) else url
        headers = auth if name.startswith("forum") else {}
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, **headers)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        queries[name] = len(captured.captured_queries)
    last = client.get(urls["forum_last"], **auth).json()
    if last["next"] is not None or len(last["results"]) != 20:
        raise SystemExit("the forum's last-page cursor does not reach the end")
    cache.clear()
    return {"urls": urls, "queries": queries, "token": key}


def measure(base: str, url, *, seconds: int, headers=None):
    from bench.wrk import wrk_run

    if isinstance(url, list):
        return wrk_run(base + url[0], seconds=seconds, headers=headers, paths=url)
    return wrk_run(base + url, seconds=seconds, headers=headers)


def summarise(results: list) -> dict:
    """Combine rounds: total requests and errors, mean rps, median latencies,
    and the share of cache hits among the answers that said (None when no
    answer carried X-Cache, e.g. the stock v2 API)."""
    rounds = len(results)
    hits = sum(r.cache_hits for r in results)
    misses = sum(r.cache_misses for r in results)
    return {
        "rps": round(sum(r.rps for r in results) / rounds, 1),
        "p50_ms": round(sorted(r.p50_ms for r in results)[rounds // 2], 2),
        "p99_ms": round(sorted(r.p99_ms for r in results)[rounds // 2], 2),
        "requests": sum(r.requests for r in results),
        "errors": sum(r.errors for r in results),
        "cache_hits": hits,
        "cache_misses": misses,
        "hit_ratio": round(hits / (hits + misses), 3) if hits + misses else None,
    }


def ratios_compute(scenarios: dict) -> dict:
    from bench.wrk import ratio

    return {
        "content_list_vs_v2": ratio(
            scenarios["content_list"]["ours"]["rps"],
            scenarios["content_list"]["v2"]["rps"],
        ),
        "content_detail_vs_v2": ratio(
            scenarios["content_detail"]["ours"]["rps"],
            scenarios["content_detail"]["v2"]["rps"],
        ),
        "es_vs_en": ratio(
            scenarios["es_vs_en"]["es"]["rps"], scenarios["es_vs_en"]["en"]["rps"]
        ),
        # Latency ratio: the last page's median over the first page's.
        "forum_last_vs_first": ratio(
            scenarios["forum_last_vs_first"]["last"]["p50_ms"],
            scenarios["forum_last_vs_first"]["first"]["p50_ms"],
        ),
    }


def targets_met(ratios: dict) -> dict:
    met = {}
    for name, (kind, bound) in TARGETS.items():
        value = ratios.get(name)
        if value is None:
            met[name] = False
        elif kind == ">=":
            met[name] = value >= bound
        elif kind == "<=":
            met[name] = value <= bound
        else:
            met[name] = abs(value - 1) <= bound
    return met


def markdown(results: dict) -> str:
    lines = [
        f"# Benchmark ({'quick' if results['quick'] else 'full'}) "
        f"{results['generated_at']}",
        "",
        f"Dataset: {results['dataset']}",
        "",
        f"Cache: {results.get('cache', '?')}, shared by all workers. Hit ratio: "
        f"{HIT_RATIO_SOURCE}; n/a where no answer carried it.",
        "",
        "| scenario | side | req/s | hit ratio | p50 ms | p99 ms | errors | queries |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for scenario, sides in results["scenarios"].items():
        for side, row in sides.items():
            hit_ratio = row.get("hit_ratio")
            lines.append(
                f"| {scenario} | {side} | {row['rps']} | "
                f"{'n/a' if hit_ratio is None else hit_ratio} | {row['p50_ms']} | "
                f"{row['p99_ms']} | {row['errors']} | {row.get('queries', '')} |"
            )
    lines += ["", "| ratio | value | target | met |", "|---|---:|---|---|"]
    for name, value in results["ratios"].items():
        kind, bound = TARGETS[name]
        target = f"{kind} {bound}" if kind != "within" else f"1 ± {bound}"
        met = "yes" if results["met"][name] else "MISSED"
        lines.append(f"| {name} | {value} | {target} | {met} |")
    lines += ["", f"Failed requests: {results['errors']}", ""]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        print("wrk is not installed (Debian: apt-get install wrk).", file=sys.stderr)
        return 2
    env = environment(args.quick)
    python = sys.executable
    command = [python, "manage.py", "bench_dataset"] + (
        ["--quick"] if args.quick else []
    )
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    redis, cache_kind = shared_cache(env, quick=args.quick)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "cms.wsgi",
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            os.environ.get("BENCH_WORKERS", "4"),
            "--access-logfile",
            "/dev/null",
            "--max-requests",
            "0",
        ],
        cwd=ROOT,
        env={**env, "GUNICORN_ACCESS_LOG": "/dev/null"},
    )
    try:
        wait_for(base + "/healthz")
        plan = prepare(env)
        urls, token = plan["urls"], plan["token"]
        forum_headers = {"Authorization": f"Bearer {token}"}
        seconds, rounds = (3, 1) if args.quick else (10, 3)
        pairs = {
            "content_list": (("ours", "ours_list_es"), ("v2", "v2_list_es")),
            "content_detail": (("ours", "ours_detail"), ("v2", "v2_detail")),
            "es_vs_en": (("es", "ours_list_es"), ("en", "ours_list_en")),
            "forum_last_vs_first": (("first", "forum_first"), ("last", "forum_last")),
        }

        def headers_for(name: str) -> dict:
            return forum_headers if name.startswith("forum") else {}

        for name, url in urls.items():  # warm up every worker's process
            measure(base, url, seconds=1, headers=headers_for(name))
        warm(base, urls, headers_for=headers_for)
        raw = {
            scenario: {side: [] for side, _ in sides}
            for scenario, sides in pairs.items()
        }
        for _round in range(rounds):
            for scenario, sides in pairs.items():
                for side, name in sides:
                    raw[scenario][side].append(
                        measure(
                            base, urls[name], seconds=seconds, headers=headers_for(name)
                        )
                    )
        scenarios = {
            scenario: {
                side: {
                    **summarise(raw[scenario][side]),
                    "queries": plan["queries"][name],
                }
                for side, name in sides
            }
            for scenario, sides in pairs.items()
        }
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
        if redis is not None:
            redis.terminate()
    from bench.sizes import FULL, QUICK

    ratios = ratios_compute(scenarios)
    results = {
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "quick": args.quick,
        "cache": cache_kind,
        "hit_ratio_source": HIT_RATIO_SOURCE,
        "dataset": (QUICK if args.quick else FULL).as_dict(),
        "scenarios": scenarios,
        "ratios": ratios,
        "targets": {name: f"{kind} {bound}" for name, (kind, bound) in TARGETS.items()},
        "met": targets_met(ratios),
        "errors": sum(
            row["errors"] for sides in scenarios.values() for row in sides.values()
        ),
    }
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    table = markdown(results)
    (ROOT / "bench" / "results.md").write_text(table)
    print(table)
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
