"""Every indicator of one edition at once, read from one frame: what the admin
dashboard, the exports, the API and the learning note's table show, so the
numbers agree everywhere. A bounded number of queries, the same for 5 and for 50
organisations."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from learning.editions.models import Edition

from .activity import (
    attendance_rate,
    certificates_issued,
    forum_activity,
    materials_reviewed,
    waitlist_demand,
)
from .figures import Indicator
from .frame import EditionFrame, Filters, edition_frame_build
from .surveys import self_assessment_change, survey_average_scores, survey_response_rate

# In the order reports show them; each one's name is its indicator's code.
INDICATORS: tuple[Callable[..., Indicator], ...] = (
    attendance_rate,
    forum_activity,
    materials_reviewed,
    survey_response_rate,
    survey_average_scores,
    self_assessment_change,
    certificates_issued,
    waitlist_demand,
)


@dataclass
class EditionReport:
    edition: Edition
    filters: Filters
    frame: EditionFrame
    indicators: list[Indicator]

    def get(self, code: str) -> Indicator:
        """The indicator with this code."""
        return next(i for i in self.indicators if i.code == code)


def edition_report(
    *,
    edition: Edition,
    filters: Filters | None = None,
    now: datetime | None = None,
    codes: tuple[str, ...] | None = None,
) -> EditionReport:
    """The edition's indicators (all, or those named by `codes`) under the filters."""
    frame = edition_frame_build(edition=edition, filters=filters, now=now)
    indicators = [
        selector(edition=edition, frame=frame)
        for selector in INDICATORS
        if codes is None or selector.__name__ in codes
    ]
    return EditionReport(edition, frame.filters, frame, indicators)
