"""Running wrk and reading its report (tested in tests/bench/test_bench.py,
against a real wrk where it is installed)."""

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "wrk.lua"

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class WrkResult:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    # Answers that said `X-Cache: hit` / `miss` (counted by wrk.lua).
    cache_hits: int = 0
    cache_misses: int = 0
    # Of `errors`: requests wrk gave up on after its timeout (the server may
    # still have answered them), and answers outside 2xx/3xx.
    timeouts: int = 0
    failed_answers: int = 0


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def wrk_parse(output: str) -> WrkResult:
    """Read `wrk --latency` output: requests/second, p50, p99, and failures
    (socket errors and non-2xx/3xx answers)."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = timeouts = failed = 0
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket:
        errors += sum(int(n) for n in socket.groups())
        timeouts = int(socket.group(4))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        failed = int(non_2xx.group(1))
        errors += failed
    cache = re.search(r"^X-Cache: hit (\d+), miss (\d+)$", output, re.M)
    hits, misses = (int(n) for n in cache.groups()) if cache else (0, 0)
    return WrkResult(
        rps=rps,
        p50_ms=p50,
        p99_ms=p99,
        requests=requests,
        errors=errors,
        cache_hits=hits,
        cache_misses=misses,
        timeouts=timeouts,
        failed_answers=failed,
    )


def wrk_run(
    url: str,
    *,
    seconds: int,
    headers: dict | None = None,
    paths: list[str] | None = None,
    post_body: str = "",
    connections: int = 8,
    threads: int = 2,
    timeout: int = 2,
) -> WrkResult:
    """Drive `url` (or cycle through `paths` on its host) for `seconds`; with
    `post_body`, POST it instead, each "{n}" in it unique to the request.
    `timeout`: seconds wrk waits for an answer before counting an error."""
    command = [
        "wrk",
        "--latency",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        f"--timeout={timeout}s",
        "-s",
        str(SCRIPT),
    ]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    command.append(url)
    with (
        tempfile.NamedTemporaryFile("w", suffix=".txt") as listed,
        tempfile.NamedTemporaryFile("w", suffix=".json") as body,
    ):
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in {"BENCH_PATHS", "BENCH_POST"}
        }
        if paths:
            listed.write("\n".join(paths) + "\n")
            listed.flush()
            env["BENCH_PATHS"] = listed.name
        if post_body:
            body.write(post_body)
            body.flush()
            env["BENCH_POST"] = body.name
        output = subprocess.run(
            command,
            capture_output=True,
            text=True,
            check=True,
            timeout=seconds + 60,
            env=env,
        ).stdout
    return wrk_parse(output)


def ratio(numerator: float, denominator: float) -> float | None:
    if not denominator:
        return None
    return round(numerator / denominator, 3)
