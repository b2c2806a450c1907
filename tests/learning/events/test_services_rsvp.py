"""Answering an event's invitation: one RSVP per address, deadline, places."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from learning.events.models import EventRsvp
from learning.events.services import rsvp_change, rsvp_submit
from tests.factories.events import EventFactory, EventRsvpFactory
from tests.learning.concurrency import require_concurrent_database, run_at_once


def answer(event, email="ana@example.org", **overrides):
    values = {
        "event": event,
        "attending": True,
        "name": "Ana Pérez",
        "email": email,
        "institution": "Ministerio de Hacienda",
        "country": "Paraguay",
        "language": "es",
        "consent": True,
    }
    values.update(overrides)
    return rsvp_submit(**values)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks (the email tasks) of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def calendar_of(message):
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("learning-event.ics", "text/calendar")
    return Calendar.from_ical(content)


@pytest.mark.django_db
def test_an_answer_is_stored_and_confirmed_with_the_event_in_a_calendar_file(
    commit, mailoutbox
):
    event = EventFactory()

    with commit():
        result = answer(event, email=" Ana@Example.org ")

    assert result.created is True
    rsvp = EventRsvp.objects.get()
    assert (rsvp.email, rsvp.attending, rsvp.language) == (
        "ana@example.org",
        True,
        "es",
    )
    assert rsvp.consent_at is not None
    [message] = mailoutbox
    assert message.to == ["ana@example.org"]
    [entry] = calendar_of(message).walk("VEVENT")
    assert entry["UID"] == event.calendar_uid
    assert entry.decoded("DTSTART") == event.starts_at.replace(microsecond=0)


@pytest.mark.django_db
def test_declining_is_confirmed_without_a_calendar_file(commit, mailoutbox):
    event = EventFactory()

    with commit():
        answer(event, attending=False)

    [message] = mailoutbox
    assert message.attachments == []
    assert EventRsvp.objects.get().attending is False


@pytest.mark.django_db
def test_a_repeat_changes_nothing_and_mails_the_stored_person_their_link(
    commit, mailoutbox
):
    event = EventFactory()
    first = answer(event, attending=True)
    mailoutbox.clear()

    with commit():
        again = answer(
            event, email="ANA@example.org", name=" Mallory ", attending=False
        )

    assert EventRsvp.objects.count() == 1
    assert again.created is False
    assert again.rsvp == first.rsvp
    # The answer echoes what was submitted, so a repeat looks like a new answer.
    assert (again.name, again.attending) == ("Mallory", False)
    stored = EventRsvp.objects.get()
    assert (stored.name, stored.attending) == ("Ana Pérez", True)
    [message] = mailoutbox
    assert message.to == ["ana@example.org"]
    assert "Mallory" not in message.body
    assert "Ana Pérez" in message.body


@pytest.mark.django_db
def test_an_answer_after_the_deadline_is_refused_and_nothing_is_saved(mailoutbox):
    event = EventFactory()

    with pytest.raises(ValidationError) as excinfo:
        answer(event, now=event.rsvp_closes_at)

    assert excinfo.value.code == "rsvp_closed"
    assert not EventRsvp.objects.exists()
    assert mailoutbox == []


@pytest.mark.django_db
def test_places_count_only_people_attending():
    event = EventFactory(capacity=1)
    answer(event, email="first@example.org")
    answer(event, email="declines@example.org", attending=False)

    with pytest.raises(ValidationError) as excinfo:
        answer(event, email="late@example.org")

    assert excinfo.value.code == "event_full"
    assert event.rsvps.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"consent": False}, "consent_required"),
        ({"name": "  "}, "name_required"),
        ({"name": "\u200b\u200b"}, "name_invisible"),
        ({"email": "nope"}, "invalid"),
    ],
)
def test_an_answer_is_checked(overrides, code):
    event = EventFactory()

    with pytest.raises(ValidationError) as excinfo:
        answer(event, **overrides)

    assert code in {error.code for error in _errors(excinfo.value)}
    assert not EventRsvp.objects.exists()


def _errors(error):
    if hasattr(error, "error_dict"):
        return [e for errors in error.error_dict.values() for e in errors]
    return error.error_list


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_answers_respect_the_places():
    require_concurrent_database()
    event = EventFactory(capacity=3)
    calls = [{"event": event, "email": f"p{n}@example.org"} for n in range(8)]

    outcome = run_at_once(answer, calls)

    assert len(outcome.results) == 3
    assert {error.code for error in outcome.errors} == {"event_full"}
    assert event.rsvps.filter(attending=True).count() == 3


@pytest.mark.django_db
def test_an_answer_changes_before_the_deadline_and_is_confirmed(commit, mailoutbox):
    rsvp = EventRsvpFactory(attending=True)

    with commit():
        changed = rsvp_change(rsvp=rsvp, attending=False)

    assert changed.attending is False
    assert EventRsvp.objects.count() == 1
    [message] = mailoutbox
    assert message.to == [rsvp.email]
    assert message.attachments == []


@pytest.mark.django_db
def test_the_same_answer_again_sends_nothing(commit, mailoutbox):
    rsvp = EventRsvpFactory(attending=True)

    with commit():
        rsvp_change(rsvp=rsvp, attending=True)

    assert mailoutbox == []


@pytest.mark.django_db
def test_an_answer_no_longer_changes_after_the_deadline():
    rsvp = EventRsvpFactory(attending=True)

    with pytest.raises(ValidationError) as excinfo:
        rsvp_change(
            rsvp=rsvp,
            attending=False,
            now=rsvp.event.rsvp_closes_at + timedelta(minutes=1),
        )

    assert excinfo.value.code == "rsvp_closed"
    rsvp.refresh_from_db()
    assert rsvp.attending is True


@pytest.mark.django_db
def test_changing_to_attending_needs_a_free_place():
    event = EventFactory(capacity=1)
    EventRsvpFactory(event=event, attending=True)
    declined = EventRsvpFactory(event=event, attending=False)

    with pytest.raises(ValidationError) as excinfo:
        rsvp_change(rsvp=declined, attending=True)

    assert excinfo.value.code == "event_full"
    declined.refresh_from_db()
    assert declined.attending is False


@pytest.mark.django_db
def test_a_place_freed_by_a_decline_can_be_taken():
    event = EventFactory(capacity=1)
    attending = EventRsvpFactory(event=event, attending=True)
    declined = EventRsvpFactory(event=event, attending=False)

    rsvp_change(rsvp=attending, attending=False)
    rsvp_change(rsvp=declined, attending=True, now=timezone.now())

    assert list(event.rsvps.filter(attending=True)) == [declined]
