"""Reads of enrolments, shaped once for the lists that show them."""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from learning.core.conf import offer_hours
from learning.core.types import AuthUser
from learning.editions.enums import EditionStatus
from learning.editions.models import Edition
from learning.editions.selectors import edition_is_held, edition_status_compute

from .enums import ACTIVE_STATUSES, PLACE_HOLDING_STATUSES, EnrolmentStatus
from .models import Enrolment, Participant


@dataclass(frozen=True)
class EditionAvailability:
    """An edition's status with its places, for a page or an API response.

    `is_held`: the translation gate holds an enrolment its dates would open (the
    status then reads UPCOMING), so the page says why instead of a form.
    """

    status: EditionStatus
    places: int
    places_taken: int
    places_left: int
    waitlist_length: int
    is_held: bool = False


def edition_get_availability(
    *, edition: Edition, now: datetime | None = None
) -> EditionAvailability:
    """Status, places taken and left, and the waitlist's length, in one query."""
    counts = edition.enrolments.aggregate(
        taken=Count("pk", filter=Q(status__in=PLACE_HOLDING_STATUSES)),
        waiting=Count("pk", filter=Q(status=EnrolmentStatus.WAITLISTED)),
    )
    now = now or timezone.now()
    held = edition_is_held(edition=edition, now=now)
    status = edition_status_compute(
        edition=edition, places_taken=counts["taken"], now=now, held=held
    )
    return EditionAvailability(
        status=status,
        places=edition.places,
        places_taken=counts["taken"],
        places_left=max(edition.places - counts["taken"], 0),
        waitlist_length=counts["waiting"],
        is_held=held,
    )


def enrolment_list_for_edition(
    *, edition: Edition, statuses: Collection[str] | None = None
) -> QuerySet[Enrolment]:
    """An edition's enrolments with organisation, current representatives, modules."""
    enrolments = Enrolment.objects.filter(edition=edition)
    if statuses is not None:
        enrolments = enrolments.filter(status__in=statuses)
    current = Participant.objects.filter(is_active=True).order_by("created_at", "pk")
    return enrolments.select_related(
        "organisation__possible_duplicate_of"
    ).prefetch_related(
        Prefetch("participants", queryset=current, to_attr="current_participants"),
        "modules",
    )


def enrolment_waitlist(*, edition: Edition) -> QuerySet[Enrolment]:
    """The edition's waitlist, first in line first."""
    return (
        Enrolment.objects.waitlisted()
        .filter(edition=edition)
        .select_related("organisation")
    )


def enrolment_list_offers_past_deadline(*, now: datetime) -> QuerySet[Enrolment]:
    """Offers still unanswered at their deadline, oldest first (for offers_expire)."""
    # The same bound as offers.offer_has_lapsed: promoted_at + hours <= now.
    cutoff = now - timedelta(hours=offer_hours())
    return Enrolment.objects.filter(
        status=EnrolmentStatus.OFFERED, promoted_at__lte=cutoff
    ).order_by("promoted_at", "pk")


def participant_list_for_user(*, user: AuthUser) -> QuerySet[Participant]:
    """Where the user currently represents an organisation, newest edition first."""
    return (
        Participant.objects.filter(user=user, is_active=True)
        .select_related("enrolment__organisation", "edition")
        .order_by("-edition__starts_on", "pk")
    )


def enrolment_list_for_admin() -> QuerySet[Enrolment]:
    """Every enrolment shaped like enrolment_list_for_edition, with its edition."""
    current = Participant.objects.filter(is_active=True).order_by("created_at", "pk")
    return Enrolment.objects.select_related(
        "edition", "organisation__possible_duplicate_of"
    ).prefetch_related(
        Prefetch("participants", queryset=current, to_attr="current_participants"),
        "modules",
    )


def enrolment_actions_available(*, enrolment: Enrolment) -> frozenset[str]:
    """The coordinator actions the services accept for the enrolment's status."""
    actions: set[str] = set()
    if enrolment.status in ACTIVE_STATUSES:
        actions |= {"reject", "withdraw", "replace"}
    if enrolment.status in {EnrolmentStatus.PENDING_APPROVAL, EnrolmentStatus.OFFERED}:
        actions.add("confirm")
    if enrolment.status == EnrolmentStatus.WAITLISTED and enrolment.promoted_at is None:
        actions.add("promote")
    if enrolment.organisation.possible_duplicate_of_id is not None:
        actions |= {"merge", "keep_separate"}
    return frozenset(actions)
