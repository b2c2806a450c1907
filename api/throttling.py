"""Rate limits in the shared (default) cache: per key for apps (its own rate),
per address for anonymous callers."""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle

from cms.core.throttling import client_ip

from .models import ApiClient

# The request attribute naming the rate windows a content cache hit's read
# already counted this request in (api.caching.content_hit): DRF's dispatch,
# serving the request as a miss, does not count it again.
COUNTED_ATTRIBUTE = "api_rate_counted"

if TYPE_CHECKING:
    # rest_framework.views loads this module (DEFAULT_THROTTLE_CLASSES).
    from django.http import HttpRequest
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


class AddressRateThrottle(AnonRateThrottle):
    """A rate per client address, told apart as the site's sign-in lockout tells
    them (cms.core.throttling.client_ip: REMOTE_ADDR, or the address
    TRUSTED_PROXY_COUNT proxies from the end of X-Forwarded-For). DRF's own
    get_ident believes the whole X-Forwarded-For header unless NUM_PROXIES is
    set, so a caller writing a new address into each request was never limited."""

    def get_ident(self, request: "Request | HttpRequest") -> str:
        return client_ip(request)


class AnonymousRateThrottle(AddressRateThrottle):
    """The rate of anonymous callers, per address, counted in two fixed windows:
    the current one, and the previous one weighted by the part of it that still
    lies within the last `duration` (a sliding-window estimate).

    Two integers per address, so a check costs the same at 600/hour as at a
    benchmark's 10^9/hour, where DRF's list of every request's time grows with the
    rate (and is read and written whole on each request). `window_keys` and
    `judge` let a content cache hit (api.caching) read and count in the same
    round trip as the cached response (on Redis an atomic INCR). Here, as with
    DRF's list, two requests at the same instant may both read the old count
    (one of them goes uncounted).
    """

    scope = "anon"
    windows: list[str]
    # Set by SimpleRateThrottle.__init__ (untyped in DRF's stubs).
    num_requests: int
    duration: int

    def window_keys(self, request: "Request | HttpRequest", view: Any) -> list[str]:
        """The current and previous windows' keys of this caller ([] when the
        rate does not apply to it)."""
        self.now = self.timer()
        self.current = self.previous = 0
        # AnonRateThrottle reads request.user and META, which a Django request
        # has too (a content cache hit asks before DRF wraps the request).
        drf_request = cast(Request, request)
        self.key = None if self.rate is None else self.get_cache_key(drf_request, view)
        if self.key is None:
            self.windows = []
            return []
        window = int(self.now // self.duration)
        self.windows = [f"{self.key}:{window}", f"{self.key}:{window - 1}"]
        return self.windows

    def judge(self, counts: Mapping[str, Any]) -> bool:
        """Whether one more request fits the rate, given the windows' counts."""
        if self.key is None:
            return True
        current, previous = self.windows
        self.current = counts.get(current, 0)
        self.previous = counts.get(previous, 0)
        self.elapsed = (self.now % self.duration) / self.duration
        estimate = self.previous * (1 - self.elapsed) + self.current
        return estimate + 1 <= self.num_requests

    def record(self) -> None:
        """Count this request (the window is read as `previous` in the next one)."""
        if self.key is not None:
            self.cache.set(self.windows[0], self.current + 1, 2 * self.duration)

    def allow_request(self, request: Request, view: "APIView") -> bool:
        keys = self.window_keys(request, view)
        if keys and keys[0] in getattr(request, COUNTED_ATTRIBUTE, ()):
            return True  # judged and counted with the cached response's read
        if not self.judge(self.cache.get_many(keys) if keys else {}):
            return False
        self.record()
        return True

    def wait(self) -> float | None:
        """Seconds until one more request fits the estimate again."""
        if self.key is None:
            return None
        room = self.num_requests - 1
        if self.current <= room and self.previous:
            # The previous window's weight has to fade enough.
            needed = 1 - self.elapsed - (room - self.current) / self.previous
            return max(needed * self.duration, 1.0)
        # Past the next window's start, the current count fades instead.
        fade = max(0.0, 1 - room / self.current) if self.current else 1.0
        return ((1 - self.elapsed) + fade) * self.duration


class TokenCreateThrottle(AddressRateThrottle):
    """Signing in for a personal token, per address."""

    scope = "token_create"


class VerifyThrottle(AddressRateThrottle):
    """Certificate verification, per address (API_VERIFY_RATE)."""

    scope = "certificate_verify"


class RsvpThrottle(AddressRateThrottle):
    """Anonymous answers to events' invitations, per address (API_RSVP_RATE):
    each one sends an email."""

    scope = "event_rsvp"


def anonymous_throttles(
    view: "APIView", request: "HttpRequest"
) -> list[AnonymousRateThrottle] | None:
    """The view's throttles that count this anonymous caller, with the keys of
    their windows (`windows`) ready for a content cache hit to read (api.caching);
    None when one of them can be judged only by DRF's dispatch."""
    found = []
    for throttle in view.get_throttles():
        if isinstance(throttle, AnonymousRateThrottle):
            throttle.window_keys(request, view)
            found.append(throttle)
        elif not isinstance(throttle, KeyRateThrottle):  # it counts keys only
            return None
    return found
