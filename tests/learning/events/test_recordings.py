"""Recordings per language track: saving them, who is told, and where they show."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from learning.events.models import EventRecording, LearningEventPage
from learning.events.selectors import event_recordings_for
from learning.events.services import (
    LOG_RECORDING_SAVED,
    LOG_RECORDINGS_ANNOUNCED,
    event_recording_delete,
    event_recording_save,
    event_recordings_announce,
)
from tests.factories import UserFactory
from tests.factories.events import (
    EventFactory,
    EventRecordingFactory,
    EventRsvpFactory,
)
from tests.learning.concurrency import require_concurrent_database, run_at_once
from tests.learning.events.domain import spanish_source_session

VIDEO = "https://video.example.org/watch/"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def ended_event(**fields):
    starts_at = timezone.now() - timedelta(days=2)
    fields.setdefault("interpretation_languages", ["es", "fr"])
    return EventFactory(
        starts_at=starts_at, rsvp_closes_at=starts_at - timedelta(days=1), **fields
    )


def codes(error):
    return [e.code for e in error.error_list]


# Saving a track's recording ----------------------------------------------------


@pytest.mark.django_db
class TestRecordingSave:
    def test_each_track_of_an_ended_event_gets_its_link_logged_with_its_actor(self):
        event = ended_event()
        actor = UserFactory()

        for language in ("en", "es", "fr"):
            event_recording_save(
                event=event, language=language, url=VIDEO + language, actor=actor
            )

        assert {r.language: r.url for r in event.recordings.all()} == {
            "en": VIDEO + "en",
            "es": VIDEO + "es",
            "fr": VIDEO + "fr",
        }
        entries = ModelLogEntry.objects.for_instance(event).filter(
            action=LOG_RECORDING_SAVED
        )
        assert entries.count() == 3
        assert {entry.user for entry in entries} == {actor}
        assert {entry.data["language"] for entry in entries} == {"en", "es", "fr"}

    def test_saving_a_track_again_replaces_its_link(self):
        event = ended_event()
        event_recording_save(event=event, language="es", url=VIDEO + "1", actor=None)

        event_recording_save(event=event, language="es", url=VIDEO + "2", actor=None)

        assert list(event.recordings.values_list("url", flat=True)) == [VIDEO + "2"]

    def test_refused_before_the_event_has_ended(self):
        under_way = EventFactory(
            starts_at=timezone.now() - timedelta(minutes=30),
            rsvp_closes_at=timezone.now() - timedelta(days=1),
            duration_minutes=90,
        )

        with pytest.raises(ValidationError) as excinfo:
            event_recording_save(event=under_way, language="en", url=VIDEO, actor=None)

        assert codes(excinfo.value) == ["event_not_held"]
        assert not EventRecording.objects.exists()

    def test_a_language_that_is_neither_spoken_nor_interpreted_is_refused(self):
        event = ended_event(interpretation_languages=["es"])

        with pytest.raises(ValidationError) as excinfo:
            event_recording_save(event=event, language="fr", url=VIDEO, actor=None)

        assert codes(excinfo.value) == ["unknown_track"]
        assert "French" in excinfo.value.messages[0]
        assert not EventRecording.objects.exists()

    def test_a_link_that_is_not_a_web_address_saves_nothing(self):
        event = ended_event()

        with pytest.raises(ValidationError) as excinfo:
            event_recording_save(event=event, language="en", url="video", actor=None)

        assert "url" in excinfo.value.message_dict
        assert not EventRecording.objects.exists()
        assert not ModelLogEntry.objects.for_instance(event).exists()

    def test_the_database_keeps_one_recording_per_language(self):
        recording = EventRecordingFactory()

        with pytest.raises(IntegrityError):
            EventRecording.objects.create(
                event=recording.event, language="en", url=VIDEO
            )

    def test_the_model_check_names_the_duplicate(self):
        recording = EventRecordingFactory()
        again = EventRecording(event=recording.event, language="en", url=VIDEO)

        with pytest.raises(ValidationError) as excinfo:
            again.full_clean()

        assert [e.code for e in excinfo.value.error_dict["__all__"]] == [
            "duplicate_track"
        ]

    def test_a_wrong_link_is_removed_and_logged(self):
        recording = EventRecordingFactory()
        actor = UserFactory()

        event_recording_delete(recording=recording, actor=actor)

        assert not EventRecording.objects.exists()
        entry = ModelLogEntry.objects.for_instance(recording.event).get()
        assert (entry.action, entry.user) == ("events.recording_deleted", actor)


@pytest.mark.django_db
def test_a_spanish_source_session_has_a_spanish_floor_track(home_pages):
    made = spanish_source_session(
        home_pages,
        starts_at=timezone.now() - timedelta(days=3),
        interpretation_languages=["en"],
    )

    event_recording_save(event=made.event, language="es", url=VIDEO, actor=None)
    event_recording_save(event=made.event, language="en", url=VIDEO, actor=None)
    with pytest.raises(ValidationError) as excinfo:
        event_recording_save(event=made.event, language="fr", url=VIDEO, actor=None)

    assert made.event.page.locale.language_code == "es"
    assert codes(excinfo.value) == ["unknown_track"]
    assert made.event.recordings.count() == 2


# Order ---------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("reader", "order"),
    [
        ("fr", ["fr", "en", "es"]),
        ("es", ["es", "en", "fr"]),
        ("pt", ["en", "es", "fr"]),
    ],
)
def test_the_readers_language_comes_first_then_the_tracks_in_order(reader, order):
    event = ended_event(interpretation_languages=["es", "fr"])
    for language in ("fr", "es", "en"):
        EventRecordingFactory(event=event, language=language)

    recordings = event_recordings_for(event=event, language=reader)

    assert [r.language for r in recordings] == order


# Telling the people who registered -----------------------------------------------


@pytest.mark.django_db
class TestRecordingsAnnounce:
    def test_each_person_attending_is_told_once_with_their_track_first(
        self, commit, mailoutbox
    ):
        event = ended_event()
        EventRecordingFactory(event=event, language="en", url=VIDEO + "en")
        EventRecordingFactory(event=event, language="fr", url=VIDEO + "fr")
        french = EventRsvpFactory(event=event, language="fr")
        english = EventRsvpFactory(event=event, language="en")
        EventRsvpFactory(event=event, attending=False)
        actor = UserFactory()

        with commit():
            told = event_recordings_announce(event=event, actor=actor)

        assert told == 2
        mails = {message.to[0]: message for message in mailoutbox}
        assert set(mails) == {french.email, english.email}
        french_body = mails[french.email].body
        assert french_body.index(VIDEO + "fr") < french_body.index(VIDEO + "en")
        assert "Français" in french_body
        english_body = mails[english.email].body
        assert english_body.index(VIDEO + "en") < english_body.index(VIDEO + "fr")
        event.refresh_from_db()
        assert event.recordings_announced_at is not None
        entry = ModelLogEntry.objects.for_instance(event).get(
            action=LOG_RECORDINGS_ANNOUNCED
        )
        assert (entry.user, entry.data["recipients"]) == (actor, 2)

    def test_a_spanish_speaker_is_written_to_in_spanish(self, commit, mailoutbox):
        # Depends on the Spanish catalogue (merged by the lead).
        event = ended_event()
        EventRecordingFactory(event=event, language="es")
        EventRsvpFactory(event=event, language="es", name="Ana")

        with commit():
            event_recordings_announce(event=event, actor=None)

        [message] = mailoutbox
        assert message.subject.startswith("Grabaciones de")
        assert "Hola, Ana:" in message.body

    def test_a_second_announcement_is_refused(self, commit, mailoutbox):
        event = ended_event()
        EventRecordingFactory(event=event)
        EventRsvpFactory(event=event)
        with commit():
            event_recordings_announce(event=event, actor=None)

        with pytest.raises(ValidationError) as excinfo, commit():
            event_recordings_announce(event=event, actor=None)

        assert codes(excinfo.value) == ["recordings_announced"]
        assert len(mailoutbox) == 1

    def test_nothing_to_announce_without_a_recording(self, mailoutbox):
        event = ended_event()
        EventRsvpFactory(event=event)

        with pytest.raises(ValidationError) as excinfo:
            event_recordings_announce(event=event, actor=None)

        assert codes(excinfo.value) == ["no_recordings"]
        event.refresh_from_db()
        assert event.recordings_announced_at is None

    def test_nobody_to_tell_leaves_the_announcement_for_later(self):
        event = ended_event()
        EventRecordingFactory(event=event)

        with pytest.raises(ValidationError) as excinfo:
            event_recordings_announce(event=event, actor=None)

        assert codes(excinfo.value) == ["no_attendees"]
        event.refresh_from_db()
        assert event.recordings_announced_at is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_coordinators_at_once_announce_once():
    require_concurrent_database()
    event = ended_event()
    EventRecordingFactory(event=event)
    EventRsvpFactory.create_batch(2, event=event)

    calls = [{"event": event, "actor": None}] * 3
    outcome = run_at_once(event_recordings_announce, calls)

    assert sorted(outcome.results) == [2]
    assert [error.code for error in outcome.errors] == ["recordings_announced"] * 2


# On the site ---------------------------------------------------------------------


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
class TestOnTheSite:
    def test_the_session_page_lists_recordings_in_the_readers_language_first(
        self, client, home_pages
    ):
        made = spanish_source_session(
            home_pages,
            starts_at=timezone.now() - timedelta(days=3),
            interpretation_languages=["en", "fr"],
        )
        for language in ("es", "en", "fr"):
            EventRecordingFactory(
                event=made.event, language=language, url=VIDEO + language
            )

        html = html_of(client, made.page_en)

        assert "data-recordings" in html
        assert html.index(VIDEO + "en") < html.index(VIDEO + "es")
        assert html.index(VIDEO + "es") < html.index(VIDEO + "fr")
        assert f'href="{VIDEO}es" lang="es" hreflang="es"' in html
        assert ">Español<" in html and ">Français<" in html and ">English<" in html
        spanish = html_of(client, made.page_es)
        assert spanish.index(VIDEO + "es") < spanish.index(VIDEO + "en")

    def test_no_recordings_section_before_the_event_ends(self, client, home_pages):
        made = spanish_source_session(home_pages)
        # Saved once held, then moved to a later date: not shown before it ends.
        EventRecordingFactory(event=made.event, language="es")

        html = html_of(client, made.page_es)

        assert "data-recordings" not in html

    def test_the_programme_lists_past_sessions_with_their_recordings(
        self, client, home_pages
    ):
        made = spanish_source_session(
            home_pages,
            starts_at=timezone.now() - timedelta(days=3),
            interpretation_languages=["en"],
        )
        EventRecordingFactory(event=made.event, language="en", url=VIDEO + "en")
        EventRecordingFactory(event=made.event, language="es", url=VIDEO + "es")
        programme = LearningEventPage.objects.get(pk=made.page_en.pk).get_parent()

        html = html_of(client, programme)

        assert "Past sessions" in html
        assert "Past events" not in html
        assert "Masculinities and care" in html
        assert html.index(VIDEO + "en") < html.index(VIDEO + "es")
