"""What other apps may add to the facilitators' digest before a meeting.

The forum sends the digest (tasks.forum_digest_email_send) but sits below the
apps that know more about a meeting, such as the preparation for it. They
register a `learning.core.digests.DigestSection` under `MEETING_DIGEST`; its
`context` is called with `subject` the digest's `Meeting` (with its edition),
`users` the facilitators receiving it who read `language`, and answers for
those who may see the section.
"""

from collections.abc import Callable, Iterable

from learning.core.digests import RenderedSection, digest_sections_render
from learning.core.types import AuthUser
from learning.editions.models import Meeting

MEETING_DIGEST = "forum.meeting_digest"


def meeting_digest_sections(
    *,
    meeting: Meeting,
    users: Iterable[AuthUser],
    language_of: Callable[[AuthUser], str],
) -> dict[int, list[RenderedSection]]:
    """Each recipient's added sections of the meeting's digest, by user pk."""
    return digest_sections_render(
        digest=MEETING_DIGEST, subject=meeting, users=users, language_of=language_of
    )
