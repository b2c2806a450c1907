"""Where members-only files live and how they are handed out.

Edition materials and certificates are stored through the "private" storage
alias (settings.STORAGES): local files outside MEDIA_ROOT by default, a private
bucket in production. Nothing links to them directly: a view checks membership
first, then answers with `private_file_response`, which streams a local file or
redirects to a short-lived signed URL of the bucket.

`StorageUnavailable` is what callers see when the storage cannot be reached
(`storage_guard` turns connection errors and timeouts into it), so an HTTP
adapter can answer 503 with Retry-After and the admin can show a clear message.
"""

import contextlib
import mimetypes
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from django.core.files.storage import Storage, storages
from django.core.signals import setting_changed
from django.db.models.fields.files import FieldFile
from django.dispatch import receiver
from django.http import FileResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.utils.encoding import iri_to_uri
from django.utils.functional import LazyObject, empty
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

PRIVATE_STORAGE_ALIAS = "private"


class StorageUnavailable(Exception):
    """The file storage did not answer (down, unreachable or timed out)."""

    code = "storage_unavailable"
    # Seconds a client may wait before trying again.
    retry_after = 30
    message = _(
        "The file storage is unavailable at the moment. Nothing was saved; "
        "please try again in a few minutes."
    )

    def __str__(self) -> str:
        return str(self.message)


def is_storage_unavailable(exc: BaseException) -> bool:
    """Is `exc` an outage of the storage (rather than, say, a missing file)?"""
    if isinstance(exc, StorageUnavailable):
        return True
    if isinstance(exc, (ConnectionError, TimeoutError)):
        return True
    try:
        from boto3.exceptions import S3UploadFailedError
        from botocore import exceptions as boto_exc
    except ImportError:  # a site without boto3: only local storages
        return False
    if isinstance(
        exc,
        (
            boto_exc.ConnectionError,
            boto_exc.HTTPClientError,
            boto_exc.EndpointConnectionError,
        ),
    ):
        return True
    if isinstance(exc, S3UploadFailedError):
        return True
    if isinstance(exc, boto_exc.ClientError):
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        return status >= 500 or exc.response.get("Error", {}).get("Code") in {
            "SlowDown",
            "ServiceUnavailable",
            "RequestTimeout",
        }
    return False


@contextlib.contextmanager
def storage_guard() -> Iterator[None]:
    """Turn a storage outage raised inside the block into `StorageUnavailable`."""
    try:
        yield
    except StorageUnavailable:
        raise
    except Exception as exc:
        if is_storage_unavailable(exc):
            raise StorageUnavailable from exc
        raise


if TYPE_CHECKING:
    _LazyStorage = LazyObject[Storage]
else:  # LazyObject is generic in the stubs only
    _LazyStorage = LazyObject


class _PrivateStorage(_LazyStorage):
    """storages["private"], looked up on first use and again after settings change."""

    def _setup(self) -> None:
        self._wrapped: object = storages[PRIVATE_STORAGE_ALIAS]


_private_storage = _PrivateStorage()


@receiver(setting_changed)
def _reset_private_storage(*, setting: str, **kwargs: Any) -> None:
    if setting == "STORAGES":
        _private_storage._wrapped = empty


def private_storage() -> Storage:
    """The storage of members-only files (a callable, so settings decide late).

    A lazy proxy: a FileField evaluates the callable once, at import, and the
    proxy still follows settings.STORAGES (override_settings in tests).
    """
    # The proxy stands in for the Storage it wraps (every attribute goes to it).
    return cast(Storage, _private_storage)


def can_sign(storage: Storage) -> bool:
    """Does the storage hand out short-lived signed URLs (an S3 bucket does)?"""
    return callable(getattr(storage, "signed_url", None)) or bool(
        getattr(storage, "querystring_auth", False)
    )


def signed_download_url(
    *, file: FieldFile, download_name: str, content_type: str
) -> str:
    """A short-lived signed URL that downloads the file as `download_name`."""
    storage = file.storage
    parameters = {
        "ResponseContentDisposition": content_disposition_header(
            as_attachment=True, filename=download_name
        ),
        "ResponseContentType": content_type,
    }
    with storage_guard():
        # A bucket's storage (django-storages) takes the response headers to sign;
        # the base Storage's url() does not know `parameters`.
        sign = getattr(storage, "signed_url", None)
        if callable(sign):
            return str(sign(file.name, parameters=parameters))
        url: Any = storage.url
        return str(url(file.name, parameters=parameters))


def private_file_response(
    *, file: FieldFile, download_name: str, content_type: str = ""
) -> HttpResponseBase:
    """The file as an attachment; call only after the permission check.

    Local storage: the file streamed by the app. A bucket: a redirect (302) to a
    signed URL that expires in minutes, so the app never proxies the bytes and
    nobody gets a permanent link.
    """
    content_type = (
        content_type
        or mimetypes.guess_type(download_name)[0]
        or "application/octet-stream"
    )
    response: HttpResponseBase
    if can_sign(file.storage):
        response = HttpResponseRedirect(
            iri_to_uri(
                signed_download_url(
                    file=file, download_name=download_name, content_type=content_type
                )
            )
        )
        response["Cache-Control"] = "private, no-store"
        response["Referrer-Policy"] = "no-referrer"
        return response
    response = FileResponse(
        file.open("rb"),
        as_attachment=True,
        filename=download_name,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
