"""What machine a benchmark run measured, written with its results: figures
from one run mean little without the cores they shared, the load the machine
carried before and after, and the commit they measured."""

import os
import platform
import sqlite3
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _first(path: str, prefix: str) -> str:
    """The value of the first `prefix: value` line of a /proc file ('' when
    the file or line is missing: not every system has /proc)."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def _output(command: list[str]) -> str:
    try:
        done = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else ""


def _memory_gib() -> float | None:
    kib = _first("/proc/meminfo", "MemTotal").split(" ")[0]
    return round(int(kib) / 1024 / 1024, 1) if kib.isdigit() else None


def _system() -> str:
    pretty = ""
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                pretty = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return f"{pretty or platform.system()} (kernel {platform.release()})"


def load_average() -> list[float]:
    """1, 5 and 15-minute load averages, rounded."""
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return []


def describe(*, workers: str) -> dict:
    """The machine, software and commit of this run; `load_before` is read now,
    and the caller adds `load_after` when the run ends."""
    commit = _output(["git", "rev-parse", "--short", "HEAD"])
    # The results files a previous run wrote are not changes to what is measured.
    status = ["git", "status", "--porcelain", "--untracked-files=no", "--", "."]
    status += [":!bench/results.json", ":!bench/results.md"]
    dirty = bool(_output(status))
    return {
        "cpu": _first("/proc/cpuinfo", "model name") or platform.processor(),
        "logical_cpus": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "system": _system(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "wrk": _output(["wrk", "--version"]).split(" Copyright")[0],
        "gunicorn_workers_per_server": int(workers),
        "commit": commit + (" with uncommitted changes" if dirty else ""),
        "load_before": load_average(),
    }


def markdown_lines(machine: dict) -> list[str]:
    """The machine as lines for bench/results.md."""
    if not machine:
        return []
    return [
        f"Machine: {machine['cpu']}, {machine['logical_cpus']} logical CPUs, "
        f"{machine['memory_gib']} GiB; {machine['system']}; Python "
        f"{machine['python']}, SQLite {machine['sqlite']}, {machine['wrk']}; "
        f"{machine['gunicorn_workers_per_server']} gunicorn workers per server. "
        f"Commit {machine['commit']}. Load average (1, 5, 15 min) before the "
        f"run {machine['load_before']}, after {machine.get('load_after', '?')}: "
        "the benchmark and its references share these CPUs with wrk.",
        "",
    ]
