"""Scheduling events, their emails, background documents and the learning note."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar
from wagtail.models import ModelLogEntry

from learning.events.models import Event
from learning.events.services import (
    event_background_send,
    event_learning_note_announce,
    event_schedule,
    event_update,
    rsvp_submit,
)
from tests.factories import DocumentFactory, PublicationPageFactory, UserFactory
from tests.factories.events import (
    EventFactory,
    EventPageFactory,
    EventRsvpFactory,
    background_documents,
)
from tests.learning.concurrency import require_concurrent_database, run_at_once
from tests.learning.events.domain import bilingual_event
from tests.learning.public_site import translate


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def by_recipient(mailoutbox):
    return {message.to[0]: message for message in mailoutbox}


def expected(language, msgid, **params):
    """A text as the recipient's language has it (English until translated)."""
    with translation.override(language):
        return gettext(msgid) % params


def sequence_of(message):
    [(_name, content, _type)] = message.attachments
    [entry] = Calendar.from_ical(content).walk("VEVENT")
    return int(entry["SEQUENCE"])


def logged(event, action):
    return ModelLogEntry.objects.for_instance(event).filter(action=action)


# Scheduling -----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_translated_event_page_is_scheduled_on_its_default_language_page(
    home_pages,
):
    made = bilingual_event(home_pages)
    made.event.delete()
    actor = UserFactory()
    starts_at = timezone.now() + timedelta(days=20)

    event = event_schedule(
        page=made.page_es,
        starts_at=starts_at,
        rsvp_closes_at=starts_at - timedelta(days=3),
        time_zone="America/Lima",
        actor=actor,
    )

    assert event.page.locale.language_code == "en"
    assert logged(event, "wagtail.create").get().user == actor


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("closes_after_start", "naive", "code"),
    [(True, False, "rsvp_after_start"), (False, True, "naive_datetime")],
)
def test_scheduling_is_checked(closes_after_start, naive, code):
    page = EventPageFactory()
    starts_at = timezone.now() + timedelta(days=5)
    closes_at = starts_at + timedelta(hours=1 if closes_after_start else -1)
    if naive:
        starts_at = timezone.make_naive(starts_at)

    with pytest.raises(ValidationError) as excinfo:
        event_schedule(page=page, starts_at=starts_at, rsvp_closes_at=closes_at)

    error = excinfo.value
    codes = (
        [e.code for e in error.error_dict["rsvp_closes_at"]]
        if hasattr(error, "error_dict")
        else [error.code]
    )
    assert codes == [code]
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_an_event_page_is_scheduled_once():
    event = EventFactory()

    with pytest.raises(ValidationError) as excinfo:
        event_schedule(
            page=event.page,
            starts_at=event.starts_at,
            rsvp_closes_at=event.rsvp_closes_at,
        )

    assert excinfo.value.code == "event_scheduled"


@pytest.mark.django_db
def test_moving_an_event_sends_people_attending_the_new_calendar_entry(
    commit, mailoutbox
):
    event = EventFactory()
    attending = EventRsvpFactory(event=event, attending=True)
    EventRsvpFactory(event=event, attending=False)
    actor = UserFactory()

    with commit():
        event_update(
            event=event, starts_at=event.starts_at + timedelta(hours=2), actor=actor
        )

    event.refresh_from_db()
    assert event.sequence == 1
    [message] = mailoutbox
    assert message.to == [attending.email]
    assert sequence_of(message) == 1
    assert logged(event, "wagtail.edit").get().user == actor


@pytest.mark.django_db
def test_changing_places_or_deadline_sends_nothing(commit, mailoutbox):
    event = EventFactory(capacity=10)
    EventRsvpFactory(event=event)

    with commit():
        event_update(
            event=event,
            capacity=20,
            rsvp_closes_at=event.rsvp_closes_at - timedelta(days=1),
        )

    event.refresh_from_db()
    assert (event.sequence, event.capacity) == (0, 20)
    assert mailoutbox == []


@pytest.mark.django_db
def test_places_cannot_drop_below_the_people_attending():
    event = EventFactory(capacity=5)
    EventRsvpFactory.create_batch(3, event=event, attending=True)
    EventRsvpFactory.create_batch(2, event=event, attending=False)

    with pytest.raises(ValidationError) as excinfo:
        event_update(event=event, capacity=2)

    assert [e.code for e in excinfo.value.error_dict["capacity"]] == [
        "capacity_below_attending"
    ]
    event.refresh_from_db()
    assert event.capacity == 5
    event_update(event=event, capacity=3)  # the people not attending do not count


@pytest.mark.django_db
def test_only_the_schedule_fields_are_editable():
    with pytest.raises(ValueError, match="page"):
        event_update(event=EventFactory(), page=EventPageFactory())


# Emails in the person's language ----------------------------------------------------


@pytest.mark.django_db
def test_the_confirmation_is_in_the_persons_language_with_the_translated_title(
    home_pages, commit, mailoutbox
):
    event = bilingual_event(home_pages).event
    for email, language in (("en@example.org", "en"), ("es@example.org", "es")):
        with commit():
            rsvp_submit(
                event=event,
                attending=True,
                name="Ana",
                email=email,
                institution="",
                country="",
                language=language,
                consent=True,
            )

    mails = by_recipient(mailoutbox)
    assert mails["en@example.org"].subject == "You are attending: Budget transparency"
    assert mails["es@example.org"].subject == expected(
        "es", "You are attending: %(title)s", title="Transparencia presupuestaria"
    )
    assert "/es/" in mails["es@example.org"].body
    assert "Transparencia presupuestaria" in str(
        mails["es@example.org"].attachments[0][1]
    )


# Background documents --------------------------------------------------------------


@pytest.mark.django_db
def test_background_documents_go_to_each_person_attending_in_their_language(
    home_pages, commit, mailoutbox
):
    event = bilingual_event(home_pages).event
    english = EventRsvpFactory(event=event, language="en")
    spanish = EventRsvpFactory(event=event, language="es")
    EventRsvpFactory(event=event, attending=False)
    actor = UserFactory()
    document = event.page.background_documents[0].value["document"]

    with commit():
        count = event_background_send(event=event, actor=actor)

    assert count == 2
    mails = by_recipient(mailoutbox)
    assert set(mails) == {english.email, spanish.email}
    assert "Stocktaking report" in mails[english.email].body
    assert "Informe de balance" in mails[spanish.email].body
    assert "Informe de balance" in mails[spanish.email].alternatives[0][0]
    for message in mails.values():
        assert f"http://testserver{document.url}" in message.body
    entry = logged(event, "events.background_sent").get()
    assert (entry.user, entry.data["recipients"]) == (actor, 2)


@pytest.mark.django_db
def test_background_documents_need_documents_and_people_attending(mailoutbox):
    without_documents = EventFactory()
    EventRsvpFactory(event=without_documents)
    with pytest.raises(ValidationError) as excinfo:
        event_background_send(event=without_documents, actor=None)
    assert excinfo.value.code == "no_background_documents"

    page = EventPageFactory(
        background_documents=background_documents(DocumentFactory())
    )
    nobody = EventFactory(page=page)
    EventRsvpFactory(event=nobody, attending=False)
    with pytest.raises(ValidationError) as excinfo:
        event_background_send(event=nobody, actor=None)
    assert excinfo.value.code == "no_attendees"
    assert mailoutbox == []
    assert not ModelLogEntry.objects.filter(action="events.background_sent").exists()


# The learning note ---------------------------------------------------------------


def past_event(**fields):
    starts_at = timezone.now() - timedelta(days=2)
    return EventFactory(
        starts_at=starts_at, rsvp_closes_at=starts_at - timedelta(days=1), **fields
    )


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()


@pytest.mark.django_db
def test_publishing_the_note_of_a_past_event_tells_those_who_attended_once(
    commit, mailoutbox
):
    event = past_event()
    attended = EventRsvpFactory(event=event, attending=True)
    EventRsvpFactory(event=event, attending=False)
    note = PublicationPageFactory(live=False, title="What we learned")
    event.page.learning_note = note
    publish(event.page)  # the note is a draft: nothing yet
    assert mailoutbox == []

    with commit():
        publish(note)
    with commit():
        publish(note)  # republished: told already
        publish(event.page)

    [message] = mailoutbox
    assert message.to == [attended.email]
    assert "What we learned" in message.body
    event.refresh_from_db()
    assert event.learning_note_announced_at is not None


@pytest.mark.django_db
def test_setting_a_live_note_on_the_event_page_announces_it(commit, mailoutbox):
    event = past_event()
    EventRsvpFactory(event=event)
    event.page.learning_note = PublicationPageFactory()

    with commit():
        publish(event.page)

    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_a_note_is_not_announced_before_the_event(commit, mailoutbox):
    event = EventFactory()
    EventRsvpFactory(event=event)
    event.page.learning_note = PublicationPageFactory()

    with commit():
        publish(event.page)

    assert mailoutbox == []
    assert (
        event_learning_note_announce(event=event, now=event.starts_at - timedelta(1))
        == 0
    )
    later = event.starts_at + timedelta(days=1)
    with commit():
        assert event_learning_note_announce(event=event, now=later) == 1
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_the_note_is_linked_in_the_persons_language(home_pages, commit, mailoutbox):
    made = bilingual_event(home_pages)
    event = made.event
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(days=1),
        rsvp_closes_at=timezone.now() - timedelta(days=2),
    )
    spanish = EventRsvpFactory(event=event, language="es")
    note = PublicationPageFactory(
        parent=home_pages["en"], title="Learning note", slug="learning-note"
    )
    translate(note, "es", title="Nota de aprendizaje", slug="nota-de-aprendizaje")
    event.page.learning_note = note

    with commit():
        publish(event.page)

    [message] = mailoutbox
    assert message.to == [spanish.email]
    assert "Nota de aprendizaje" in message.body
    assert "/es/nota-de-aprendizaje/" in message.body


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_publications_at_once_announce_the_note_once():
    require_concurrent_database()
    event = past_event()
    EventRsvpFactory.create_batch(2, event=event)
    event.page.learning_note = PublicationPageFactory()
    event.page.save()  # set without publishing: the calls below announce it

    outcome = run_at_once(event_learning_note_announce, [{"event": event}] * 3)

    assert outcome.errors == []
    assert sorted(outcome.results) == [0, 0, 2]
