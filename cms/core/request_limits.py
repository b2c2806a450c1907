"""Request bodies over the site's limit are refused from their Content-Length,
before a byte of them is read.

Without this, Django parses a multipart upload as it arrives (CsrfViewMiddleware
does so first) and spools its files to temporary files: a 200 MB post to a form
that takes 20 MB would be read and written out in full before the form could
refuse it. Here the header alone decides: 413, and the rest is never read.

A body sent without Content-Length (chunked) is never read either: Django's
WSGIRequest reads at most CONTENT_LENGTH bytes, which is then 0. Within the limit,
Django's own DATA_UPLOAD_MAX_MEMORY_SIZE still bounds what is held in memory.
"""

import logging
from collections.abc import Callable
from http import HTTPStatus

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse

from api.exceptions import error_body
from api.middleware import API_PATH_PREFIX
from api.parsers import RequestTooLarge

logger = logging.getLogger("django.security.RequestDataTooBig")


class RequestBodyLimitMiddleware:
    """413 for a body larger than REQUEST_BODY_MAX_BYTES (the admin's: larger).

    Listed after LocaleMiddleware, so that the refusal is in the request's
    language; no middleware before it reads the body.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._admin_prefix: str | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length = _content_length(request)
        if length > self.limit_for(request.path_info):
            return self.refuse(request)
        return self.get_response(request)

    def limit_for(self, path: str) -> int:
        """The largest body a request to `path` may send, in bytes."""
        if self._admin_prefix is None:
            # Resolved late: the URLconf may not be importable when this is built.
            self._admin_prefix = reverse("wagtailadmin_home")
        if path.startswith(self._admin_prefix):
            return settings.ADMIN_REQUEST_BODY_MAX_BYTES
        return settings.REQUEST_BODY_MAX_BYTES

    def refuse(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(API_PATH_PREFIX):
            error = RequestTooLarge()
            return JsonResponse(
                error_body(error.default_code, str(error.detail)),
                status=error.status_code,
            )
        # A page of its own, without the site's menus: a refusal costs no query.
        logger.warning(
            "Request body over the limit: %s bytes to %s",
            request.META.get("CONTENT_LENGTH"),
            request.path,
        )
        return HttpResponse(
            render_to_string("413.html", request=None),
            status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
        )


def _content_length(request: HttpRequest) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0
