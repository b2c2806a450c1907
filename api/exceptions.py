"""One error shape everywhere: {"code", "message", "fields"}; `message` is in the
request's language, `code` is stable (Django ValidationError codes are kept)."""

import logging
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from learning.core.storage import StorageUnavailable, is_storage_unavailable

from .parsers import RequestTooLarge

logger = logging.getLogger(__name__)


def _codes(detail: object) -> Any:
    """DRF's error detail (nested dicts and lists of ErrorDetail) as the same
    shape of {code, message} dicts."""
    if isinstance(detail, dict):
        return {key: _codes(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_codes(item) for item in detail]
    return {"code": getattr(detail, "code", "invalid"), "message": str(detail)}


def _from_django_validation(exc: DjangoValidationError) -> exceptions.ValidationError:
    detail: dict[str, list[exceptions.ErrorDetail]] | list[exceptions.ErrorDetail]
    if hasattr(exc, "error_dict"):
        detail = {
            ("non_field_errors" if field == "__all__" else field): [
                exceptions.ErrorDetail(message, code=error.code or "invalid")
                for error in errors
                for message in error.messages
            ]
            for field, errors in exc.error_dict.items()
        }
    else:
        detail = [
            exceptions.ErrorDetail(message, code=error.code or "invalid")
            for error in exc.error_list
            for message in error.messages
        ]
    return exceptions.ValidationError(detail)


def _from_suspicious(exc: SuspiciousOperation) -> exceptions.APIException:
    # Django's own limits on a request (DATA_UPLOAD_MAX_MEMORY_SIZE, the number of
    # fields or files): the client's fault, so a 4xx and not a 500.
    if isinstance(exc, RequestDataTooBig):
        return RequestTooLarge()
    return exceptions.ParseError(_("The request could not be read."))


def error_body(
    code: str, message: str, fields: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {"code": code, "message": message, "fields": fields or {}}


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    if is_storage_unavailable(exc):
        # Object storage down or timing out: nothing was saved; try again later.
        unavailable = Response(
            error_body(StorageUnavailable.code, str(StorageUnavailable.message)),
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
        )
        unavailable["Retry-After"] = str(StorageUnavailable.retry_after)
        return unavailable
    if isinstance(exc, OverflowError | DataError):
        # A number or text the database cannot hold (e.g. ?parent=10**30).
        exc = exceptions.ValidationError(
            _("A value in the request is out of range."), code="out_of_range"
        )
    if isinstance(exc, SuspiciousOperation):
        exc = _from_suspicious(exc)
    if isinstance(exc, DjangoValidationError):
        exc = _from_django_validation(exc)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(
            str(exc) or None, code=getattr(exc, "code", None) or "permission_denied"
        )
    response = exception_handler(exc, context)
    # DRF answers for its own exceptions only (the Django ones became theirs above).
    if response is None or not isinstance(exc, exceptions.APIException):
        logger.exception("API error", exc_info=exc)
        return Response(
            error_body("server_error", _("Something went wrong on our side.")),
            status=status.HTTP_500_INTERNAL_SERVER_ERROR,
        )
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail
        codes = _codes(detail)
        if isinstance(codes, dict):
            non_field = codes.pop("non_field_errors", [])
            first = non_field[0] if non_field else None
            fields = codes
        else:
            first = codes[0] if codes else None
            fields = {}
        body = error_body(
            first["code"] if first else "invalid",
            first["message"] if first else _("The request is not valid."),
            fields,
        )
    else:
        code = exc.get_codes()
        if not isinstance(code, str):
            code = exc.default_code
        if isinstance(exc, exceptions.Throttled):
            code = "throttled"
        body = error_body(code, str(exc.detail))
    response.data = body
    return response
