"""Real servers for the production-profile tests: Redis and gunicorn on loopback.

Each is a subprocess on a free 127.0.0.1 port, started and stopped by a fixture,
so the tests talk to them over the network exactly as a load balancer would.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import requests
from bs4 import BeautifulSoup
from django.contrib.auth.hashers import PBKDF2PasswordHasher

BASE_DIR = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
# Variables of the developer's shell that must not leak into a production process.
LEAKY_ENV = (
    # Set by the browser tests' conftest for Playwright; never in production.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "CACHE_URL",
    "REDIS_URL",
    "TASKS_BACKEND",
    "DJANGO_MEDIA_ROOT",
    "DJANGO_STATIC_ROOT",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_CUSTOM_DOMAIN",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def missing(reason: str) -> None:
    """Skip locally; in CI (CI=true) a missing server is a failure, not a skip."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: these tests must run)", pytrace=False)
    pytest.skip(reason)


def wait_for_port(port: int, process: subprocess.Popen, log: Path, timeout=30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text()[-4000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}:\n{log.read_text()[-4000:]}")


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


class RedisServer:
    """A throwaway redis-server without persistence on a loopback port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.directory = Path(tempfile.mkdtemp(prefix="mlp-redis-"))
        self.log = self.directory / "redis.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> "RedisServer":
        executable = shutil.which("redis-server")
        if not executable:
            missing("redis-server is not installed: apt-get install redis-server")
        self.process = subprocess.Popen(  # noqa: S603 - a fixed local binary
            [
                executable,
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
                "--logfile",
                str(self.log),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        self.log.touch()
        wait_for_port(self.port, self.process, self.log)
        return self

    def stop(self) -> None:
        if self.process:
            stop_process(self.process)
        shutil.rmtree(self.directory, ignore_errors=True)


def database_url(settings_dict: dict) -> str:
    """DATABASE_URL for another process to reach the database Django uses now."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    user = settings_dict.get("USER") or ""
    password = settings_dict.get("PASSWORD") or ""
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or "5432"
    return f"postgres://{credentials}{host}:{port}/{settings_dict['NAME']}"


def production_password(password: str) -> str:
    """A password hash production can check (the test profile hashes with MD5)."""
    hasher = PBKDF2PasswordHasher()
    return hasher.encode(password, hasher.salt())


def production_env(**overrides: str) -> dict[str, str]:
    """The environment of a production process: a long random secret, real hosts."""
    env = {k: v for k, v in os.environ.items() if k not in LEAKY_ENV}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "learning.example.org,127.0.0.1,localhost",
            "CONTENT_LANGUAGES": "en,es",
            "LOG_LEVEL": "WARNING",
            # Generous: CI machines are busy; the tests are not about timeouts.
            "REDIS_CONNECT_TIMEOUT": "10",
            "REDIS_SOCKET_TIMEOUT": "10",
        }
    )
    env.update(overrides)
    return env


def run_manage(*args: str, env: dict[str, str], timeout=120):
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


class GunicornServer:
    """`gunicorn cms.wsgi` with the project's gunicorn.conf.py on a loopback port."""

    def __init__(self, env: dict[str, str], workers: int = 1) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_MAX_REQUESTS": "0",
        }
        handle, name = tempfile.mkstemp(prefix="mlp-gunicorn-", suffix=".log")
        os.close(handle)
        self.log = Path(name)
        self.process: subprocess.Popen | None = None

    def start(self) -> "GunicornServer":
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own gunicorn
                [str(GUNICORN), "--config", "gunicorn.conf.py", "cms.wsgi:application"],
                cwd=BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_for_port(self.port, self.process, self.log, timeout=60)
        # The port opens before the worker has imported Django: wait for an answer.
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{self.url}/healthz", timeout=10)
                return self
            except (requests.ConnectionError, requests.Timeout):
                # Under load the first answer can take longer than one try.
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(self.log_text()) from None
                time.sleep(0.2)

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        if self.process:
            stop_process(self.process)
        self.log.unlink(missing_ok=True)


class Browser:
    """A client that keeps its cookies across servers, as behind a load balancer.

    Cookies are Secure (HTTPS ends at the balancer), so they are kept by name and
    sent explicitly to the loopback servers, whichever answers the request.
    """

    def __init__(self, headers: dict[str, str] | None = None) -> None:
        self.cookies: dict[str, str] = {}
        self.headers = headers or {}

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        kwargs.setdefault("allow_redirects", False)
        timeout = kwargs.pop("timeout", 60)
        headers = {**self.headers, **kwargs.pop("headers", {})}
        response = requests.request(
            method,
            url,
            headers=headers,
            cookies=self.cookies,
            timeout=timeout,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, url: str, **kwargs) -> requests.Response:
        return self.request("GET", url, **kwargs)

    def post_form(self, url: str, data: dict, **kwargs) -> requests.Response:
        """POST a form with the CSRF token of the page at `url`."""
        page = self.get(url)
        field = BeautifulSoup(page.text, "html.parser").find(
            "input", {"name": "csrfmiddlewaretoken"}
        )
        assert field is not None, (page.status_code, page.text[:1000])
        token = field["value"]
        origin = "https://learning.example.org"
        headers = {"Referer": f"{origin}{requests.utils.urlparse(url).path}"}
        return self.request(
            "POST",
            url,
            data={**data, "csrfmiddlewaretoken": token},
            headers=headers,
            **kwargs,
        )
