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

from bench import machine as machine_info
from bench import publish_read
from bench.checks import (
    checks_during_run,
    markdown_lines,
    memory_result,
    postgres_enrolment,
    v2_only_rss,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
# Each ratio: (numerator, denominator, metric, kind, bound), where a numerator
# or denominator is (scenario, side) of the same run. A ratio of req/s says how
# many times faster the numerator is; of p50 latencies, how much slower.
TARGETS: dict = {
    "content_list_miss_vs_v2": (
        ("content_list_miss", "ours"),
        ("content_list_miss", "v2"),
        "rps",
        ">=",
        4.0,
    ),
    "content_detail_miss_vs_v2": (
        ("content_detail_miss", "ours"),
        ("content_detail_miss", "v2"),
        "rps",
        ">=",
        2.0,
    ),
    "content_list_hit_vs_ceiling": (
        ("content_list_hit", "ours"),
        ("content_list_hit", "ceiling"),
        "rps",
        ">=",
        0.5,
    ),
    "content_detail_hit_vs_ceiling": (
        ("content_detail_hit", "ours"),
        ("content_detail_hit", "ceiling"),
        "rps",
        ">=",
        0.5,
    ),
    "forum_first_vs_naive": (
        ("forum_first", "ours"),
        ("forum_first", "naive"),
        "rps",
        ">=",
        4.0,
    ),
    "forum_last_vs_naive": (
        ("forum_last", "ours"),
        ("forum_last", "naive"),
        "rps",
        ">=",
        4.0,
    ),
    "forum_last_vs_first": (
        ("forum_last", "ours"),
        ("forum_first", "ours"),
        "p50_ms",
        "<=",
        1.2,
    ),
}
for _mode in ("hit", "miss"):
    TARGETS[f"content_list_{_mode}_es_vs_en"] = (
        (f"content_list_{_mode}", "ours"),
        (f"content_list_{_mode}", "ours_en"),
        "rps",
        "within",
        0.1,
    )
for _page in ("programme", "module"):
    for _language in ("en", "es"):
        _name = f"site_{_page}_{_language}"
        TARGETS[f"{_name}_hit_vs_ceiling"] = (
            (f"{_name}_hit", "ours"),
            (f"{_name}_hit", "ceiling"),
            "rps",
            ">=",
            0.4,
        )
        TARGETS[f"{_name}_miss_vs_wagtail"] = (
            (f"{_name}_miss", "ours"),
            (f"{_name}_miss", "wagtail"),
            "rps",
            ">=",
            2.0,
        )
    for _mode in ("hit", "miss"):
        TARGETS[f"site_{_page}_{_mode}_es_vs_en"] = (
            (f"site_{_page}_es_{_mode}", "ours"),
            (f"site_{_page}_en_{_mode}", "ours"),
            "rps",
            "within",
            0.1,
        )
# The miss server: our response caches off, the API's and the site pages'
# (Wagtail's renditions and site root paths stay cached).
MISS_MODE = {"API_RESPONSE_CACHE": "off", "SITE_PAGE_CACHE": "off"}
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
            # The enrolment scenario's emails are sent to no one.
            "EMAIL_URL": "dummymail://",
        }
    )
    return env


def wait_for(url: str, seconds: float = 180) -> None:
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


def scenarios_plan() -> dict:
    """Every scenario: the server mode it runs on (hit: our caches on; miss:
    MISS_MODE) and its sides (side name -> URL name), measured
    in alternating rounds."""
    plan = {
        "content_list_hit": (
            "hit",
            {
                "ours": "ours_list_es",
                "ours_en": "ours_list_en",
                "ceiling": "ceiling_list_es",
            },
        ),
        "content_list_miss": (
            "miss",
            {"ours": "ours_list_es", "ours_en": "ours_list_en", "v2": "v2_list_es"},
        ),
        "content_detail_hit": (
            "hit",
            {"ours": "ours_detail", "ceiling": "ceiling_detail"},
        ),
        "content_detail_miss": ("miss", {"ours": "ours_detail", "v2": "v2_detail"}),
        "forum_first": ("hit", {"ours": "forum_first", "naive": "naive_first"}),
        "forum_last": ("hit", {"ours": "forum_last", "naive": "naive_last"}),
    }
    for page in ("programme", "module"):
        for language in ("en", "es"):
            site = f"site_{page}_{language}"
            plan[f"{site}_hit"] = ("hit", {"ours": site, "ceiling": f"ceiling_{site}"})
            plan[f"{site}_miss"] = (
                "miss",
                {"ours": site, "wagtail": f"wagtail_{site}"},
            )
    return plan


def _capture(client, url: str, name: str) -> str:
    """Store one of our responses' bytes for the ceiling view; its URL."""
    from bench.references import CEILING

    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    CEILING.mkdir(parents=True, exist_ok=True)
    (CEILING / name).write_bytes(response.content)
    (CEILING / f"{name}.type").write_text(response["Content-Type"])
    return f"/bench/ceiling/{name}"


def _urls(client) -> dict:
    """The URLs of every side, on the bench database."""
    from wagtail.models import Locale

    from cms.pages.models import StandardPage
    from learning.catalogue.models import ModulePage, ProgrammePage

    english = list(
        StandardPage.objects.filter(locale__language_code="en")
        .order_by("pk")
        .values_list("pk", flat=True)[:50]
    )
    urls = {
        "ours_list_es": "/api/v1/standard-pages/?locale=es&limit=20",
        "ours_list_en": "/api/v1/standard-pages/?locale=en&limit=20",
        "v2_list_es": "/api/v2/pages/?locale=es&limit=20&fields=*"
        "&type=pages.StandardPage",
        "ours_detail": [f"/api/v1/standard-pages/{pk}/" for pk in english],
        "v2_detail": [f"/api/v2/pages/{pk}/" for pk in english],
    }
    urls["ceiling_list_es"] = _capture(client, urls["ours_list_es"], "list-es")
    urls["ceiling_detail"] = [
        _capture(client, url, f"detail-{n}")
        for n, url in enumerate(urls["ours_detail"])
    ]
    for model in (ProgrammePage, ModulePage):
        page_name = model.__name__.removesuffix("Page").lower()
        first = model.objects.live().filter(locale__language_code="en").order_by("path")
        english_page = next(p for p in first if p.get_url())
        for language in ("en", "es"):
            page = english_page.get_translation(
                Locale.objects.get(language_code=language)
            )
            site, url = f"site_{page_name}_{language}", page.get_url()
            urls[site] = url
            urls[f"wagtail_{site}"] = "/bench/wagtail" + url
            urls[f"ceiling_{site}"] = _capture(client, url, site)
    return urls


def _forum_urls(urls: dict) -> str:
    """The long thread's first and last pages, ours (keyset cursor) and the
    naive forum's (offset), and a member's personal token."""
    from api.keys import personal_token_create
    from learning.forum.models import Post, Thread
    from learning.forum.selectors import post_cursor_at

    thread = Thread.objects.order_by("-reply_count").first()
    member = thread.posts.order_by("pk").first().author
    _token, key = personal_token_create(user=member, name="bench")
    posts = Post.objects.filter(thread=thread).order_by("created_at", "pk")
    count = posts.count()
    forum = f"/api/v1/forum/threads/{thread.pk}/posts/?limit=20"
    naive = f"/bench/naive-forum/threads/{thread.pk}/posts/?limit=20"
    urls["forum_first"] = forum
    cursor = post_cursor_at(post=posts[count - 20])
    urls["forum_last"] = f"{forum}&cursor={cursor}"
    urls["naive_first"] = naive
    urls["naive_last"] = f"{naive}&offset={count - 20}"
    return key


def _queries(client, url, *, mode: str, headers: dict) -> tuple[int, int | None]:
    """Queries of one request as the measured rounds meet it: in hit mode once
    the response is cached; in miss mode (response and page caches off) once
    one request has made what a content generation keeps (routes, shared
    parts, list totals, kept blocks). For miss mode also the first request
    after a cache flush, which makes them (None in hit mode)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import override_settings
    from django.test.utils import CaptureQueriesContext

    url = url[0] if isinstance(url, list) else url
    cache.clear()
    cached = mode == "hit"
    with override_settings(API_RESPONSE_CACHE=cached, SITE_PAGE_CACHE=cached):
        with CaptureQueriesContext(connection) as first:
            client.get(url, **headers)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, **headers)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    after_flush = None if cached else len(first.captured_queries)
    return len(captured.captured_queries), after_flush


def prepare(env: dict) -> dict:
    """In this process, on the bench database: the URLs of each side, the
    ceiling's captured bytes, a member's token for the forums, and the
    queries each side costs in its mode."""
    os.environ.update(env)
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    urls = _urls(client)
    key = _forum_urls(urls)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    last = client.get(urls["forum_last"], **auth).json()
    if last["next"] is not None or len(last["results"]) != 20:
        raise SystemExit("the forum's last-page cursor does not reach the end")
    queries = {}
    for scenario, (mode, sides) in scenarios_plan().items():
        for side, name in sides.items():
            headers = auth if is_forum(name) else {}
            queries[(scenario, side)] = _queries(
                client, urls[name], mode=mode, headers=headers
            )
    cache.clear()
    return {"urls": urls, "queries": queries, "token": key}


def is_forum(name: str) -> bool:
    return name.startswith(("forum", "naive"))


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
        "timeouts": sum(r.timeouts for r in results),
        "failed_answers": sum(r.failed_answers for r in results),
        "cache_hits": hits,
        "cache_misses": misses,
        "hit_ratio": round(hits / (hits + misses), 3) if hits + misses else None,
    }


def ratios_compute(scenarios: dict) -> dict:
    """Every target's ratio from the scenarios of one run (None when a side
    is missing or measured nothing)."""
    from bench.wrk import ratio

    ratios = {}
    for name, (numerator, denominator, metric, _kind, _bound) in TARGETS.items():
        top = scenarios.get(numerator[0], {}).get(numerator[1])
        bottom = scenarios.get(denominator[0], {}).get(denominator[1])
        ratios[name] = ratio(top[metric], bottom[metric]) if top and bottom else None
    return ratios


def targets_met(ratios: dict) -> dict:
    met = {}
    for name, (_top, _bottom, _metric, kind, bound) in TARGETS.items():
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


def target_text(name: str) -> str:
    _top, _bottom, _metric, kind, bound = TARGETS[name]
    return f"{kind} {bound}" if kind != "within" else f"1 ± {bound}"


def _queries_text(row: dict) -> str:
    queries, after_flush = row.get("queries", ""), row.get("queries_after_flush")
    if after_flush is None or after_flush == queries:
        return str(queries)
    return f"{queries} ({after_flush} after a cache flush)"


def markdown(results: dict) -> str:
    lines = [
        f"# Benchmark ({'quick' if results['quick'] else 'full'}) "
        f"{results['generated_at']}",
        "",
        f"Dataset: {results['dataset']}",
        "",
        *machine_info.markdown_lines(results.get("machine", {})),
        f"Cache: {results.get('cache', '?')}, shared by all workers. Modes: hit "
        "(our caches on, every URL warmed) and miss (API_RESPONSE_CACHE=off and "
        "SITE_PAGE_CACHE=off, "
        f"a second server). Hit ratio: {HIT_RATIO_SOURCE}; n/a where no answer "
        "carried it. Queries: of one request as the measured rounds meet it (in "
        "miss mode, once a request has made what a content generation keeps); in "
        "brackets, the first request after a cache flush, where it differs.",
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
                f"{row['p99_ms']} | {row['errors']} | {_queries_text(row)} |"
            )
    lines += ["", "| ratio | value | target | met |", "|---|---:|---|---|"]
    for name, value in results["ratios"].items():
        met = "yes" if results["met"][name] else "MISSED"
        lines.append(f"| {name} | {value} | {target_text(name)} | {met} |")
    lines += markdown_lines(results.get("checks", {}))
    lines += publish_read.markdown_lines(results.get("first_read_after_publish", {}))
    lines += ["", f"Failed requests: {results['errors']}", ""]
    return "\n".join(lines)


def serve(env: dict, *, port: int) -> subprocess.Popen:
    """gunicorn serving the project (bench settings) on 127.0.0.1:port."""
    return subprocess.Popen(
        [
            sys.executable,
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


def stop(processes: list) -> None:
    """Stop the servers we started, each by its own process (killed when it
    does not end in 30 s)."""
    for process in processes:
        if process is not None:
            process.terminate()
    for process in processes:
        if process is None:
            continue
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


def run_rounds(bases: dict, plan: dict, *, seconds: int, rounds: int) -> dict:
    """Warm every worker and every URL, then measure each scenario's sides
    in turn, round after round; the raw wrk results per scenario and side."""
    urls, token = plan["urls"], plan["token"]
    forum_headers = {"Authorization": f"Bearer {token}"}

    def headers_for(name: str) -> dict:
        return forum_headers if is_forum(name) else {}

    scenarios = scenarios_plan()
    for mode, base in bases.items():
        names = {
            name
            for scenario_mode, sides in scenarios.values()
            if scenario_mode == mode
            for name in sides.values()
        }
        for name in sorted(names):  # warm up every worker's process
            measure(base, urls[name], seconds=1, headers=headers_for(name))
        warm(base, {name: urls[name] for name in names}, headers_for=headers_for)
    raw = {
        scenario: {side: [] for side in sides}
        for scenario, (_mode, sides) in scenarios.items()
    }
    for _round in range(rounds):
        for scenario, (mode, sides) in scenarios.items():
            for side, name in sides.items():
                raw[scenario][side].append(
                    measure(
                        bases[mode],
                        urls[name],
                        seconds=seconds,
                        headers=headers_for(name),
                    )
                )
    return raw


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        print("wrk is not installed (Debian: apt-get install wrk).", file=sys.stderr)
        return 2
    env = environment(args.quick)
    machine = machine_info.describe(workers=os.environ.get("BENCH_WORKERS", "4"))
    command = [sys.executable, "manage.py", "bench_dataset"] + (
        ["--quick"] if args.quick else []
    )
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    redis, cache_kind = shared_cache(env, quick=args.quick)
    ports = {"hit": free_port(), "miss": free_port()}
    bases = {mode: f"http://127.0.0.1:{port}" for mode, port in ports.items()}
    servers = [
        serve(env, port=ports["hit"]),
        serve({**env, **MISS_MODE}, port=ports["miss"]),
    ]
    try:
        for base in bases.values():
            wait_for(base + "/healthz")
        plan = prepare(env)
        seconds, rounds = (3, 1) if args.quick else (10, 3)
        raw = run_rounds(bases, plan, seconds=seconds, rounds=rounds)
        named = {"hit": servers[0], "miss": servers[1]}
        during = checks_during_run(env, bases, named, seconds=seconds)
        after_publish = publish_read.publish_then_read(bases["hit"], plan["urls"])
        # While the shared cache still runs: these servers read it too.
        v2_only = v2_only_rss(env, plan["urls"], seconds=seconds)
        postgres = postgres_enrolment(env, seconds=seconds, quick=args.quick)
    finally:
        stop([*servers, redis])
    from bench.growth import ROUNDS, SECONDS, growth_check
    from bench.sizes import FULL, QUICK

    # Its own servers and databases, once the run's servers are stopped.
    growth = growth_check(env, seconds=SECONDS, rounds=ROUNDS, quick=args.quick)

    machine["load_after"] = machine_info.load_average()
    rss = during.pop("rss")
    checks = {
        **during,
        "enrolment_post_postgresql": postgres,
        "memory_per_worker_vs_v2_only": memory_result(rss, v2_only),
        "growth_20000_vs_2000_pages": growth,
    }

    scenarios = {
        scenario: {
            side: {
                **summarise(rounds_),
                "queries": plan["queries"][(scenario, side)][0],
                "queries_after_flush": plan["queries"][(scenario, side)][1],
            }
            for side, rounds_ in sides.items()
        }
        for scenario, sides in raw.items()
    }
    ratios = ratios_compute(scenarios)
    results = {
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "quick": args.quick,
        "cache": cache_kind,
        "modes": {
            "hit": "our response cache on, every URL warmed before measuring",
            "miss": "API_RESPONSE_CACHE=off and SITE_PAGE_CACHE=off: our "
            "response and page caches are never read",
        },
        "hit_ratio_source": HIT_RATIO_SOURCE,
        "dataset": (QUICK if args.quick else FULL).as_dict(),
        "machine": machine,
        "scenarios": scenarios,
        "ratios": ratios,
        "targets": {name: target_text(name) for name in TARGETS},
        "met": targets_met(ratios),
        "checks": checks,
        "first_read_after_publish": after_publish,
        "errors": sum(
            row["errors"] for sides in scenarios.values() for row in sides.values()
        )
        + sum(row.get("errors", 0) for row in checks.values()),
    }
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    table = markdown(results)
    (ROOT / "bench" / "results.md").write_text(table)
    print(table)
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
