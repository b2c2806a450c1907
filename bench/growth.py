"""The growth check of issue 14 (`python -m bench.growth`, `make bench-growth`,
and the full `make bench`): the content API's miss latency with 20,000 standard
pages per language against 2,000 (target: p50 ratio <= 1.2 for every side).

1. The full bench database (bench_dataset, 2,000 pages per language) is copied
   to bench/.data/growth-2000.sqlite3, and every stored representation is made
   there (`rebuild_representations`), as publishing makes them on a live site.
2. That copy is copied again and grown to 20,000 pages per language
   (growth-20000.sqlite3; `bench_grow`: bulk inserts of published pages and
   their revisions, then their stored representations). Both copies are kept
   and reused; remove them to build them again.
3. Two miss servers (API_RESPONSE_CACHE=off, as bench/run.py's MISS_MODE), one
   on each database, each with a cache of its own, are driven with wrk in
   alternating rounds (the machine's load falls on both sizes alike): the
   Spanish and English lists (`?limit=20`) and 50 details spread over the whole
   tree. Reported: p50/p99, req/s, queries per request, and the live standard
   pages per language as the database and the API count them (equal, or the
   check fails).
"""

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from bench.checks import GROWTH_NOT_MEASURED, not_measured

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
SIZES = (2000, 20000)
SIDES = ("list_es", "list_en", "detail")
BOUND = 1.2
# More, shorter rounds than the scenarios' (10 s x 3): the median of five
# resists another process's burst of load, which two or three did not here.
SECONDS, ROUNDS = 6, 5


def database(size: int) -> Path:
    return DATA / f"growth-{size}.sqlite3"


def _manage(env: dict, *args: str, capture: bool = False) -> str:
    command = [sys.executable, "manage.py", *args]
    done = subprocess.run(
        command, cwd=ROOT, env=env, check=True, capture_output=capture, text=True
    )
    return done.stdout or ""


def _on(env: dict, path: Path) -> dict:
    return {**env, "DATABASE_URL": f"sqlite:///{path}"}


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database (a reader may have it open)."""
    target.unlink(missing_ok=True)
    with closing(sqlite3.connect(source)) as src:
        with closing(sqlite3.connect(target)) as dst:
            src.backup(dst)


def _finish(partial: Path, final: Path) -> None:
    """Give a complete database its final name (its write-ahead log folded in
    first: the log's file is named after the database's)."""
    with closing(sqlite3.connect(partial)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(final)


def databases_ready(env: dict) -> dict[int, dict]:
    """The environments of the two databases, built when missing (each is
    written under a temporary name and renamed once complete)."""
    small, large = (database(size) for size in SIZES)
    if not small.exists():
        _manage(env, "bench_dataset")  # the full dataset, reused when built
        partial = small.with_suffix(".partial")
        _copy(Path(env["DATABASE_URL"].removeprefix("sqlite:///")), partial)
        _manage(_on(env, partial), "rebuild_representations")
        _finish(partial, small)
    if not large.exists():
        partial = large.with_suffix(".partial")
        _copy(small, partial)
        _manage(_on(env, partial), "bench_grow", f"--pages-per-language={SIZES[1]}")
        _finish(partial, large)
    for path in (small, large):  # code may have new migrations since
        _manage(_on(env, path), "migrate", "--verbosity=0")
    return {size: _on(env, database(size)) for size in SIZES}


def probe(env: dict) -> dict:
    """URLs, queries and page counts of one database (bench_growth_probe)."""
    output = _manage(env, "bench_growth_probe", capture=True)
    return json.loads(output.strip().splitlines()[-1])


def _caches(env: dict) -> tuple[object, list[str]]:
    """A cache of its own for each server: two databases of a redis-server of
    ours, else two file caches. Returns (process or None, cache URLs)."""
    from bench.run import free_port

    if shutil.which("redis-server"):
        port = free_port()
        process = subprocess.Popen(
            ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(0.5)
        return process, [f"redis://127.0.0.1:{port}/{n}" for n in (1, 2)]
    urls = []
    for size in SIZES:
        folder = DATA / f"cache-growth-{size}"
        shutil.rmtree(folder, ignore_errors=True)
        urls.append(f"filecache://{folder}")
    return None, urls


def measure_rounds(bases: dict, probes: dict, *, seconds: int, rounds: int) -> dict:
    """Warm both servers, then drive every side at both sizes, round after
    round; the raw wrk results per size and side."""
    from bench.run import measure, warm

    for size, base in bases.items():
        for side in SIDES:
            measure(base, probes[size]["urls"][side], seconds=1)
        warm(base, probes[size]["urls"], headers_for=lambda _name: {})
    raw: dict = {size: {side: [] for side in SIDES} for size in SIZES}
    for _round in range(rounds):
        for side in SIDES:
            for size in SIZES:
                url = probes[size]["urls"][side]
                raw[size][side].append(measure(bases[size], url, seconds=seconds))
    return raw


def result(raw: dict, probes: dict) -> dict:
    """The check's row: per size and side the summary with its queries, the
    p50 ratio (20,000 over 2,000) of each side, and whether all are within
    BOUND with the API's counts equal to the database's."""
    from bench.run import summarise
    from bench.wrk import ratio

    sizes = {
        str(size): {
            "sides": {
                side: {**summarise(rows), "queries": probes[size]["queries"][side]}
                for side, rows in raw[size].items()
            },
            "counts": probes[size]["counts"],
        }
        for size in SIZES
    }
    small, large = (sizes[str(size)]["sides"] for size in SIZES)
    ratios = {
        side: ratio(large[side]["p50_ms"], small[side]["p50_ms"]) for side in SIDES
    }
    counted = all(
        count["api"] == count["database"] == size
        for size in SIZES
        for count in probes[size]["counts"].values()
    )
    errors = sum(row["errors"] for s in sizes.values() for row in s["sides"].values())
    worst = max((r for r in ratios.values() if r is not None), default=None)
    return {
        "pages_per_language": list(SIZES),
        "sizes": sizes,
        "ratios": ratios,
        "ratio": worst,
        "target": f"<= {BOUND}",
        "counts_equal": counted,
        "errors": errors,
        "met": worst is not None and worst <= BOUND and counted and errors == 0,
    }


def growth_check(env: dict, *, seconds: int, rounds: int, quick: bool) -> dict:
    """The growth check on env's bench settings (bench.run.environment)."""
    from bench.run import MISS_MODE, free_port, serve, stop, wait_for

    if quick:
        return GROWTH_NOT_MEASURED
    if not env["DATABASE_URL"].startswith("sqlite:///"):
        return not_measured(
            "growth copies the SQLite bench database; run it without DATABASE_URL"
        )
    # Commands and the probe with a local cache of their own: bench/run.py's
    # shared cache is stopped by now, and each server gets its own below.
    env = {k: v for k, v in env.items() if k not in ("CACHE_URL", "REDIS_URL")}
    envs = databases_ready(env)
    probes = {size: probe(envs[size]) for size in SIZES}
    cache, cache_urls = _caches(env)
    ports = {size: free_port() for size in SIZES}
    servers = [
        serve({**envs[size], **MISS_MODE, "CACHE_URL": url}, port=ports[size])
        for size, url in zip(SIZES, cache_urls, strict=True)
    ]
    try:
        bases = {size: f"http://127.0.0.1:{port}" for size, port in ports.items()}
        for base in bases.values():
            wait_for(base + "/healthz")
        raw = measure_rounds(bases, probes, seconds=seconds, rounds=rounds)
    finally:
        stop(servers)  # then their cache: a last answer may still be read from it
        stop([cache])
    return result(raw, probes)


def main(argv: list[str] | None = None) -> int:
    """Run the check alone; print its row, and merge it into
    bench/results.json and results.md when they exist (the lead decides
    what to commit)."""
    from bench.checks import markdown_lines
    from bench.run import environment

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=SECONDS)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument(
        "--no-results",
        action="store_true",
        help="Print the row only; leave bench/results.* alone.",
    )
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        print("wrk is not installed (Debian: apt-get install wrk).", file=sys.stderr)
        return 2
    env = environment(quick=False)
    row = growth_check(env, seconds=args.seconds, rounds=args.rounds, quick=False)
    if not args.no_results:
        results_merge(row)
    print(json.dumps(row, indent=2))
    print("\n".join(markdown_lines({"growth_20000_vs_2000_pages": row})))
    return 0 if row.get("errors", 0) == 0 else 1


def results_merge(row: dict) -> None:
    """Write the row into an existing full run's bench/results.json (and
    results.md again from it)."""
    from bench.run import markdown

    path = ROOT / "bench" / "results.json"
    if not path.exists():
        return
    results = json.loads(path.read_text())
    if results.get("quick"):
        return  # a quick run's results say "full mode only"
    results.setdefault("checks", {})["growth_20000_vs_2000_pages"] = row
    path.write_text(json.dumps(results, indent=2) + "\n")
    (ROOT / "bench" / "results.md").write_text(markdown(results))


if __name__ == "__main__":
    sys.exit(main())
