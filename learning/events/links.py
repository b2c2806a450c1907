"""Signed links that let a person change their RSVP without an account.

The link carries the RSVP's id signed with the site's secret key, so nothing is
stored; it stops working when the RSVP is gone, and the services refuse a change
after the deadline.
"""

from django.core import signing

from .models import EventRsvp

_SALT = "learning.events.rsvp"


def rsvp_token_make(*, rsvp: EventRsvp) -> str:
    """The signed token of the RSVP's change link."""
    return signing.dumps([rsvp.pk, rsvp.email], salt=_SALT)


def rsvp_from_token(*, token: str) -> EventRsvp | None:
    """The RSVP the token points at; None for a forged or outdated link."""
    try:
        pk, email = signing.loads(token, salt=_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return (
        EventRsvp.objects.select_related("event__page")
        .filter(pk=pk, email=email)
        .first()
    )
