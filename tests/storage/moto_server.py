"""A real S3 HTTP endpoint for the tests: moto's server mode in a subprocess.

`MotoServer` starts `python -m moto.server` bound to 127.0.0.1 on a free port and
stops it again; the tests talk to it over HTTP through boto3, exactly as the app
talks to a real bucket. Nothing here patches boto3 in-process.

    with MotoServer() as server:
        create_bucket(server.endpoint_url, "media")
        env = s3_env(server.endpoint_url, "media")          # for app subprocesses
        overrides = s3_settings(server.endpoint_url, "media")  # for override_settings
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from cms.core.storages import s3_storages

ACCESS_KEY = "testing"
SECRET_KEY = "testing"
REGION = "us-east-1"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MotoServer:
    """moto's S3 server as a subprocess on a loopback port."""

    def __init__(self, port: int | None = None, startup_timeout: float = 30.0):
        self.port = port or free_port()
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen | None = None
        self._log = None

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> MotoServer:
        if self.running:
            return self
        self._log = tempfile.NamedTemporaryFile(
            prefix="moto-", suffix=".log", delete=False
        )
        env = {
            **os.environ,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_DEFAULT_REGION": REGION,
        }
        self.process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                str(self.port),
            ],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=env,
        )
        self._wait_until_ready()
        return self

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"moto server exited early:\n{self.log()}")
            try:
                # moto's dashboard answers once the server is up.
                with urllib.request.urlopen(  # noqa: S310
                    f"{self.endpoint_url}/moto-api/", timeout=1
                ):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"moto server did not answer in time:\n{self.log()}")

    def log(self) -> str:
        if self._log is None:
            return ""
        return Path(self._log.name).read_text(errors="replace")[-4000:]

    def reset(self) -> None:
        """Forget every bucket and object (moto's reset endpoint)."""
        request = urllib.request.Request(  # noqa: S310
            f"{self.endpoint_url}/moto-api/reset", method="POST"
        )
        urllib.request.urlopen(request, timeout=5).close()  # noqa: S310

    def stop(self) -> None:
        """Terminate the server; a later `start()` brings it back on the same port."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None
        if self._log is not None:
            self._log.close()

    def __enter__(self) -> MotoServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()


def s3_client(endpoint_url: str):
    """A boto3 S3 client for the test server (short timeouts, no retries)."""
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=endpoint_url,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        config=Config(
            connect_timeout=2,
            read_timeout=5,
            retries={"max_attempts": 1},
            s3={"addressing_style": "path"},
        ),
    )


def create_bucket(endpoint_url: str, bucket: str) -> None:
    """Create the bucket if it does not exist yet."""
    client = s3_client(endpoint_url)
    try:
        client.head_bucket(Bucket=bucket)
    except client.exceptions.ClientError:
        client.create_bucket(Bucket=bucket)


def s3_env(endpoint_url: str, bucket: str, **extra: str) -> dict[str, str]:
    """Environment variables that switch an app process (e.g. gunicorn) to S3."""
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint_url,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        **extra,
    }


def s3_settings(
    endpoint_url: str, bucket: str, *, querystring_expire: int = 300, **options
) -> dict:
    """Django settings for `override_settings(**...)` that switch media to S3.

    The same STORAGES the settings build from the environment (see s3_env), through
    the same function, plus Wagtail's redirect serving of documents.
    """
    from django.conf import settings

    storages = s3_storages(
        bucket=bucket,
        endpoint_url=endpoint_url,
        region=REGION,
        access_key=ACCESS_KEY,
        secret_key=SECRET_KEY,
        querystring_expire=querystring_expire,
        **options,
    )
    storages["staticfiles"] = settings.STORAGES["staticfiles"]
    return {"STORAGES": storages, "WAGTAILDOCS_SERVE_METHOD": "redirect"}
