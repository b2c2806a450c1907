from typing import TYPE_CHECKING, Any

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.request import Request

if TYPE_CHECKING:
    # Only for the hints: the schema modules load when a schema is asked for.
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.openapi import AutoSchema

Endpoint = tuple[str, str, str, Any]


def only_v1(endpoints: list[Endpoint]) -> list[Endpoint]:
    """The schema documents /api/v1/ only (not the stock v2 API)."""
    return [e for e in endpoints if e[0].startswith("/api/v1/")]


class KeyAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.KeyAuthentication"
    name = "bearerKey"

    def get_security_definition(self, auto_schema: "AutoSchema") -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An app's key (mlpk_…) or a personal token (mlpt_…).",
        }


class SameOriginSessionScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.SameOriginSessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema: "AutoSchema") -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": settings.SESSION_COOKIE_NAME,
            "description": "The site's session, from the site's own pages only "
            "(with a CSRF token for writes); other origins send a key.",
        }


ERROR_SCHEMA = {
    "type": "object",
    "description": "The one error shape of the API.",
    "properties": {
        "code": {
            "type": "string",
            "description": "Stable, for apps to switch on (e.g. edition_full).",
        },
        "message": {"type": "string", "description": "In the request's language."},
        "fields": {
            "type": "object",
            "description": "Per-field errors: lists of {code, message}.",
            "additionalProperties": True,
        },
    },
    "required": ["code", "message", "fields"],
}

ERRORS = {
    "400": "The request is not valid (see `fields`).",
    "401": "No valid key or token (see the WWW-Authenticate header).",
    "403": "The key lacks a scope, or the caller may not do this.",
    "404": "Not found, or not visible to this caller.",
    "429": "Too many requests (see the Retry-After header).",
    "503": "Storage is unavailable; nothing was saved (see Retry-After).",
}


def error_responses(
    result: dict[str, Any],
    generator: "SchemaGenerator",
    request: Request | None,
    public: bool,
) -> dict[str, Any]:
    """Document the error shape on every operation: any of them may answer
    400, 401, 403, 404, 429 or 503 in it."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = ERROR_SCHEMA
    reference = {"$ref": "#/components/schemas/Error"}
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for status, description in ERRORS.items():
                response = responses.setdefault(status, {"description": description})
                # An operation may word its own 403/404; the body is still an Error.
                response.setdefault(
                    "content", {"application/json": {"schema": reference}}
                )
    return result
