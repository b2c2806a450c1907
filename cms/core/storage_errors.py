"""A clear answer, instead of a server error, when an upload finds the storage down.

Wagtail's admin saves an upload's file before its database row (FileField's
pre_save), so a storage outage leaves no row behind; without this middleware the
editor would only see a 500 page. Only admin requests are handled here; an API
adapter answers `learning.core.storage.StorageUnavailable` with 503 and Retry-After.
"""

import logging

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from learning.core.storage import StorageUnavailable, is_storage_unavailable

logger = logging.getLogger(__name__)


class StorageUnavailableMiddleware:
    """Admin uploads that meet a storage outage: an error message, no 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if not is_storage_unavailable(exception):
            return None
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        logger.error(
            "file storage unavailable during %s %s",
            request.method,
            request.path,
            exc_info=exception,
        )
        message = str(StorageUnavailable.message)
        if request.headers.get("x-requested-with") == "XMLHttpRequest" or (
            "application/json" in request.headers.get("accept", "")
        ):
            # Wagtail's multiple-upload script shows `error_message` of a failure.
            response = JsonResponse({"success": False, "error_message": message})
        else:
            messages.error(request, message)
            response = redirect(request.get_full_path())
        response["Retry-After"] = str(StorageUnavailable.retry_after)
        return response
