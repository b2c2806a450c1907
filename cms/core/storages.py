"""Media on S3-compatible object storage (django-storages + boto3).

Two storages share one bucket, under two prefixes:

- ``default`` (`MediaS3Storage`, key prefix ``media/``): images, renditions and
  other public media. Their URLs are plain, unsigned and permanent (the bucket
  policy or the CDN in ``AWS_S3_CUSTOM_DOMAIN`` makes ``media/*`` public), so
  pages and the API can cache them.
  Wagtail documents are the exception: names under ``documents/`` are stored
  under the private prefix (``private/documents/...``, never public) and their
  URL is signed and short-lived. Wagtail serves documents with
  ``WAGTAILDOCS_SERVE_METHOD = "redirect"``: its serve view checks the
  collection's privacy first and only then redirects to that signed URL.
- ``private`` (`PrivateS3Storage`, key prefix ``private/``): edition materials
  and certificates. Every URL is signed and short-lived; learning/storage.py
  hands one out only after the membership check.

A same-named upload never overwrites an object (``file_overwrite=False``: the
storage picks a new name). Bounded timeouts and retries make an unreachable
storage fail in seconds instead of hanging a request.
"""

from __future__ import annotations

from typing import Any

from botocore.config import Config
from django.core.exceptions import SuspiciousOperation
from storages.backends.s3 import S3Storage
from storages.utils import clean_name, safe_join

MEDIA_LOCATION = "media"
PRIVATE_LOCATION = "private"
# Names (relative to the media storage) whose objects are private and signed.
SIGNED_MEDIA_PREFIXES = ("documents/",)


class SignedUrlMixin:
    """`signed_url()`: a short-lived signed GET URL, whatever the storage's defaults.

    learning/storage.py detects this method (duck typing) to redirect downloads
    to the bucket instead of streaming them through the app.
    """

    signed_expire: int = 300

    def signed_url(
        self, name: str, *, expire: int | None = None, parameters: dict | None = None
    ) -> str:
        key = self._normalize_name(clean_name(name))
        params = {**(parameters or {}), "Bucket": self.bucket_name, "Key": key}
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params=params,
            ExpiresIn=expire if expire is not None else self.signed_expire,
        )


class MediaS3Storage(SignedUrlMixin, S3Storage):
    """Public media with plain URLs; Wagtail documents private and signed."""

    def __init__(
        self,
        *,
        private_location: str = PRIVATE_LOCATION,
        private_acl: str | None = "private",
        signed_prefixes: tuple[str, ...] = SIGNED_MEDIA_PREFIXES,
        signed_expire: int = 300,
        **settings: Any,
    ):
        self.private_location = private_location
        self.private_acl = private_acl
        self.signed_prefixes = tuple(signed_prefixes)
        self.signed_expire = signed_expire
        super().__init__(**settings)

    def is_signed(self, name: str) -> bool:
        return clean_name(name).startswith(self.signed_prefixes)

    def _normalize_name(self, name: str) -> str:
        if self.is_signed(name):
            try:
                return safe_join(self.private_location, name)
            except ValueError as error:
                raise SuspiciousOperation(
                    f"Attempted access to {name!r} denied."
                ) from error
        return super()._normalize_name(name)

    def _get_write_parameters(self, name, content=None):
        params = super()._get_write_parameters(name, content)
        if name.startswith(f"{self.private_location}/"):
            params.pop("ACL", None)
            if self.private_acl:
                params["ACL"] = self.private_acl
        return params

    def url(self, name, parameters=None, expire=None, http_method=None):
        if self.is_signed(name):
            return self.signed_url(name, expire=expire, parameters=parameters)
        return super().url(name, parameters, expire, http_method)


class PrivateS3Storage(SignedUrlMixin, S3Storage):
    """Members-only files: every URL is signed and short-lived."""

    def __init__(self, *, signed_expire: int = 300, **settings: Any):
        self.signed_expire = signed_expire
        settings.setdefault("querystring_expire", signed_expire)
        super().__init__(**settings)


def s3_storages(
    *,
    bucket: str,
    endpoint_url: str | None = None,
    region: str | None = None,
    access_key: str | None = None,
    secret_key: str | None = None,
    custom_domain: str | None = None,
    querystring_expire: int = 300,
    public_acl: str | None = None,
    private_acl: str | None = "private",
    addressing_style: str | None = None,
    connect_timeout: float = 3,
    read_timeout: float = 10,
    max_attempts: int = 2,
) -> dict[str, dict]:
    """settings.STORAGES "default" and "private" on one bucket (see the module doc).

    Called by cms/settings/base.py with values read from the environment, and by
    the tests with the moto server's.
    """
    client_config = Config(
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        retries={"max_attempts": max_attempts, "mode": "standard"},
        signature_version="s3v4",
        s3={
            "addressing_style": addressing_style or ("path" if endpoint_url else "auto")
        },
    )
    common = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url or None,
        "region_name": region or None,
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        "file_overwrite": False,
        "client_config": client_config,
        "signed_expire": querystring_expire,
    }
    private_acl = private_acl or None
    return {
        "default": {
            "BACKEND": "cms.core.storages.MediaS3Storage",
            "OPTIONS": {
                **common,
                "location": MEDIA_LOCATION,
                "private_location": PRIVATE_LOCATION,
                "private_acl": private_acl,
                # Public media: plain URLs (public bucket policy on media/* or a CDN).
                "querystring_auth": False,
                "custom_domain": custom_domain or None,
                "default_acl": public_acl or None,
            },
        },
        "private": {
            "BACKEND": "cms.core.storages.PrivateS3Storage",
            "OPTIONS": {
                **common,
                "location": PRIVATE_LOCATION,
                "querystring_auth": True,
                "querystring_expire": querystring_expire,
                # Empty on buckets whose ACLs are disabled (bucket owner enforced).
                "default_acl": private_acl or None,
                # Never a CDN: its URLs could not be signed by S3.
                "custom_domain": None,
            },
        },
    }
