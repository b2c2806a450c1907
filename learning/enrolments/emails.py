"""The enrolment emails, enqueued once the transaction that caused them commits."""

from collections.abc import Iterable

from learning.notifications.services import task_enqueue_on_commit

from .models import Enrolment, Participant
from .tasks import (
    enrolment_repeat_email_send,
    enrolment_status_email_send,
    representatives_welcome_email_send,
)


def enrolment_status_notify(*, enrolment: Enrolment, status: str) -> None:
    """Email the representatives that the enrolment is now in `status`."""
    task_enqueue_on_commit(
        enrolment_status_email_send, enrolment_id=enrolment.pk, status=str(status)
    )


def enrolment_repeat_notify(*, enrolment: Enrolment) -> None:
    """Tell the current representatives that their enrolment was sent again."""
    task_enqueue_on_commit(enrolment_repeat_email_send, enrolment_id=enrolment.pk)


def representatives_welcome_notify(*, participants: Iterable[Participant]) -> None:
    """Email each new representative a welcome with a link to set a password."""
    ids = [participant.pk for participant in participants]
    if ids:
        task_enqueue_on_commit(representatives_welcome_email_send, participant_ids=ids)
