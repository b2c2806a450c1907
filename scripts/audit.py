"""`make audit`: known vulnerabilities in every locked version, or a loud failure.

pip-audit reports "No known vulnerabilities found" even when it could not reach the
advisory service and skipped every package. This wrapper reads its JSON instead and
fails unless each package the lock installs here was actually checked:

    python scripts/audit.py requirements/dev.txt [extra pip-audit options]

Exit 0: every package audited, none vulnerable. Exit 1: vulnerabilities, or
"not audited: N packages". Exit 2: pip-audit itself failed.
"""

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

# "name==version ; marker \" at the start of a line of a uv/pip-tools lock.
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;([^\\]*))?", re.M)


def locked_here(lock: Path) -> dict[str, str]:
    """The packages (name -> version) the lock installs on this interpreter."""
    pins = {}
    for name, version, marker in PIN.findall(lock.read_text()):
        if not marker.strip() or Marker(marker.strip()).evaluate():
            pins[canonicalize_name(name)] = version
    return pins


def run_pip_audit(lock: Path, extra: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [
            sys.executable,
            "-m",
            "pip_audit",
            "--disable-pip",
            "--require-hashes",
            "--requirement",
            str(lock),
            "--format",
            "json",
            "--output",
            str(report),
            "--progress-spinner",
            "off",
            *extra,
        ]
        # Its own summary says "No known vulnerabilities found" even after skipping
        # everything: keep it out of sight unless pip-audit itself breaks.
        result = subprocess.run(  # noqa: S603 - our own tool and lock
            command, check=False, capture_output=True, text=True
        )
        # pip-audit exits 1 when it finds vulnerabilities: the report says which.
        if not report.exists():
            print(result.stdout + result.stderr)
            print(f"pip-audit failed (exit {result.returncode}), no report written.")
            sys.exit(2)
        return json.loads(report.read_text())


def verdict(expected: dict[str, str], report: dict) -> tuple[int, list[str]]:
    """The exit status and the lines to print for pip-audit's JSON report."""
    entries = {canonicalize_name(e["name"]): e for e in report["dependencies"]}
    skipped = {n: e["skip_reason"] for n, e in entries.items() if e.get("skip_reason")}
    unseen = sorted(set(expected) - set(entries))
    vulnerable = {n: e["vulns"] for n, e in entries.items() if e.get("vulns")}
    audited = len(entries) - len(skipped)
    lines = []
    for name, vulns in sorted(vulnerable.items()):
        for vuln in vulns:
            fixes = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
            version = entries[name]["version"]
            line = f"VULNERABLE {name} {version}: {vuln['id']} (fixed in: {fixes})"
            lines.append(line)
    not_audited = len(skipped) + len(unseen)
    if not_audited:
        lines += [f"  skipped {n}: {r}" for n, r in sorted(skipped.items())[:5]]
        lines += [f"  not in pip-audit's report: {n} {expected[n]}" for n in unseen[:5]]
        lines.append(
            f"FAILED: not audited: {not_audited} packages "
            f"(of {len(expected)} locked; {audited} audited). "
            "Can this machine reach the advisory service (pypi.org; or pass "
            "--vulnerability-service osv)?"
        )
        return 1, lines
    if vulnerable:
        count = len(vulnerable)
        lines.append(f"FAILED: {count} vulnerable packages of {audited} audited.")
        return 1, lines
    lines.append(f"Audited all {audited} locked packages: no known vulnerabilities.")
    return 0, lines


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    lock, extra = Path(argv[0]), argv[1:]
    status, lines = verdict(locked_here(lock), run_pip_audit(lock, extra))
    print("\n".join(lines))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
