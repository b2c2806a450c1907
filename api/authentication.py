"""Who is asking: an app's key or a person's token (`Authorization: Bearer <key>`),
or the site's session (with CSRF, DRF's SessionAuthentication) from the site's own
pages only."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import (
    BaseAuthentication,
    SessionAuthentication,
    get_authorization_header,
)
from rest_framework.request import Request

from .keys import credential_for_key, credential_touch
from .models import ApiClient, PersonalToken


class ClientPrincipal:
    """request.user for an app's key: not a person, never staff."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_staff = False
    is_superuser = False
    pk = None

    def __init__(self, client: ApiClient) -> None:
        self.client = client

    def __str__(self) -> str:
        return f"client:{self.client.prefix}"


class KeyAuthentication(BaseAuthentication):
    """Bearer keys of ApiClient rows and PersonalToken rows. A revoked or expired
    credential is refused on the next request (401 with WWW-Authenticate)."""

    keyword = b"bearer"

    def authenticate(
        self, request: Request
    ) -> tuple[AbstractBaseUser | ClientPrincipal, ApiClient | PersonalToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("The Authorization header must be: Bearer <key>."),
                code="key_invalid",
            )
        credential = credential_for_key(parts[1].decode("latin-1"))
        if credential is None:
            raise exceptions.AuthenticationFailed(
                _("This key is not valid."), code="key_invalid"
            )
        if credential.revoked_at is not None:
            raise exceptions.AuthenticationFailed(
                _("This key has been revoked."), code="key_revoked"
            )
        if not credential.is_active:
            raise exceptions.AuthenticationFailed(
                _("This key has expired."), code="key_expired"
            )
        credential_touch(credential)
        if isinstance(credential, ApiClient):
            return (ClientPrincipal(credential), credential)
        if not credential.user.is_active:
            raise exceptions.AuthenticationFailed(
                _("This key is not valid."), code="key_invalid"
            )
        return (credential.user, credential)

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'


class SameOriginSessionAuthentication(SessionAuthentication):
    """The site's session, unless the request comes from another origin's page.

    Pages on other origins may read the API (api.cors), but never as the person
    signed in to the site: their requests are anonymous unless they send a key.
    """

    def authenticate(self, request: Request) -> tuple[AbstractBaseUser, None] | None:
        origin = request.headers.get("Origin")
        if origin and not _is_own_origin(request, origin):
            return None
        return super().authenticate(request)


def _is_own_origin(request: Request, origin: str) -> bool:
    # As Django's CSRF check: the request's own scheme and host, or a trusted one.
    scheme = "https" if request.is_secure() else "http"
    own = f"{scheme}://{request.get_host()}"
    return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS
