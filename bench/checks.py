"""The benchmark's checks besides the req/s ratios (issue 14), run by bench/run.py:

- the enrolment POST at concurrency 8, on SQLite (the bench database) and on
  PostgreSQL (a throwaway cluster started as .ci/run's start_postgres does, when
  the server binaries are installed; else "not measured"): errors (must be 0),
  req/s, p50/p99 and the queries of one enrolment;
- memory: the resident size (RSS) per gunicorn worker after the run, against a
  worker of a third server that served only /api/v2/ (target <= 1.25x);
- growth: miss latency with 20,000 pages per language against 2,000 (full mode
  only: bench/growth.py; the quick mode says so).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEMORY_BOUND = 1.25
# Seconds: the SQLite busy timeout of cms/settings/base.py ("timeout": 30),
# the longest the server lets a request wait for the write lock.
ENROLMENT_TIMEOUT = 30


@dataclass
class Postgres:
    bin: Path
    root: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgres://mlp@127.0.0.1:{self.port}/mlp"


def _as_postgres(command: list) -> list:
    # initdb and postgres refuse to run as root.
    if os.getuid() == 0:
        return ["runuser", "-u", "postgres", "--", *map(str, command)]
    return list(map(str, command))


def postgres_start(port: int) -> Postgres | None:
    """A throwaway cluster on 127.0.0.1:port (durability traded for speed), or
    None when no PostgreSQL server binaries are installed."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: (
            int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0
        ),
    )
    if not found:
        return None
    server = Postgres(
        bin=found[-1].parent,
        root=Path(tempfile.mkdtemp(prefix="mlp-bench-postgres.")),
        port=port,
    )
    if os.getuid() == 0:
        shutil.chown(server.root, "postgres")
    data, quiet = server.root / "data", {"stdout": subprocess.DEVNULL}
    initdb = [server.bin / "initdb", f"--pgdata={data}", "--username=mlp"]
    initdb += ["--auth=trust", "--encoding=UTF8", "--no-locale"]
    subprocess.run(_as_postgres(initdb), check=True, **quiet)
    options = (
        f"-c listen_addresses=127.0.0.1 -p {port} -k {server.root} -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off"
    )
    start = [server.bin / "pg_ctl", f"--pgdata={data}"]
    start += [f"--log={server.root / 'server.log'}", "--wait", "--timeout=60"]
    subprocess.run(_as_postgres([*start, "start", "-o", options]), check=True, **quiet)
    createdb = [server.bin / "createdb", "--host=127.0.0.1", f"--port={port}"]
    subprocess.run(_as_postgres([*createdb, "--username=mlp", "mlp"]), check=True)
    return server


def postgres_stop(server: Postgres | None) -> None:
    if server is None:
        return
    stop = [server.bin / "pg_ctl", f"--pgdata={server.root / 'data'}"]
    subprocess.run(
        _as_postgres([*stop, "--mode=fast", "--wait", "stop"]),
        check=False,
        capture_output=True,
    )
    shutil.rmtree(server.root, ignore_errors=True)


def enrolment_prepare(env: dict, *, dataset: bool) -> dict:
    """The enrolment scenario on env's database (JSON of `bench_enrolment`);
    with `dataset`, build the few pages and the edition it needs first."""
    manage = [sys.executable, "manage.py"]
    if dataset:
        command = [*manage, "bench_dataset", "--enrolment-only"]
        subprocess.run(command, cwd=ROOT, env=env, check=True)
    output = subprocess.run(
        [*manage, "bench_enrolment"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def enrolment_measure(base: str, scenario: dict, *, seconds: int) -> dict:
    """POST a new organisation's enrolment at concurrency 8 for `seconds`.
    wrk waits as long as the server lets a request wait for SQLite's write lock
    (ENROLMENT_TIMEOUT): an answer slower than wrk's default 2 s is a slow
    answer, reported in p99, not a failed enrolment; a request the server
    gives up on answers 5xx and counts as an error."""
    from bench.run import summarise
    from bench.wrk import wrk_run

    result = wrk_run(
        base + scenario["url"],
        seconds=seconds,
        headers={"Authorization": f"Bearer {scenario['token']}"},
        post_body=scenario["body"],
        connections=8,
        timeout=ENROLMENT_TIMEOUT,
    )
    return {**summarise([result]), "queries": scenario["queries"]}


def not_measured(why: str) -> dict:
    return {"measured": False, "why": why}


def worker_rss_mb(master_pid: int) -> list[float]:
    """The resident size (MB) of each worker of the gunicorn master `master_pid`."""
    sizes = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            status = (entry / "status").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent != master_pid:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(round(int(line.split()[1]) / 1024, 1))
    return sorted(sizes)


def memory_result(ours: dict[str, list[float]], v2_only: list[float]) -> dict:
    """Mean RSS per worker of each of our servers against the v2-only server's;
    the ratio is taken for the larger of ours."""
    means = {name: _mean(sizes) for name, sizes in ours.items()}
    reference = _mean(v2_only)
    worst = max(means.values(), default=0.0)
    ratio = round(worst / reference, 3) if reference else None
    return {
        "workers_mb": {**ours, "v2_only": v2_only},
        "mean_mb": {**means, "v2_only": reference},
        "ratio": ratio,
        "target": f"<= {MEMORY_BOUND}",
        "met": ratio is not None and ratio <= MEMORY_BOUND,
    }


def _mean(sizes: list[float]) -> float:
    return round(sum(sizes) / len(sizes), 1) if sizes else 0.0


def markdown_lines(checks: dict) -> list[str]:
    """The checks as a table for bench/results.md."""
    lines = ["", "| check | result | met |", "|---|---|---|"]
    for name, row in checks.items():
        if row.get("measured") is False:
            lines.append(f"| {name} | not measured: {row['why']} | n/a |")
        elif "ratios" in row:
            met = "yes" if row["met"] else "MISSED"
            lines.append(f"| {name} | {growth_text(row)} | {met} |")
        elif "mean_mb" in row:
            means = ", ".join(f"{k} {v} MB" for k, v in row["mean_mb"].items())
            met = "yes" if row["met"] else "MISSED"
            lines.append(f"| {name} | {means}; ratio {row['ratio']} | {met} |")
        else:
            text = (
                f"{row['rps']} req/s, p50 {row['p50_ms']} ms, p99 {row['p99_ms']} "
                f"ms, {row['errors']} errors ({row.get('timeouts', 0)} timeouts, "
                f"{row.get('failed_answers', 0)} failed answers), "
                f"{row['queries']} queries/request"
            )
            lines.append(f"| {name} | {text} | {'yes' if row['met'] else 'MISSED'} |")
    return lines


def checks_during_run(env: dict, bases: dict, servers: dict, *, seconds: int) -> dict:
    """The checks made while the run's servers still serve: the enrolment POST
    on the bench database (SQLite unless DATABASE_URL says otherwise), then
    the RSS of every worker (after all the scenarios and the enrolments)."""
    engine = env["DATABASE_URL"].split(":", 1)[0]
    name = "sqlite" if engine == "sqlite" else engine
    scenario = enrolment_prepare(env, dataset=False)
    row = enrolment_measure(bases["hit"], scenario, seconds=seconds)
    return {
        f"enrolment_post_{name}": {**row, "met": row["errors"] == 0},
        "rss": {mode: worker_rss_mb(server.pid) for mode, server in servers.items()},
    }


def v2_only_rss(env: dict, urls: dict, *, seconds: int) -> list[float]:
    """The RSS of the workers of a server that served only /api/v2/: its list
    and details, as long as each side of a scenario is driven."""
    from bench.run import free_port, measure, serve, stop, wait_for

    port = free_port()
    server = serve(env, port=port)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/healthz")
        for name in ("v2_list_es", "v2_detail"):
            measure(base, urls[name], seconds=seconds)
        return worker_rss_mb(server.pid)
    finally:
        stop([server])


def postgres_enrolment(env: dict, *, seconds: int, quick: bool) -> dict:
    """The enrolment POST at c=8 on a throwaway PostgreSQL cluster."""
    from bench.run import free_port, serve, stop, wait_for

    if quick:
        return not_measured(
            "quick mode: migrating a new PostgreSQL database takes minutes here; "
            "`make bench` (full) measures it"
        )
    server = postgres_start(free_port())
    if server is None:
        return not_measured("no PostgreSQL server binaries in /usr/lib/postgresql")
    try:
        pg_env = {**env, "DATABASE_URL": server.url}
        scenario = enrolment_prepare(pg_env, dataset=True)
        port = free_port()
        gunicorn = serve(pg_env, port=port)
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz")
            base = f"http://127.0.0.1:{port}"
            row = enrolment_measure(base, scenario, seconds=seconds)
        finally:
            stop([gunicorn])
    finally:
        postgres_stop(server)
    return {**row, "met": row["errors"] == 0}


def growth_text(row: dict) -> str:
    """The growth check (bench/growth.py) in one cell: each side's p50 at both
    sizes, its ratio, queries per request, and the pages counted."""
    small, large = (row["sizes"][str(size)] for size in row["pages_per_language"])
    parts = [
        f"{side} p50 {small['sides'][side]['p50_ms']} -> "
        f"{large['sides'][side]['p50_ms']} ms (p99 {small['sides'][side]['p99_ms']} "
        f"-> {large['sides'][side]['p99_ms']}), ratio {value}, queries "
        f"{small['sides'][side]['queries']} -> {large['sides'][side]['queries']}"
        for side, value in row["ratios"].items()
    ]
    counted = "equal" if row["counts_equal"] else "NOT EQUAL"
    return (
        "; ".join(parts) + f"; API count vs database: {counted}; {row['errors']} errors"
    )


# Quick mode (the full run and `make bench-growth` measure it: bench/growth.py).
GROWTH_NOT_MEASURED = not_measured(
    "growth: full mode only (growing a database to 20,000 pages per language "
    "takes minutes); `make bench` or `make bench-growth` measures it"
)
