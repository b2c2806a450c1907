"""The install: a lock that matches pyproject.toml, an audit that cannot pass by
accident, developer tools only in development (issue 21)."""

import importlib.util
import os
import re
import subprocess
import sys
import tomllib

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .servers import BASE_DIR

LOCK_DIR = BASE_DIR / "requirements"
PROJECT = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["project"]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+?)\s*(?:;([^\\]*))?\\?$", re.M)


def load_audit():
    spec = importlib.util.spec_from_file_location(
        "audit", BASE_DIR / "scripts/audit.py"
    )
    audit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(audit)
    return audit


def pins(name: str) -> dict[str, set[str]]:
    """Every version a lock file holds for each package (all platforms)."""
    found: dict[str, set[str]] = {}
    for package, version, _marker in PIN.findall((LOCK_DIR / name).read_text()):
        found.setdefault(canonicalize_name(package), set()).add(version)
    return found


def declared() -> list[Requirement]:
    groups = [PROJECT["dependencies"], *PROJECT["optional-dependencies"].values()]
    return [
        Requirement(line)
        for group in groups
        for line in group
        if canonicalize_name(Requirement(line).name) != PROJECT["name"]
    ]


def test_the_deployment_lock_has_the_same_versions_as_the_development_lock():
    runtime, dev = pins("runtime.txt"), pins("dev.txt")

    assert runtime
    assert {name: dev.get(name) for name in runtime} == runtime


@pytest.mark.parametrize("lock", ["runtime.txt", "dev.txt", "uv.txt"])
def test_every_locked_version_has_its_hashes(lock):
    text = (LOCK_DIR / lock).read_text()
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])

    assert entries
    assert [
        entry.split()[0] for entry in entries if "--hash=sha256:" not in entry
    ] == []


def test_every_declared_dependency_is_locked_within_its_range():
    """Fails when pyproject.toml changed without `make lock`."""
    dev = pins("dev.txt")
    outside = {
        str(requirement): dev.get(canonicalize_name(requirement.name))
        for requirement in declared()
        if not any(
            requirement.specifier.contains(version, prereleases=True)
            for version in dev.get(canonicalize_name(requirement.name), ())
        )
    }

    assert outside == {}


def test_runtime_dependencies_have_upper_bounds_and_the_demo_is_an_extra():
    runtime = [Requirement(line) for line in PROJECT["dependencies"]]
    unbounded = [
        str(r)
        for r in runtime
        if not any(s.operator in ("<", "<=", "==") for s in r.specifier)
    ]

    assert unbounded == []
    assert "av" not in pins("runtime.txt")
    assert "av" in pins("dev.txt")


def report(*entries: dict) -> dict:
    return {"dependencies": list(entries), "fixes": []}


def test_the_audit_fails_when_the_advisory_service_skipped_packages():
    audit = load_audit()
    skipped = "Dependency not found on PyPI and could not be audited: django (5.2.19)"

    status, lines = audit.verdict(
        {"django": "5.2.19", "nh3": "0.3.8"},
        report(
            {"name": "Django", "skip_reason": skipped},
            {"name": "nh3", "skip_reason": skipped},
        ),
    )

    assert status == 1
    assert "not audited: 2 packages" in lines[-1]
    assert not any("no known vulnerabilities" in line for line in lines)


def test_the_audit_counts_locked_packages_missing_from_the_report():
    audit = load_audit()

    status, lines = audit.verdict(
        {"django": "5.2.19", "nh3": "0.3.8"},
        report({"name": "django", "version": "5.2.19", "vulns": []}),
    )

    assert status == 1
    assert "not audited: 1 packages" in lines[-1]


def test_the_audit_reports_vulnerabilities_and_passes_only_when_all_were_checked():
    audit = load_audit()
    locked = {"django": "5.2.19", "nh3": "0.3.8"}
    vuln = {"id": "GHSA-xxxx", "fix_versions": ["5.2.20"], "description": ""}

    bad, bad_lines = audit.verdict(
        locked,
        report(
            {"name": "django", "version": "5.2.19", "vulns": [vuln]},
            {"name": "nh3", "version": "0.3.8", "vulns": []},
        ),
    )
    good, good_lines = audit.verdict(
        locked,
        report(
            {"name": "django", "version": "5.2.19", "vulns": []},
            {"name": "nh3", "version": "0.3.8", "vulns": []},
        ),
    )

    assert bad == 1
    assert "VULNERABLE django 5.2.19: GHSA-xxxx (fixed in: 5.2.20)" in bad_lines
    assert good == 0
    assert good_lines == ["Audited all 2 locked packages: no known vulnerabilities."]


def test_the_audit_reads_only_the_pins_for_this_interpreter(tmp_path):
    lock = tmp_path / "lock.txt"
    lock.write_text(
        "django==5.2.19 \\\n    --hash=sha256:aa\n"
        "pywin32==312 ; sys_platform == 'win32' \\\n    --hash=sha256:bb\n"
        "soupsieve==2.10 ; python_full_version < '3.0' \\\n    --hash=sha256:cc\n"
        "soupsieve==4.1.4 ; python_full_version >= '3.0' \\\n    --hash=sha256:dd\n"
    )

    assert load_audit().locked_here(lock) == {"django": "5.2.19", "soupsieve": "4.1.4"}


def installed_apps(settings_module: str, **env: str) -> list[str]:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module, **env}
    environment.setdefault("DJANGO_SECRET_KEY", "x" * 50)
    environment.setdefault("DJANGO_ALLOWED_HOSTS", "learning.example.org")
    script = (
        "import django; django.setup(); from django.conf import settings;"
        "from django.urls import reverse;"
        "print(*settings.INSTALLED_APPS);"
        "print(reverse('djdt:render_panel') if 'debug_toolbar' in "
        "settings.INSTALLED_APPS else '')"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_debug_toolbar_is_on_in_development_only():
    dev = installed_apps("cms.settings.dev")
    switched_off = installed_apps("cms.settings.dev", DJANGO_DEBUG_TOOLBAR="false")
    test = installed_apps("cms.settings.test")
    production = installed_apps("cms.settings.production")

    assert "debug_toolbar" in dev
    assert "/__debug__/render_panel/" in dev
    assert "debug_toolbar" not in switched_off
    assert "debug_toolbar" not in test
    assert "debug_toolbar" not in production


def test_pre_commit_runs_ruff_djhtml_and_the_import_contracts():
    config = yaml.safe_load((BASE_DIR / ".pre-commit-config.yaml").read_text())
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    tools = {entry.split()[0].rsplit("/", 1)[-1] for entry in entries}

    assert {"ruff", "djhtml", "lint-imports"} <= tools
    for entry in entries:
        assert (BASE_DIR / entry.split()[0]).parent == BASE_DIR / ".venv" / "bin"
