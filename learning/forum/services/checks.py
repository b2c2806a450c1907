"""Who may write in an edition's forum, and whether it is still open.

Shared by the forum's services; the views have already hidden other editions
behind a 404.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from learning.core.types import AuthUser
from learning.editions.models import Edition
from learning.enrolments.membership import edition_role_for_user

from ..permissions import ForumPermissionDenied, forum_can_moderate
from ..selectors import forum_is_read_only


def open_check(*, edition: Edition, now: datetime) -> None:
    """Refuse writes once the edition has finished (its forum is read-only)."""
    if forum_is_read_only(edition=edition, now=now):
        raise ValidationError(
            _("This edition has finished: its forum is kept for reading only."),
            code="edition_finished",
        )


def member_check(*, user: AuthUser, edition: Edition) -> None:
    """Refuse users who hold no role in the edition."""
    if edition_role_for_user(user=user, edition=edition) is None:
        raise ForumPermissionDenied(
            _("Only members of the edition can do this."), code="not_a_member"
        )


def moderator_check(*, user: AuthUser, edition: Edition) -> None:
    """Refuse users who may not moderate the edition's forum."""
    if not forum_can_moderate(user=user, edition=edition):
        raise ForumPermissionDenied(
            _("Only the edition's facilitators and coordinators can do this."),
            code="not_a_moderator",
        )
