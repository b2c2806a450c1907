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
from typing import Any

from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Q, QuerySet

from learning.core.types import AnyUser
from learning.editions.models import Edition

from .enums import EnrolmentStatus
from .models import Participant

COORDINATOR_PERMISSION = "editions.change_edition"
# A participant row that makes its person a member: active, place confirmed.
_MEMBER = Q(is_active=True, enrolment__status=EnrolmentStatus.CONFIRMED)
# The names under which `edition_role_flags` annotates a row.
ROLE_FLAGS = ("role_is_coordinator", "role_is_facilitator", "role_is_participant")


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
    return Participant.objects.filter(_MEMBER, edition=edition)


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


def edition_role_flags(
    *, user_id: Any, is_superuser: bool, edition: Any
) -> dict[str, Exists]:
    """A user's roles in `edition` (a pk or an OuterRef) as SQL flags named
    ROLE_FLAGS, for callers that read a row and the reader's role in one query.

    The coordinator flag is `has_perm(COORDINATOR_PERMISSION)` as Django's
    ModelBackend answers it for an active user (a permission of theirs or of one
    of their groups; a superuser holds every one): the role is asked on every
    forum read, where an EXISTS costs less than has_perm's two queries.
    """
    app_label, codename = COORDINATOR_PERMISSION.split(".")
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    )
    if not is_superuser:
        permission = permission.filter(Q(user=user_id) | Q(group__user=user_id))
    return {
        "role_is_coordinator": Exists(permission),
        "role_is_facilitator": Exists(
            Edition.facilitators.through.objects.filter(
                edition_id=edition, user_id=user_id
            )
        ),
        "role_is_participant": Exists(
            Participant.objects.filter(_MEMBER, edition_id=edition, user_id=user_id)
        ),
    }


def edition_role_from_flags(
    *, user: AnyUser | None, flags: dict[str, Any]
) -> EditionRole | None:
    """The strongest role that a row annotated by `edition_role_flags` names."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if flags["role_is_coordinator"]:
        return EditionRole.COORDINATOR
    if flags["role_is_facilitator"]:
        return EditionRole.FACILITATOR
    if flags["role_is_participant"]:
        return EditionRole.PARTICIPANT
    return None


def edition_role_for_user(
    *, user: AnyUser | None, edition: Edition
) -> EditionRole | None:
    """The user's strongest role in the edition, or None when not a member
    (one query)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    row = (
        Edition.objects.filter(pk=edition.pk)
        .annotate(
            **edition_role_flags(
                user_id=user.pk, is_superuser=user.is_superuser, edition=OuterRef("pk")
            )
        )
        .values(*ROLE_FLAGS)
        .first()
    )
    return None if row is None else edition_role_from_flags(user=user, flags=row)


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
