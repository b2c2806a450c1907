"""Rate limits in the shared (default) cache: per key for apps (its own rate),
per address for anonymous callers."""

from typing import TYPE_CHECKING

from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle

from .models import ApiClient

if TYPE_CHECKING:
    # rest_framework.views loads this module (DEFAULT_THROTTLE_CLASSES).
    from rest_framework.views import APIView


class KeyRateThrottle(SimpleRateThrottle):
    """Each ApiClient's own `rate_limit`, counted per key."""

    scope = "key"

    def allow_request(self, request: Request, view: "APIView") -> bool:
        credential = getattr(request, "auth", None)
        if not isinstance(credential, ApiClient):
            return True
        self.rate = credential.rate_limit
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_rate(self) -> str:
        return "1000/hour"

    def get_cache_key(self, request: Request, view: "APIView") -> str | None:
        credential = request.auth
        if not isinstance(credential, ApiClient):  # allow_request let it through
            return None
        return self.cache_format % {"scope": self.scope, "ident": credential.prefix}


class AnonymousRateThrottle(AnonRateThrottle):
    scope = "anon"


class TokenCreateThrottle(AnonRateThrottle):
    """Signing in for a personal token, per address."""

    scope = "token_create"


class VerifyThrottle(AnonRateThrottle):
    """Certificate verification, per address (API_VERIFY_RATE)."""

    scope = "certificate_verify"


class RsvpThrottle(AnonRateThrottle):
    """Anonymous answers to events' invitations, per address (API_RSVP_RATE):
    each one sends an email."""

    scope = "event_rsvp"
