"""Who may do what in an edition's forum; the rules the services and selectors share."""

from django.core.exceptions import PermissionDenied

from learning.core.types import AnyUser
from learning.editions.models import Edition
from learning.enrolments.membership import EditionRole, edition_role_for_user

MODERATOR_ROLES = frozenset({EditionRole.FACILITATOR, EditionRole.COORDINATOR})


def forum_can_moderate(*, user: AnyUser | None, edition: Edition) -> bool:
    """Facilitators of the edition and coordinators pin, lock, hide and restore."""
    return edition_role_for_user(user=user, edition=edition) in MODERATOR_ROLES


class ForumPermissionDenied(PermissionDenied):
    """A refusal with a stable `code`, like ValidationError's, for callers to keep."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
