from typing import TYPE_CHECKING

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from learning.core.types import AnyUser, AuthUser

from .models import Scope

if TYPE_CHECKING:
    # rest_framework.views may load this module (its settings name permissions).
    from rest_framework.views import APIView

    from .authentication import ClientPrincipal

    # DRF's stubs know people only: an app's key signs in as a ClientPrincipal.
    Caller = AnyUser | ClientPrincipal


def request_person(request: Request) -> AuthUser:
    """The signed-in person asking, for views whose permission admits people
    only (`PersonLearning`, `TokenOwner`); 401 for anyone else."""
    user = request.user
    # An app's key signs in as a ClientPrincipal, not a user row.
    if not isinstance(user, AbstractBaseUser):
        raise exceptions.NotAuthenticated()
    return user


def request_scopes(request: Request) -> set[str] | None:
    """The scopes of the key or token used, or None for anonymous/session callers."""
    credential = getattr(request, "auth", None)
    scopes = getattr(credential, "scopes", None)
    return None if scopes is None else set(scopes)


class ContentRead(BasePermission):
    """Content is public: anyone may read it without a key; a key, when given,
    must carry `content:read` (else 403 `scope_missing`)."""

    message = _("This key does not have the content:read scope.")
    code = "scope_missing"
    # The schema declares authentication optional (api/openapi.py).
    admits_anonymous = True

    def has_permission(self, request: Request, view: "APIView") -> bool:
        scopes = request_scopes(request)
        return scopes is None or Scope.CONTENT_READ in scopes


class TokenOwner(BasePermission):
    """A signed-in person (session or personal token); not an app's key."""

    def has_permission(self, request: Request, view: "APIView") -> bool:
        from .authentication import ClientPrincipal

        user: Caller = request.user
        return bool(
            user and user.is_authenticated and not isinstance(user, ClientPrincipal)
        )


class LearningRead(BasePermission):
    """Public learning data (editions, information sessions): anyone; a key,
    when given, must carry `learning:read` (else 403 `scope_missing`)."""

    message = _("This key does not have the learning:read scope.")
    code = "scope_missing"
    # The schema declares authentication optional (api/openapi.py).
    admits_anonymous = True

    def has_permission(self, request: Request, view: "APIView") -> bool:
        scopes = request_scopes(request)
        return scopes is None or Scope.LEARNING_READ in scopes


class LearningWrite(BasePermission):
    """Writes to learning data: a signed-in person (session with CSRF, or a
    personal token) or an app whose key carries `learning:write`."""

    message = _("This key does not have the learning:write scope.")
    code = "scope_missing"

    def has_permission(self, request: Request, view: "APIView") -> bool:
        user: Caller = request.user
        if not (user and user.is_authenticated):
            return False
        scopes = request_scopes(request)
        return scopes is None or Scope.LEARNING_WRITE in scopes


class SignedLinkWrite(BasePermission):
    """Writes authorised by a signed token in the path (an offer's answer):
    anyone holding it, no account needed; a key, when given, must carry
    `learning:write` (else 403 `scope_missing`)."""

    message = _("This key does not have the learning:write scope.")
    code = "scope_missing"
    admits_anonymous = True

    def has_permission(self, request: Request, view: "APIView") -> bool:
        scopes = request_scopes(request)
        return scopes is None or Scope.LEARNING_WRITE in scopes


class OpenLearning(BasePermission):
    """Learning actions that need no account (answering an event's invitation,
    changing that answer with the link from its email): anyone; a key, when
    given, must carry `learning:read` to read and `learning:write` to write
    (else 403 `scope_missing`)."""

    code = "scope_missing"
    admits_anonymous = True

    def has_permission(self, request: Request, view: "APIView") -> bool:
        scopes = request_scopes(request)
        if request.method in ("GET", "HEAD", "OPTIONS"):
            needed, self.message = Scope.LEARNING_READ, LearningRead.message
        else:
            needed, self.message = Scope.LEARNING_WRITE, LearningWrite.message
        return scopes is None or needed in scopes


class PersonLearning(BasePermission):
    """A person's own learning data (enrolments, forum, attendance): a signed-in
    person, never an app's key; reads need `learning:read`, writes
    `learning:write` (personal tokens carry both)."""

    message = _("This endpoint is for signed-in people, not for an app's key.")
    code = "person_required"

    def has_permission(self, request: Request, view: "APIView") -> bool:
        from .authentication import ClientPrincipal

        user: Caller = request.user
        if not (user and user.is_authenticated) or isinstance(user, ClientPrincipal):
            return False
        scopes = request_scopes(request)
        needed = (
            Scope.LEARNING_READ
            if request.method in ("GET", "HEAD", "OPTIONS")
            else Scope.LEARNING_WRITE
        )
        return scopes is None or needed in scopes


class MelRead(BasePermission):
    """MEL indicators: a signed-in coordinator or facilitator (session, or a
    personal token, which carries `learning:read`), or an app whose key carries
    `mel:read` (else 403 `scope_missing`). Which editions each may read is the
    domain's decision (learning.mel.indicators.access)."""

    message = _("This key does not have the mel:read scope.")
    code = "scope_missing"

    def has_permission(self, request: Request, view: "APIView") -> bool:
        from .authentication import ClientPrincipal

        user: Caller = request.user
        if not (user and user.is_authenticated):
            return False
        scopes = request_scopes(request)
        if isinstance(user, ClientPrincipal):
            return scopes is not None and Scope.MEL_READ in scopes
        return scopes is None or Scope.LEARNING_READ in scopes
