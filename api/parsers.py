"""The API's JSON parser: bodies and nesting within limits, refused in the API's
error shape (413 `request_too_large`, 400 `too_deeply_nested` or `parse_error`)
instead of a 500 from Python's parser or a later step."""

import io
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, parsers, status

# Containers inside containers: far beyond any request body the API takes, far
# below the interpreter's recursion limit that json.dumps and friends hit.
JSON_MAX_DEPTH = 32


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "request_too_large"


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser with a size limit, a depth limit and translated errors."""

    def parse(
        self,
        stream: Any,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read() if limit is None else stream.read(limit + 1)
        if limit is not None and len(raw) > limit:
            raise RequestTooLarge()
        try:
            data = super().parse(io.BytesIO(raw), media_type, parser_context)
        except RecursionError:
            raise _too_deep() from None
        except exceptions.ParseError:
            raise exceptions.ParseError(
                _("The request body is not valid JSON.")
            ) from None
        _depth_check(data)
        return data


def _too_deep() -> exceptions.ParseError:
    return exceptions.ParseError(
        _("The request body is nested too deeply."), code="too_deeply_nested"
    )


def _depth_check(data: Any) -> None:
    # Iterative, so that checking cannot itself overflow the stack.
    stack = [(data, 1)] if isinstance(data, dict | list) else []
    while stack:
        value, depth = stack.pop()
        if depth > JSON_MAX_DEPTH:
            raise _too_deep()
        children = value.values() if isinstance(value, dict) else value
        stack.extend(
            (child, depth + 1) for child in children if isinstance(child, dict | list)
        )
