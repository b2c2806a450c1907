"""Who belongs to an edition's closed community, and in which role.

Every read of an edition's forum, shared materials and attendance starts here:
the per-resource selectors filter by `edition_list_for_member`, so a member of
edition A can neither read nor confirm the existence of edition B's rows.

- A *participant* is an active representative of an enrolment that holds a
  confirmed place.
- A *facilitator* is listed on the edition (`Edition.facilitators`).
- A *coordinator* holds the `editions.change_edition` permission and sees
  every edition.
"""

from enum import StrEnum

from django.db.models import Q, QuerySet

from learning.core.types import AnyUser
from learning.editions.models import Edition

from .enums import EnrolmentStatus
from .models import Participant

COORDINATOR_PERMISSION = "editions.change_edition"


class EditionRole(StrEnum):
    PARTICIPANT = "participant"
    FACILITATOR = "facilitator"
    COORDINATOR = "coordinator"


def user_is_coordinator(*, user: AnyUser | None) -> bool:
    """Whether the user may see and run every edition."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(COORDINATOR_PERMISSION)
    )


def participant_list_members(*, edition: Edition) -> QuerySet[Participant]:
    """The edition's participants who belong to its community (confirmed place)."""
    return Participant.objects.filter(
        edition=edition,
        is_active=True,
        enrolment__status=EnrolmentStatus.CONFIRMED,
    )


def edition_list_for_member(*, user: AnyUser | None) -> QuerySet[Edition]:
    """The editions whose community the user belongs to (all for coordinators)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Edition.objects.none()
    if user_is_coordinator(user=user):
        return Edition.objects.all()
    as_participant = Q(
        participants__user=user,
        participants__is_active=True,
        participants__enrolment__status=EnrolmentStatus.CONFIRMED,
    )
    as_facilitator = Q(facilitators=user)
    ids = Edition.objects.filter(as_participant | as_facilitator).values("pk")
    return Edition.objects.filter(pk__in=ids)


def edition_list_facilitated(*, user: AnyUser | None) -> QuerySet[Edition]:
    """The editions the user facilitates, newest first, with their programme."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Edition.objects.none()
    return (
        Edition.objects.filter(facilitators=user)
        .select_related("programme")
        .order_by("-starts_on", "pk")
    )


def edition_role_for_user(
    *, user: AnyUser | None, edition: Edition
) -> EditionRole | None:
    """The user's strongest role in the edition, or None when not a member."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if user_is_coordinator(user=user):
        return EditionRole.COORDINATOR
    if edition.facilitators.filter(pk=user.pk).exists():
        return EditionRole.FACILITATOR
    if participant_list_members(edition=edition).filter(user=user).exists():
        return EditionRole.PARTICIPANT
    return None


def edition_get_for_member(*, user: AnyUser | None, pk: int) -> Edition:
    """The edition when the user is a member; `Edition.DoesNotExist` otherwise.

    Views turn the exception into a 404, so non-members cannot tell an edition
    they may not see from one that does not exist.
    """
    return edition_list_for_member(user=user).get(pk=pk)


def participant_get_for_user(
    *, user: AnyUser | None, edition: Edition
) -> Participant | None:
    """The user's own member participant row in the edition, if any."""
    if user is None or not user.is_authenticated:
        return None
    return (
        participant_list_members(edition=edition)
        .filter(user=user)
        .select_related("enrolment__organisation")
        .first()
    )
