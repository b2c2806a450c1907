"""The participants' readiness in the forum's digest before a meeting.

The forum sits below this app (import-linter layers), so it cannot ask for the
readiness itself: apps.py registers `READINESS_SECTION` under the forum's
`MEETING_DIGEST` (see learning/core/digests.py).
"""

from collections.abc import Mapping, Sequence
from typing import Any

from django.urls import reverse
from django.utils import translation

from learning.core.digests import DigestSection
from learning.core.types import AuthUser
from learning.editions.models import Meeting
from learning.notifications.emails import site_url

from .selectors import meeting_readiness_for_edition, readiness_may_read


def meeting_readiness_digest_context(
    *, subject: Meeting, users: Sequence[AuthUser], language: str
) -> Mapping[int, Mapping[str, Any]]:
    """The meeting's readiness by organisation, for the recipients who may read
    it (the edition's staff); nothing when the meeting asks no preparation."""
    readers = [
        user for user in users if readiness_may_read(user=user, edition=subject.edition)
    ]
    if not readers:
        return {}
    items = meeting_readiness_for_edition(
        edition=subject.edition, language=language, meeting_ids=[subject.pk]
    )
    item = items[0] if items else None
    if item is None or not (item.materials or item.questions):
        return {}
    context = {"readiness": item, "readiness_url": _page_url(subject, language)}
    return {user.pk: context for user in readers}


def _page_url(meeting: Meeting, language: str) -> str:
    with translation.override(language):
        path = reverse(
            "preparation:readiness", kwargs={"edition_id": meeting.edition_id}
        )
    # The page's heading of the meeting, so the link opens at it.
    return f"{site_url()}{path}#readiness-{meeting.pk}-title"


READINESS_SECTION = DigestSection(
    key="preparation.readiness",
    template="emails/digest_sections/meeting_readiness",
    context=meeting_readiness_digest_context,
)
