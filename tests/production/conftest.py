"""Fixtures for the production profile: collected static files, media (Redis:
tests/conftest.py)."""

import shutil
import tempfile
from pathlib import Path

import pytest

from .servers import production_env, run_manage


@pytest.fixture(scope="session")
def static_root():
    """Static files collected once under production settings (hashed, compressed)."""
    root = Path(tempfile.mkdtemp(prefix="mlp-static-"))
    result = run_manage(
        "collectstatic",
        "--no-input",
        "--verbosity=0",
        env=production_env(DJANGO_STATIC_ROOT=str(root)),
    )
    assert result.returncode == 0, result.stderr
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def media_root():
    root = Path(tempfile.mkdtemp(prefix="mlp-media-"))
    yield root
    shutil.rmtree(root, ignore_errors=True)
