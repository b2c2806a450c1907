"""Storage tests run against moto's S3 server over HTTP (see moto_server.py)."""

import uuid

import pytest
from django.core.files.storage import storages
from django.test import override_settings

from tests.storage.moto_server import MotoServer, create_bucket, s3_settings


@pytest.fixture(scope="session")
def moto_s3():
    """A running moto S3 server for the whole session (a `MotoServer`)."""
    with MotoServer() as server:
        yield server


def _reset_storages() -> None:
    # override_settings(STORAGES=...) resets the handler through setting_changed;
    # cached backends that outlive a test are dropped here as well.
    storages._storages = {}
    storages._backends = None
    storages.__dict__.pop("backends", None)


@pytest.fixture
def s3_media(moto_s3):
    """This test's media and private files go to a fresh bucket on the moto server.

    Yields the bucket name; settings and the storage handler are restored afterwards.
    """
    if not moto_s3.running:
        moto_s3.start()
    bucket = f"media-{uuid.uuid4().hex[:12]}"
    create_bucket(moto_s3.endpoint_url, bucket)
    with override_settings(**s3_settings(moto_s3.endpoint_url, bucket)):
        _reset_storages()
        yield bucket
    _reset_storages()
