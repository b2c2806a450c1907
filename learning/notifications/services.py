"""Enqueue the learning emails once the transaction that caused them commits."""

from collections.abc import Iterable

from django.db import transaction

from learning.enrolments.models import Enrolment, Participant
from learning.infosessions.models import InfoSessionRegistration

from .tasks import (
    enrolment_repeat_email_send,
    enrolment_status_email_send,
    infosession_confirmation_email_send,
    representatives_welcome_email_send,
)


def enrolment_status_notify(*, enrolment: Enrolment, status: str) -> None:
    """Email the representatives that the enrolment is now in `status`."""
    enrolment_id = enrolment.pk
    transaction.on_commit(
        lambda: enrolment_status_email_send.enqueue(
            enrolment_id=enrolment_id, status=str(status)
        ),
        robust=True,
    )


def enrolment_repeat_notify(*, enrolment: Enrolment) -> None:
    """Tell the current representatives that their enrolment was sent again."""
    enrolment_id = enrolment.pk
    transaction.on_commit(
        lambda: enrolment_repeat_email_send.enqueue(enrolment_id=enrolment_id),
        robust=True,
    )


def representatives_welcome_notify(*, participants: Iterable[Participant]) -> None:
    """Email each new representative a welcome with a link to set a password."""
    ids = [participant.pk for participant in participants]
    if ids:
        transaction.on_commit(
            lambda: representatives_welcome_email_send.enqueue(participant_ids=ids),
            robust=True,
        )


def infosession_registration_notify(*, registration: InfoSessionRegistration) -> None:
    """Email the registrant a confirmation with the session as a calendar file."""
    registration_id = registration.pk
    transaction.on_commit(
        lambda: infosession_confirmation_email_send.enqueue(
            registration_id=registration_id
        ),
        robust=True,
    )
