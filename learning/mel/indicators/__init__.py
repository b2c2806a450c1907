"""MEL indicators: one selector per indicator (its docstring says what it
counts), all of an edition at once in `edition_report`, and who may read them.

Callers: the admin dashboard (learning.mel.views_admin), the exports
(learning.mel.exports), the API (api.learning.mel), the learning note's block
(learning.mel.blocks_indicators) and the participant's own progress.
"""

from .access import (
    mel_can_read_people,
    mel_edition_get_for_user,
    mel_edition_list_for_user,
)
from .activity import (
    attendance_rate,
    certificates_issued,
    forum_activity,
    materials_reviewed,
    waitlist_demand,
)
from .figures import (
    Average,
    Change,
    Count,
    Indicator,
    Rate,
    Row,
    TooFewAnswers,
)
from .frame import EditionFrame, Filters, Level, edition_frame_build
from .progress import OwnProgress, participant_progress
from .report import INDICATORS, EditionReport, edition_report
from .surveys import (
    responses_for_edition,
    self_assessment_change,
    survey_average_scores,
    survey_questions,
    survey_response_rate,
)

__all__ = [
    "INDICATORS",
    "Average",
    "Change",
    "Count",
    "EditionFrame",
    "EditionReport",
    "Filters",
    "Indicator",
    "Level",
    "OwnProgress",
    "Rate",
    "Row",
    "TooFewAnswers",
    "attendance_rate",
    "certificates_issued",
    "edition_frame_build",
    "edition_report",
    "forum_activity",
    "materials_reviewed",
    "mel_can_read_people",
    "mel_edition_get_for_user",
    "mel_edition_list_for_user",
    "participant_progress",
    "responses_for_edition",
    "self_assessment_change",
    "survey_average_scores",
    "survey_questions",
    "survey_response_rate",
    "waitlist_demand",
]
