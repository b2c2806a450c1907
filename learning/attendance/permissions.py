"""Who may mark attendance: the edition's facilitators and coordinators."""

from django.core.exceptions import PermissionDenied

from learning.core.types import AnyUser
from learning.editions.models import Edition
from learning.enrolments.membership import EditionRole, edition_role_for_user

MARKER_ROLES = frozenset({EditionRole.FACILITATOR, EditionRole.COORDINATOR})


class AttendancePermissionDenied(PermissionDenied):
    """A refusal with a stable `code`, for views and the API to keep."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def attendance_can_mark(*, user: AnyUser | None, edition: Edition) -> bool:
    """Facilitators of the edition and coordinators mark its attendance."""
    return edition_role_for_user(user=user, edition=edition) in MARKER_ROLES
