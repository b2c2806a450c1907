"""Offered places lapse: an offer unanswered by its deadline goes onward, once."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.editions.models import Edition

from ..enums import EnrolmentStatus
from ..models import Enrolment
from ..offers import offer_deadline, offer_has_lapsed
from ..selectors import enrolment_list_offers_past_deadline
from .records import enrolment_decision_log
from .waitlist import enrolment_status_set, waitlist_offer_free_places


def offers_expire(*, now: datetime | None = None) -> list[Enrolment]:
    """Lapse every offer unanswered at its deadline; each place goes to the next."""
    now = now or timezone.now()
    lapsed: list[Enrolment] = []
    for enrolment in enrolment_list_offers_past_deadline(now=now):
        expired = offer_expire(enrolment=enrolment, now=now)
        if expired is not None:
            lapsed.append(expired)
    return lapsed


def offer_expire(*, enrolment: Enrolment, now: datetime) -> Enrolment | None:
    """Lapse one offer past its deadline; None when it was answered meanwhile."""
    # One transaction per offer: an error in one edition leaves the others lapsed.
    with transaction.atomic():
        edition = Edition.objects.lock(pk=enrolment.edition_id)
        enrolment = Enrolment.objects.get(pk=enrolment.pk)
        # Under the lock, so that an answer or a second run in between wins.
        if enrolment.status != EnrolmentStatus.OFFERED or not offer_has_lapsed(
            enrolment=enrolment, now=now
        ):
            return None
        enrolment.edition = edition
        deadline = offer_deadline(enrolment=enrolment)
        enrolment_status_set(
            enrolment=enrolment, status=EnrolmentStatus.OFFER_EXPIRED, now=now
        )
        enrolment_decision_log(
            enrolment=enrolment,
            action="offer_expire",
            actor=None,
            data={"deadline": deadline.isoformat() if deadline else None},
        )
        # Its representatives leave with it, as when an offer is declined.
        enrolment.participants.filter(is_active=True).update(is_active=False)
        waitlist_offer_free_places(edition=edition, now=now)
    return enrolment


def offer_open_require(*, enrolment: Enrolment, now: datetime) -> None:
    """Refuse an answer to an offer past its deadline (code `offer_expired`)."""
    if offer_has_lapsed(enrolment=enrolment, now=now):
        raise ValidationError(
            _(
                "This offer has lapsed: the place goes to the next organisation "
                "on the waitlist."
            ),
            code="offer_expired",
        )
