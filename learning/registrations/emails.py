"""The seminar-registration emails, enqueued once their transaction commits."""

from learning.notifications.services import task_enqueue_on_commit

from .models import Registration
from .tasks import registration_email_send


def registration_confirmation_notify(*, registration: Registration) -> None:
    """Confirm a registration (a place or the waitlist), with its cancel link."""
    task_enqueue_on_commit(
        registration_email_send, registration_id=registration.pk, kind="confirmation"
    )


def registration_link_notify(*, registration: Registration) -> None:
    """Send the registered person their cancel link again (a repeated sign-up)."""
    task_enqueue_on_commit(
        registration_email_send, registration_id=registration.pk, kind="link"
    )


def registration_place_notify(*, registration: Registration) -> None:
    """Tell a waitlisted person that a place is now theirs, with the .ics."""
    task_enqueue_on_commit(
        registration_email_send, registration_id=registration.pk, kind="place"
    )


def registration_cancelled_notify(*, registration: Registration) -> None:
    """Confirm a cancellation to the person who cancelled."""
    task_enqueue_on_commit(
        registration_email_send, registration_id=registration.pk, kind="cancelled"
    )
