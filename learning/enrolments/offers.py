"""Signed links that let an organisation answer the place it was offered.

The link carries the enrolment and the moment of its offer, signed with the
site's secret key, so it needs no account and no stored token. It works once:
after an answer the enrolment is no longer offered, and the services refuse
a second one.
"""

from datetime import datetime, timedelta

from django.core import signing
from django.utils import timezone

from learning.core.conf import offer_hours

from .enums import EnrolmentStatus
from .models import Enrolment

_SALT = "learning.enrolments.offer"
# An offer's deadline is shown while it waits and after it lapsed.
OFFER_STATUSES = (EnrolmentStatus.OFFERED, EnrolmentStatus.OFFER_EXPIRED)


def offer_token_make(*, enrolment: Enrolment) -> str:
    """The signed token of the enrolment's current offer."""
    return signing.dumps([enrolment.pk, _offer_stamp(enrolment)], salt=_SALT)


def enrolment_offer_get(*, token: str) -> Enrolment | None:
    """The enrolment whose offer the token answers; None for a forged or old link."""
    try:
        pk, stamp = signing.loads(token, salt=_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    enrolment = (
        Enrolment.objects.select_related("edition__programme", "organisation")
        .filter(pk=pk)
        .first()
    )
    if enrolment is None or _offer_stamp(enrolment) != stamp:
        return None
    return enrolment


def offer_is_open(*, enrolment: Enrolment) -> bool:
    """Whether the offer still waits for an answer."""
    return enrolment.status == EnrolmentStatus.OFFERED


def offer_deadline(*, enrolment: Enrolment) -> datetime | None:
    """When the offer lapses; None for an enrolment never offered a place."""
    if enrolment.status not in OFFER_STATUSES or enrolment.promoted_at is None:
        return None
    return enrolment.promoted_at + timedelta(hours=offer_hours())


def offer_has_lapsed(*, enrolment: Enrolment, now: datetime | None = None) -> bool:
    """Whether the offer went unanswered past its deadline (lapsed or about to)."""
    if enrolment.status == EnrolmentStatus.OFFER_EXPIRED:
        return True
    deadline = offer_deadline(enrolment=enrolment)
    return deadline is not None and (now or timezone.now()) >= deadline


def _offer_stamp(enrolment: Enrolment) -> int:
    # An enrolment leaves the waitlist once, when it is offered: that moment
    # ties the link to this offer and no other.
    moment = enrolment.promoted_at
    return int(moment.timestamp()) if moment else 0
