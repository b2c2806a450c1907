"""Who may review proposals: the secretariat (a permission) and superusers."""

from typing import Any

# The demo's "Secretariat" group holds it; coordinators may hold it too.
REVIEW_PERMISSION = "proposals.add_proposalreview"


def user_is_reviewer(user: Any) -> bool:
    """True for an active superuser or a holder of the review permission."""
    if not getattr(user, "is_active", False):
        return False
    return bool(user.is_superuser or user.has_perm(REVIEW_PERMISSION))
