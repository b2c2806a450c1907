"""Places and the waitlist. Every function here runs under the edition's lock."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, F, Max, Q

from learning.editions.models import Edition

from ..emails import enrolment_status_notify
from ..enums import PLACE_HOLDING_STATUSES, EnrolmentStatus
from ..models import Enrolment


@dataclass(frozen=True)
class EditionCounts:
    """Places taken and the last waitlist position (0 when nobody waits)."""

    places_taken: int
    last_position: int


def edition_counts(*, edition: Edition) -> EditionCounts:
    """Places taken and the waitlist's length, in one query."""
    counts = Enrolment.objects.filter(edition=edition).aggregate(
        taken=Count("pk", filter=Q(status__in=PLACE_HOLDING_STATUSES)),
        last=Max("waitlist_position", filter=Q(status=EnrolmentStatus.WAITLISTED)),
    )
    return EditionCounts(
        places_taken=counts["taken"], last_position=counts["last"] or 0
    )


def enrolment_status_set(
    *, enrolment: Enrolment, status: EnrolmentStatus, now: datetime, **changes: object
) -> Enrolment:
    """Move the enrolment to `status`, leaving the waitlist unless it joins it."""
    enrolment.status = status
    enrolment.status_changed_at = now
    if status != EnrolmentStatus.WAITLISTED:
        enrolment.waitlist_position = None
    for name, value in changes.items():
        setattr(enrolment, name, value)
    enrolment.full_clean()
    enrolment.save()
    enrolment_status_notify(enrolment=enrolment, status=status)
    return enrolment


def waitlist_promote(
    *, enrolment: Enrolment, status: EnrolmentStatus, now: datetime
) -> Enrolment:
    """Take a waitlisted enrolment off the list into `status`, stamped as promoted."""
    position = enrolment.waitlist_position or 0
    enrolment_status_set(enrolment=enrolment, status=status, now=now, promoted_at=now)
    waitlist_close_gap(edition_id=enrolment.edition_id, position=position)
    return enrolment


def waitlist_close_gap(*, edition_id: int, position: int) -> None:
    """Move everyone behind `position` one place up, keeping positions 1..n."""
    behind = Enrolment.objects.filter(
        edition_id=edition_id,
        status=EnrolmentStatus.WAITLISTED,
        waitlist_position__gt=position,
    ).order_by("waitlist_position")
    # One row at a time, front first: a single UPDATE could briefly give two
    # rows the same position and break the unique constraint on PostgreSQL.
    for pk in behind.values_list("pk", flat=True):
        Enrolment.objects.filter(pk=pk).update(
            waitlist_position=F("waitlist_position") - 1
        )


def waitlist_offer_free_places(*, edition: Edition, now: datetime) -> list[Enrolment]:
    """Offer each free place to the next organisation on the waitlist."""
    free = edition.places - edition_counts(edition=edition).places_taken
    offered: list[Enrolment] = []
    for _place in range(max(free, 0)):
        first = Enrolment.objects.waitlisted().filter(edition=edition).first()
        if first is None:
            break
        offered.append(
            waitlist_promote(enrolment=first, status=EnrolmentStatus.OFFERED, now=now)
        )
    return offered
