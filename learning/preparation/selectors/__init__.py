"""Reads of the preparation for meetings: a participant's next meeting (with its
materials and questions) and the facilitators' readiness per meeting."""

from .marks import PreparationQuestion
from .next_meeting import (
    EditionPreparation,
    MeetingPreparation,
    preparation_for_edition,
    preparation_list_for_user,
)
from .readiness import (
    MeetingReadiness,
    OrganisationReadiness,
    PersonReadiness,
    meeting_readiness_for_edition,
    meeting_readiness_for_staff,
    readiness_may_read,
)
from .reminders import reminder_days_for_users, reminder_days_options

__all__ = [
    "EditionPreparation",
    "MeetingPreparation",
    "MeetingReadiness",
    "OrganisationReadiness",
    "PersonReadiness",
    "PreparationQuestion",
    "meeting_readiness_for_edition",
    "meeting_readiness_for_staff",
    "preparation_for_edition",
    "preparation_list_for_user",
    "readiness_may_read",
    "reminder_days_for_users",
    "reminder_days_options",
]
