"""Signed links that let a person cancel their registration without an account.

The link carries the registration's id and address signed with the site's
secret key, so nothing is stored; it stops working when the row is gone or its
address is erased.
"""

from django.core import signing

from .models import Registration

_SALT = "learning.registrations.cancel"


def registration_token_make(*, registration: Registration) -> str:
    """The signed token of the registration's cancel link."""
    return signing.dumps([registration.pk, registration.email], salt=_SALT)


def registration_from_token(*, token: str) -> Registration | None:
    """The registration the token points at; None for a forged or outdated link."""
    try:
        pk, email = signing.loads(token, salt=_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return (
        Registration.objects.select_related("edition__programme")
        .filter(pk=pk, email=email)
        .first()
    )
