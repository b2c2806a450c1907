"""`make lint` runs bandit with the project's settings: a high-severity finding
fails it; the rules skipped for Django stay quiet; tests and the virtualenv are
left out, and only they (the exclusions are anchored, not substrings)."""

import subprocess
import sys
from pathlib import Path

import pytest

from .servers import BASE_DIR

BANDIT = Path(sys.executable).with_name("bandit")
SHELL_INJECTION = (
    "import subprocess\n\n\n"
    "def run(command):\n    subprocess.call(command, shell=True)\n"
)
REVIEWED = (
    "from django.utils.safestring import mark_safe\n\n\n"
    "def cleaned(html):\n    return mark_safe(html)\n\n\n"
    "def check(value):\n    assert value\n"
)


def bandit(tree: Path) -> subprocess.CompletedProcess:
    """Run bandit as `make lint` does, on `tree` as the checkout."""
    command = [BANDIT, "-c", BASE_DIR / "pyproject.toml", "-r", "."]
    command += ["--severity-level", "high", "--quiet"]
    # The project's own tool on a tree the test wrote.
    return subprocess.run(command, cwd=tree, capture_output=True, text=True)  # noqa: S603


def write(tree: Path, path: str, text: str) -> None:
    (tree / path).parent.mkdir(parents=True, exist_ok=True)
    (tree / path).write_text(text)


@pytest.fixture(autouse=True)
def needs_bandit():
    if not BANDIT.exists():
        pytest.fail("bandit is a dev dependency: pip install -e '.[dev]'")


def test_a_high_severity_finding_fails_lint(tmp_path):
    write(tmp_path, "learning/builder.py", SHELL_INJECTION)

    result = bandit(tmp_path)

    assert result.returncode == 1
    assert "B602" in result.stdout


def test_mark_safe_and_assert_are_left_to_ruffs_reviewed_noqa(tmp_path):
    write(tmp_path, "learning/rendering.py", REVIEWED)

    assert bandit(tmp_path).returncode == 0


@pytest.mark.parametrize("folder", ["tests", ".venv/lib"])
def test_tests_and_the_virtualenv_are_not_scanned(tmp_path, folder):
    write(tmp_path, f"{folder}/test_shell.py", SHELL_INJECTION)

    assert bandit(tmp_path).returncode == 0


def test_lint_runs_bandit_with_the_projects_settings():
    lint = (BASE_DIR / "Makefile").read_text().split("\nlint:", 1)[1].split("\n\n")[0]

    assert "bandit -c pyproject.toml -r . --severity-level high" in lint
