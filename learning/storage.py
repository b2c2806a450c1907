"""Where members-only files live and how they are handed out.

Edition materials and certificates are stored through the "private" storage
alias (settings.STORAGES): local files outside MEDIA_ROOT by default, a private
bucket in production. Nothing links to them directly: a view checks membership
first, then answers with `private_file_response`.
"""

import mimetypes

from django.core.files.storage import Storage, storages
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpResponse

PRIVATE_STORAGE_ALIAS = "private"


def private_storage() -> Storage:
    """The storage of members-only files (a callable, so settings decide late)."""
    return storages[PRIVATE_STORAGE_ALIAS]


def private_file_response(
    *, file: FieldFile, download_name: str, content_type: str = ""
) -> HttpResponse:
    """The file as an attachment; call only after the permission check."""
    content_type = (
        content_type
        or mimetypes.guess_type(download_name)[0]
        or "application/octet-stream"
    )
    response = FileResponse(
        file.open("rb"),
        as_attachment=True,
        filename=download_name,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
