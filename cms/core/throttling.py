"""How django-axes tells sign-in attempts apart, and what a locked-out visitor sees."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import ngettext


class ThrottledModelBackend(AxesStandaloneBackend, ModelBackend):
    """Django's email/password backend behind django-axes' lockout check.

    One backend rather than axes' and Django's side by side: with two, every
    login() without an explicit backend (e.g. signing in after choosing a
    password) would have to name one.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        # Raises PermissionDenied (authentication stops) when locked out.
        AxesStandaloneBackend.authenticate(
            self, request, username=username, password=password, **kwargs
        )
        return ModelBackend.authenticate(
            self, request, username=username, password=password, **kwargs
        )


def client_ip(request: HttpRequest) -> str:
    """The client address: REMOTE_ADDR, or the one the trusted proxies forwarded.

    Each trusted proxy (``TRUSTED_PROXY_COUNT``) appends the address it saw to
    X-Forwarded-For, so the client is that many entries from the end; anything
    further left was written by the client and is not believed. Used by
    django-axes to count failed logins per address.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote_addr
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < count:
        return remote_addr
    return forwarded[-count]


def login_username(request: HttpRequest, credentials: dict | None = None) -> str:
    """The attempted email address in lower case, as sign-in matches it.

    Without this, "Maria@Example.org" and "maria@example.org" would be counted
    apart and each get the full number of attempts.
    """
    data = credentials if credentials is not None else request.POST
    return (data.get(settings.AXES_USERNAME_FORM_FIELD) or "").strip().lower()


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """429 page: too many failed sign-ins; says when to try again.

    Access: whoever was just refused by django-axes: the site's or the admin's
    sign-in (a page) or the API's token endpoint (JSON with a stable code).
    """
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    if request.path_info.startswith("/api/"):
        message = ngettext(
            "Too many failed sign-in attempts. Try again in %(minutes)d minute.",
            "Too many failed sign-in attempts. Try again in %(minutes)d minutes.",
            minutes,
        ) % {"minutes": minutes}
        return JsonResponse(
            {"detail": message, "code": "login_locked_out"},
            status=429,
            headers={"Retry-After": str(minutes * 60)},
        )
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
