"""Which other origins' web pages may read the API (CORS), beside the settings.

django-cors-headers answers preflights and adds the headers on /api/ paths for
the origins of `CORS_ALLOWED_ORIGINS` (env `API_CORS_ALLOWED_ORIGINS`); this
module adds the origins that admins list on each active API client. They are
read once into the cache and dropped there when a client is saved or deleted, so
a cross-origin request costs no query. Credentials are never allowed: another
origin's script authenticates with a key (`Authorization: Bearer`), and the
site's session is not honoured from there (api.authentication).
"""

import time
from typing import Any
from urllib.parse import urlsplit

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils.translation import gettext as _

CACHE_KEY = "api:cors:client-origins"
# A backstop for per-process caches (no shared cache): saves elsewhere reach
# this process within a minute.
CACHE_SECONDS = 60
API_PATH_PREFIX = "/api/"


def origin_normalise(value: str) -> str:
    """`scheme://host[:port]` in lower case, or ValidationError `invalid_origin`."""
    text = value.strip().rstrip("/")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        parts, port = None, None
    if (
        parts is None
        or parts.scheme not in {"http", "https"}
        or not parts.hostname
        or parts.path
        or parts.query
        or parts.fragment
        or parts.username
        or parts.password
    ):
        raise ValidationError(
            _(
                "%(origin)s is not an origin: write scheme://host or "
                "scheme://host:port, without a path."
            )
            % {"origin": value.strip()},
            code="invalid_origin",
        )
    host = parts.hostname
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    default_port = {"http": 80, "https": 443}[parts.scheme]
    # Browsers leave the scheme's default port out of the Origin header.
    return f"{parts.scheme}://{host}" + (
        f":{port}" if port and port != default_port else ""
    )


def origins_validate(value: Any) -> None:
    """Model validator of ApiClient.allowed_origins: a list of valid origins."""
    if not isinstance(value, list):
        raise ValidationError(_("Give a list of origins."), code="invalid_origin")
    for origin in value:
        if not isinstance(origin, str) or origin_normalise(origin) != origin:
            raise ValidationError(
                _("%(origin)s is not a normalised origin.") % {"origin": origin},
                code="invalid_origin",
            )


def _client_origins() -> list[tuple[str, float | None]]:
    """(origin, expiry timestamp or None) of every unrevoked client, cached."""
    cached = cache.get(CACHE_KEY)
    if cached is not None:
        return cached
    from .models import ApiClient

    rows = ApiClient.objects.filter(revoked_at__isnull=True).values_list(
        "allowed_origins", "expires_at"
    )
    found = [
        (origin, expires_at.timestamp() if expires_at else None)
        for origins, expires_at in rows
        for origin in origins or []
    ]
    cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return found


def client_origin_allowed(*, origin: str) -> bool:
    """Whether an active API client lists the origin."""
    now = time.time()
    return any(
        allowed == origin and (expires is None or expires > now)
        for allowed, expires in _client_origins()
    )


def cors_origin_allowed_by_client(
    sender: Any, request: HttpRequest, **kwargs: Any
) -> bool:
    """django-cors-headers' check_request_enabled: the clients' origins, /api/ only.

    It is also asked for every non-API request, so it answers those first.
    """
    if not request.path_info.startswith(API_PATH_PREFIX):
        return False
    origin = request.headers.get("origin", "")
    return bool(origin) and client_origin_allowed(origin=origin)


def client_origins_forget(**kwargs: Any) -> None:
    cache.delete(CACHE_KEY)


def connect() -> None:
    from corsheaders.signals import check_request_enabled

    from .models import ApiClient

    check_request_enabled.connect(
        cors_origin_allowed_by_client, dispatch_uid="api_cors_client_origins"
    )
    for signal in (post_save, post_delete):
        signal.connect(
            client_origins_forget,
            sender=ApiClient,
            dispatch_uid=f"api_cors_forget_{signal is post_save}",
        )
