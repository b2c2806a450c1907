"""Decisions on an enrolment go on its history: who took them, and when."""

from typing import Any

from wagtail.log_actions import log

from learning.core.types import AuthUser

from ..models import Enrolment


def enrolment_decision_log(
    *,
    enrolment: Enrolment,
    action: str,
    actor: AuthUser | None,
    data: dict[str, Any] | None = None,
) -> None:
    """Log a decision (action `enrolments.<action>`) with the status it left."""
    # Only ids and statuses: names would outlive a person's erasure in the log.
    log(
        instance=enrolment,
        action=f"enrolments.{action}",
        user=actor,
        data={"status": enrolment.status, **(data or {})},
    )
