"""A learning note published before its event is announced by the clock, once."""

from datetime import timedelta

import pytest

from tests.factories import PublicationPageFactory
from tests.factories.events import EventFactory, EventRsvpFactory
from tests.learning.scheduling.clock import runs_of, tick_at


@pytest.mark.django_db
def test_the_hourly_run_announces_a_note_published_before_the_event_once(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    EventRsvpFactory(event=event, attending=True, email="ana@example.org")
    EventRsvpFactory(event=event, attending=False, email="luis@example.org")
    event.page.learning_note = PublicationPageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        event.page.save_revision().publish()
    assert mailoutbox == []  # too early: the event has not taken place

    hour = event.starts_at.replace(minute=0, second=0, microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        tick_at(hour + timedelta(hours=1, minutes=19))
        assert mailoutbox == []
        tick_at(hour + timedelta(hours=1, minutes=20, seconds=5))
        tick_at(hour + timedelta(hours=2, minutes=20, seconds=5))

    assert [message.to for message in mailoutbox] == [["ana@example.org"]]
    assert len(runs_of("events_learning_notes")) == 3
