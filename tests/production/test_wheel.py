"""The wheel runs outside the checkout (README, Deploying): built from the files git
knows, installed with the runtime lock into a fresh virtualenv, used from an empty
folder with production settings, served by gunicorn.

It takes a few minutes (a download of the locked packages, migrations), so it is not
part of `make test`: `.ci/run` runs it with `make test-wheel` (MLP_WHEEL_TEST=1).
"""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import requests
from packaging.utils import canonicalize_name

from .servers import BASE_DIR, free_port, production_env, stop_process, wait_for_port

pytestmark = [
    pytest.mark.wheel,
    pytest.mark.skipif(
        os.environ.get("MLP_WHEEL_TEST") != "1",
        reason="builds and installs the wheel (minutes): `make test-wheel` runs it",
    ),
]

RUNTIME_LOCK = BASE_DIR / "requirements" / "runtime.txt"
HTTPS = {"X-Forwarded-Proto": "https", "Host": "learning.example.org"}
# What the site reads from its package folders at run time besides Python code.
DATA_FOLDERS = ("templates", "static", "locale")


def run(*args, cwd: Path, env: dict | None = None, timeout: int = 600):
    result = subprocess.run(  # noqa: S603 - our own interpreters and files
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, (args, result.stdout[-3000:], result.stderr[-3000:])
    return result


def git_files() -> list[str]:
    """The files a fresh clone has (tracked, or new and not ignored)."""
    if not shutil.which("git") or not (BASE_DIR / ".git").exists():
        pytest.fail("the wheel test builds from git's list of files: no git checkout")
    listed = run("git", "ls-files", "-co", "--exclude-standard", "-z", cwd=BASE_DIR)
    return [name for name in listed.stdout.split("\0") if (BASE_DIR / name).is_file()]


def site_data_files(files: list[str]) -> set[str]:
    """Templates, static files and compiled translations of the site's packages."""
    return {
        name
        for name in files
        if name.startswith("frontend_templates/")
        or (
            name.split("/")[0] in ("cms", "learning", "api")
            and any(f"/{folder}/" in name for folder in DATA_FOLDERS)
            and not name.endswith((".py", ".po"))
        )
    }


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """The wheel, built from a copy of the clone's files (no stale build/ folder)."""
    root = tmp_path_factory.mktemp("wheel")
    source, dist = root / "source", root / "dist"
    files = git_files()
    for name in files:
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(BASE_DIR / name, target)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", dist, source, cwd=root)
    (wheel,) = dist.glob("*.whl")
    return wheel, files


@pytest.fixture(scope="module")
def venv(build, tmp_path_factory):
    """A fresh virtualenv with the locked runtime versions and the wheel, no more."""
    wheel, _ = build
    folder = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", folder, cwd=folder)
    pip = [folder / "bin" / "python", "-m", "pip", "install", "--quiet", "--no-deps"]
    run(*pip, "--require-hashes", "-r", RUNTIME_LOCK, cwd=folder, timeout=900)
    run(*pip, wheel, cwd=folder)
    return folder / "bin"


@pytest.fixture(scope="module")
def site(venv, tmp_path_factory):
    """An empty folder and the production environment of the README, on SQLite."""
    folder = tmp_path_factory.mktemp("site")
    env = production_env(
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        DJANGO_PRIVATE_MEDIA_ROOT=str(folder / "private-media"),
        PATH=f"{venv}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    # Nothing of the checkout or of the test run's virtualenv may be importable.
    for name in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"):
        env.pop(name, None)
    return folder, env


def django_admin(venv: Path, site, *args: str, timeout: int = 600):
    folder, env = site
    return run(venv / "django-admin", *args, cwd=folder, env=env, timeout=timeout)


def test_the_wheel_carries_every_template_static_file_and_translation(build):
    wheel, files = build
    wanted = site_data_files(files)

    names = set(zipfile.ZipFile(wheel).namelist())

    assert wanted, "no templates, static files or translations found in the checkout"
    assert sorted(wanted - names) == []
    assert "cms/gunicorn_conf.py" in names
    assert not [name for name in names if name.startswith("tests/")]


def locked_here(lock: Path) -> dict[str, str]:
    """The lock's pins for this interpreter, read as `make audit` reads them."""
    spec = importlib.util.spec_from_file_location(
        "audit", BASE_DIR / "scripts/audit.py"
    )
    audit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(audit)
    return audit.locked_here(lock)


def test_the_runtime_install_is_exactly_the_lock_without_demo_or_test_tools(venv):
    listed = run(venv / "python", "-m", "pip", "list", "--format=json", cwd=venv)
    installed = {
        canonicalize_name(package["name"]): package["version"]
        for package in json.loads(listed.stdout)
    }
    locked = locked_here(RUNTIME_LOCK)
    # The virtualenv's own installer, and the project itself.
    unlocked = set(installed) - set(locked) - {"pip", "setuptools"}

    assert {name: installed.get(name) for name in locked} == locked
    assert unlocked == {"mutual-learning-platform"}
    assert not {"av", "pytest", "playwright", "moto", "django-debug-toolbar"} & set(
        installed
    )


def test_check_deploy_is_clean_outside_the_checkout(venv, site):
    where = django_admin(
        venv, site, "shell", "--no-imports", "-c", "import cms; print(cms.__file__)"
    )
    result = django_admin(venv, site, "check", "--deploy", "--fail-level", "WARNING")

    assert str(venv.parent) in where.stdout
    assert str(BASE_DIR) not in where.stdout
    assert "System check identified no issues" in result.stdout


@pytest.fixture(scope="module")
def gunicorn(venv, site):
    """`gunicorn -c python:cms.gunicorn_conf cms.wsgi`, after migrate and
    collectstatic, as the README's deployment runs it."""
    django_admin(venv, site, "migrate", "--no-input", "--verbosity=0", timeout=900)
    django_admin(venv, site, "collectstatic", "--no-input", "--verbosity=0")
    folder, env = site
    port = free_port()
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1"}
    log = folder / "gunicorn.log"
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - the wheel's own gunicorn
            [
                str(venv / "gunicorn"),
                "--config",
                "python:cms.gunicorn_conf",
                "cms.wsgi:application",
            ],
            cwd=folder,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_port(port, process, log, timeout=60)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_process(process)


def get(url: str) -> requests.Response:
    return requests.get(url, headers=HTTPS, timeout=60, allow_redirects=False)


def test_gunicorn_serves_the_site_and_the_api_from_the_wheel(gunicorn):
    home = get(f"{gunicorn}/en/")
    pages = get(f"{gunicorn}/api/v1/pages/")

    assert home.status_code == 200, home.text[:2000]
    assert '<html lang="en"' in home.text
    assert pages.status_code == 200, pages.text[:2000]
    assert pages.json()["count"] >= 1
    assert pages.json()["results"][0]["url"].endswith("/en/")


def test_the_site_templates_static_files_and_spanish_come_from_the_wheel(gunicorn):
    english = get(f"{gunicorn}/en/no-such-page/")
    spanish = get(f"{gunicorn}/es/no-such-page/")
    stylesheet = english.text.split('rel="stylesheet" href="')[1].split('"')[0]

    # The site's own 404 template (frontend_templates/), with its hashed stylesheet.
    assert english.status_code == 404
    assert "Page not found" in english.text
    assert get(f"{gunicorn}{stylesheet}").status_code == 200
    # The compiled Spanish catalogue (cms/locale/es/.../django.mo).
    assert spanish.status_code == 404
    assert "Página no encontrada" in spanish.text
