"""The information-session emails, enqueued once their transaction commits."""

from learning.notifications.services import task_enqueue_on_commit

from .models import InfoSessionRegistration
from .tasks import infosession_confirmation_email_send


def infosession_registration_notify(*, registration: InfoSessionRegistration) -> None:
    """Email the registrant a confirmation with the session as a calendar file."""
    task_enqueue_on_commit(
        infosession_confirmation_email_send, registration_id=registration.pk
    )
