"""The learning-event emails, enqueued once their transaction commits."""

from learning.notifications.services import task_enqueue_on_commit

from .models import EventRsvp
from .tasks import (
    background_documents_email_send,
    learning_note_email_send,
    recordings_email_send,
    rsvp_confirmation_email_send,
    rsvp_link_email_send,
)


def rsvp_confirmation_notify(*, rsvp: EventRsvp) -> None:
    """Confirm the answer; with the event as a calendar file when attending."""
    task_enqueue_on_commit(rsvp_confirmation_email_send, rsvp_id=rsvp.pk)


def event_changed_notify(*, rsvp: EventRsvp) -> None:
    """Tell a person attending that the time or link changed, with the new .ics."""
    task_enqueue_on_commit(rsvp_confirmation_email_send, rsvp_id=rsvp.pk, changed=True)


def rsvp_link_notify(*, rsvp: EventRsvp) -> None:
    """Send the person who answered their change link again (an answer repeated)."""
    task_enqueue_on_commit(rsvp_link_email_send, rsvp_id=rsvp.pk)


def background_documents_notify(*, rsvp: EventRsvp) -> None:
    """Send a person attending the event's background documents."""
    task_enqueue_on_commit(background_documents_email_send, rsvp_id=rsvp.pk)


def learning_note_notify(*, rsvp: EventRsvp) -> None:
    """Tell a person who attended that the event's learning note is published."""
    task_enqueue_on_commit(learning_note_email_send, rsvp_id=rsvp.pk)


def recordings_notify(*, rsvp: EventRsvp) -> None:
    """Tell a person who registered as attending that the recordings are out."""
    task_enqueue_on_commit(recordings_email_send, rsvp_id=rsvp.pk)
