from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from .models import Scope


def request_scopes(request) -> set[str] | None:
    """The scopes of the key or token used, or None for anonymous/session callers."""
    credential = getattr(request, "auth", None)
    scopes = getattr(credential, "scopes", None)
    return None if scopes is None else set(scopes)


class ContentRead(BasePermission):
    """Content is public: anyone may read it without a key; a key, when given,
    must carry `content:read` (else 403 `scope_missing`)."""

    message = _("This key does not have the content:read scope.")
    code = "scope_missing"

    def has_permission(self, request, view):
        scopes = request_scopes(request)
        return scopes is None or Scope.CONTENT_READ in scopes


class TokenOwner(BasePermission):
    """A signed-in person (session or personal token); not an app's key."""

    def has_permission(self, request, view):
        from .authentication import ClientPrincipal

        user = request.user
        return bool(
            user and user.is_authenticated and not isinstance(user, ClientPrincipal)
        )
