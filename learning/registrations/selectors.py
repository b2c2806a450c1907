"""Reads of seminar registrations: a run's state, its lists and counts."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from learning.catalogue.enums import ProgrammeFormat
from learning.catalogue.selectors import programme_target_groups
from learning.core.openings import opening_is_held
from learning.editions.models import Edition

from .enums import ACTIVE_STATUSES, RegistrationStatus
from .models import Registration

# What a visitor can do now; the site and the API show the same.
STATE_NOT_OFFERED = "not_offered"  # not a seminar run
STATE_NOT_OPEN = "not_open"
STATE_OPEN = "open"
STATE_WAITLIST = "waitlist"  # full: registering puts one on the waitlist
STATE_CLOSED = "closed"


@dataclass(frozen=True)
class RegistrationState:
    """Whether a run takes registrations now, and its places left.

    `is_held`: the translation gate holds a run its dates would open (the status
    then reads "not_open"), so the page says why.
    """

    status: str
    places: int
    places_left: int
    is_held: bool = False

    @property
    def is_open(self) -> bool:
        return self.status in (STATE_OPEN, STATE_WAITLIST)


@dataclass(frozen=True)
class GroupCount:
    """How many active registrations name one target group (localised name)."""

    id: str
    name: str
    confirmed: int
    waitlisted: int


def registration_state(
    *, edition: Edition, now: datetime | None = None
) -> RegistrationState:
    """The run's registration state, from its window, places and the gate."""
    now = now or timezone.now()
    confirmed = Registration.objects.filter(edition=edition).confirmed().count()
    left = max(edition.places - confirmed, 0)
    status = _status(edition, now=now, places_left=left)
    # Only a run its dates would open asks the gate (no query otherwise).
    held = status in (STATE_OPEN, STATE_WAITLIST) and opening_is_held(subject=edition)
    return RegistrationState(
        status=STATE_NOT_OPEN if held else status,
        places=edition.places,
        places_left=left,
        is_held=held,
    )


def _status(edition: Edition, *, now: datetime, places_left: int) -> str:
    if edition.programme.programme_format != ProgrammeFormat.SEMINAR:
        return STATE_NOT_OFFERED
    if now < edition.enrolment_opens_at:
        return STATE_NOT_OPEN
    if now >= edition.enrolment_closes_at:
        return STATE_CLOSED
    return STATE_OPEN if places_left else STATE_WAITLIST


def registration_list(*, edition: Edition | None = None) -> QuerySet[Registration]:
    """Registrations with their run and programme, oldest first (admin and API)."""
    rows = Registration.objects.select_related("edition__programme")
    if edition is not None:
        rows = rows.filter(edition=edition)
    return rows.order_by("created_at", "pk")


def registration_group_counts(*, edition: Edition) -> list[GroupCount]:
    """Active registrations per target group of the run's programme, in its order.

    Groups no longer on the page and registrations without one are counted
    under an empty id, last, so the counts always add up.
    """
    counts = {
        row["target_group"]: row
        for row in Registration.objects.filter(
            edition=edition, status__in=ACTIVE_STATUSES
        )
        .values("target_group")
        .annotate(
            confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
        )
    }
    groups = programme_target_groups(programme=edition.programme)
    rows = [
        _group_count(group.id, group.name, counts.pop(group.id, None))
        for group in groups
    ]
    other = list(counts.values())
    if other:
        rows.append(
            GroupCount(
                id="",
                name="",
                confirmed=sum(row["confirmed"] for row in other),
                waitlisted=sum(row["waitlisted"] for row in other),
            )
        )
    return rows


def _group_count(group_id: str, name: str, row: Mapping[str, Any] | None) -> GroupCount:
    return GroupCount(
        id=group_id,
        name=name,
        confirmed=row["confirmed"] if row else 0,
        waitlisted=row["waitlisted"] if row else 0,
    )


def registration_target_group_names(*, edition: Edition) -> dict[str, str]:
    """Each target group's id and name in the active language, for lists."""
    return {
        group.id: group.name
        for group in programme_target_groups(programme=edition.programme)
    }
