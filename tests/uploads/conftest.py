"""Fixtures shared with the materials and storage tests: one edition world, and
the moto S3 server (tests/storage)."""

from tests.learning.materials.conftest import (  # noqa: F401
    empty_private_storage,
    site,
    world,
)
from tests.learning.public_site import public_site  # noqa: F401
from tests.storage.conftest import moto_s3, s3_media  # noqa: F401
