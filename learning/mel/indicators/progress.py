"""A participant's own progress in an edition, read by the same indicator
selectors as the team's dashboard, narrowed to that one member."""

from dataclasses import dataclass
from datetime import datetime

from learning.core.types import AnyUser
from learning.editions.models import Edition
from learning.enrolments.membership import participant_get_for_user

from .activity import attendance_rate, forum_activity, materials_reviewed
from .figures import Rate
from .frame import Filters, edition_frame_build
from .surveys import survey_response_rate


@dataclass(frozen=True)
class OwnProgress:
    """The member's attendance, preparation and answers so far."""

    attendance: Rate
    materials: Rate
    forum: Rate
    surveys: Rate


def participant_progress(
    *, user: AnyUser | None, edition: Edition, now: datetime | None = None
) -> OwnProgress | None:
    """The user's own progress in the edition; None when they are not a member.

    Callers: My programme (each edition's section). Only their own rows count.
    """
    member = participant_get_for_user(user=user, edition=edition)
    if member is None:
        return None
    own = Filters(participant_id=member.pk)
    frame = edition_frame_build(edition=edition, filters=own, now=now)
    return OwnProgress(
        *(
            selector(edition=edition, frame=frame).total
            for selector in (
                attendance_rate,
                materials_reviewed,
                forum_activity,
                survey_response_rate,
            )
        )
    )
