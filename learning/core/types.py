"""Type aliases for the type checker, shared by every learning app.

The plugin works with whatever user model the site names in AUTH_USER_MODEL, so it
never imports that model. django-stubs' mypy plugin expands its private aliases to
the configured model, which lets the checker see the site's real user fields.
"""

from typing import TYPE_CHECKING, TypeAlias

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

if TYPE_CHECKING:
    from django.contrib.auth.models import _AnyUser, _User

    AuthUser: TypeAlias = _User
    """A signed-in person: the AUTH_USER_MODEL class."""
    AnyUser: TypeAlias = _AnyUser
    """Who made a request: a signed-in person or the anonymous visitor."""
else:
    # At run time an annotation needs only a name that resolves (nothing inspects
    # them), and auth's models module may not be importable yet while apps load.
    AuthUser = AbstractBaseUser
    AnyUser = AbstractBaseUser

__all__ = ["AnyUser", "AuthUser", "signed_in_user"]


def signed_in_user(request: HttpRequest) -> AuthUser:
    """The request's user, in a view only signed-in people reach (the admin, or
    behind login_required); PermissionDenied should an anonymous one get there."""
    user = request.user
    if not user.is_authenticated:
        raise PermissionDenied
    return user
