"""Files members share in an edition, and who may open or moderate them: reads
shared materials, scoped by `learning.enrolments.membership`."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from learning.core.paging import (
    DEFAULT_PAGE_SIZE,
    CursorPage,
    cursor_decode,
    cursor_encode,
    cursor_moment,
    page_size,
)
from learning.core.types import AnyUser
from learning.editions.models import Edition
from learning.enrolments.membership import (
    EditionRole,
    edition_get_for_member,
    edition_list_for_member,
    edition_role_for_user,
    user_is_coordinator,
)

from ..models import SharedMaterial

STAFF_ROLES = (EditionRole.FACILITATOR, EditionRole.COORDINATOR)


@dataclass(frozen=True)
class MemberEdition:
    """An edition the user belongs to, and whether they moderate its materials."""

    edition: Edition
    can_moderate: bool


def member_edition_list(*, user: AnyUser | None) -> list[MemberEdition]:
    """The editions whose materials the user may open, newest first."""
    editions = list(edition_list_for_member(user=user).order_by("-starts_on", "pk"))
    if not editions or user is None or not user.is_authenticated:
        return []
    coordinator = user_is_coordinator(user=user)
    facilitated = set(
        Edition.objects.filter(facilitators=user).values_list("pk", flat=True)
    )
    return [MemberEdition(e, coordinator or e.pk in facilitated) for e in editions]


def shared_material_list_for_user(
    *, user: AnyUser | None, edition_id: int
) -> tuple[Edition, Any]:
    """The edition and its shared materials the user may see, newest first.

    Hidden ones only for facilitators and coordinators. Raises
    `Edition.DoesNotExist` when the user is not a member.
    """
    edition = edition_get_for_member(user=user, pk=edition_id)
    materials = SharedMaterial.objects.filter(edition=edition).select_related(
        "shared_by", "hidden_by"
    )
    if edition_role_for_user(user=user, edition=edition) not in STAFF_ROLES:
        materials = materials.visible()
    return edition, materials


def shared_material_page_for_user(
    *,
    user: AnyUser | None,
    edition_id: int,
    cursor: str = "",
    limit: int = DEFAULT_PAGE_SIZE,
) -> tuple[Edition, CursorPage[SharedMaterial]]:
    """The edition and one page of its shared materials the user may see.

    Newest first, keyset-paged on (created_at, id): a deep page costs what the
    first does. Scoped as `shared_material_list_for_user`.
    """
    edition, materials = shared_material_list_for_user(user=user, edition_id=edition_id)
    size = page_size(limit)
    after = cursor_decode(cursor, 2)
    moment = cursor_moment(after[0]) if after else None
    if after and moment is not None and isinstance(after[1], int):
        older = Q(created_at__lt=moment) | Q(created_at=moment, pk__lt=after[1])
        materials = materials.filter(older)
    rows = list(materials.order_by("-created_at", "-pk")[: size + 1])
    next_cursor = ""
    if len(rows) > size:
        rows = rows[:size]
        next_cursor = cursor_encode([rows[-1].created_at.isoformat(), rows[-1].pk])
    return edition, CursorPage(items=rows, next_cursor=next_cursor)


def shared_material_get_for_user(*, user: AnyUser | None, pk: int) -> SharedMaterial:
    """The material when the user may see it; `SharedMaterial.DoesNotExist` otherwise.

    Members of its edition see it unless hidden; facilitators and coordinators
    also see hidden ones.
    """
    material = SharedMaterial.objects.select_related("edition", "shared_by").get(
        pk=pk, edition__in=edition_list_for_member(user=user)
    )
    if material.is_hidden and not shared_material_can_moderate(
        user=user, edition=material.edition
    ):
        raise SharedMaterial.DoesNotExist
    return material


def shared_material_can_moderate(*, user: AnyUser | None, edition: Edition) -> bool:
    """Whether the user may hide and restore the edition's shared materials."""
    return edition_role_for_user(user=user, edition=edition) in STAFF_ROLES
