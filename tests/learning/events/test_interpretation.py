"""Live interpretation of an event, and events whose page was written first in
another language than the site's default (a session from a Spanish proposal)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from cms.demo.accounts import COORDINATOR_PERMISSIONS
from learning.catalogue.models import ProgrammePage
from learning.events.models import Event, LearningEventPage
from learning.events.services import (
    event_learning_note_announce,
    event_schedule,
    event_update,
    rsvp_submit,
)
from tests.factories import PublicationPageFactory
from tests.factories.catalogue import ProgrammePageFactory
from tests.factories.events import (
    EventFactory,
    EventPageFactory,
    EventRecordingFactory,
    EventRsvpFactory,
    EventSeriesProgrammePageFactory,
)
from tests.factories.proposals import ProposalSessionsProgrammePageFactory
from tests.learning.events.domain import spanish_source_session
from tests.learning.events.test_admin import admin_user


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def soon():
    starts_at = timezone.now() + timedelta(days=10)
    return {"starts_at": starts_at, "rsvp_closes_at": starts_at - timedelta(days=2)}


def answer(event, language="en", email="ana@example.org"):
    return rsvp_submit(
        event=event,
        attending=True,
        name="Ana Pérez",
        email=email,
        institution="",
        country="",
        language=language,
        consent=True,
    )


def calendar_description(message):
    [(_name, content, _type)] = message.attachments
    [entry] = Calendar.from_ical(content).walk("VEVENT")
    return str(entry["DESCRIPTION"])


# The interpreted languages -----------------------------------------------------


@pytest.mark.django_db
class TestInterpretationLanguages:
    def test_scheduled_without_the_events_own_language_or_repeats(self):
        page = EventPageFactory()  # an English page

        event = event_schedule(
            page=page, interpretation_languages=["es", "en", "fr", "es"], **soon()
        )

        event.refresh_from_db()
        assert event.interpretation_languages == ["es", "fr"]
        assert event.track_languages() == ["en", "es", "fr"]

    def test_callers_that_do_not_name_them_schedule_without_interpretation(self):
        event = event_schedule(page=EventPageFactory(), **soon())

        assert event.interpretation_languages == []
        assert event.track_languages() == ["en"]

    def test_an_unknown_language_is_refused_and_nothing_is_saved(self):
        with pytest.raises(ValidationError) as excinfo:
            event_schedule(
                page=EventPageFactory(), interpretation_languages=["xx"], **soon()
            )

        codes = [e.code for e in excinfo.value.error_dict["interpretation_languages"]]
        assert codes == ["unknown_language"]
        assert not Event.objects.exists()

    def test_changing_them_sends_no_calendar_update(self, commit, mailoutbox):
        event = EventFactory()
        EventRsvpFactory(event=event)

        with commit():
            event_update(event=event, interpretation_languages=["fr"])

        event.refresh_from_db()
        assert event.interpretation_languages == ["fr"]
        assert event.sequence == 0
        assert mailoutbox == []

    def test_the_confirmation_and_its_calendar_entry_name_them(
        self, commit, mailoutbox
    ):
        event = EventFactory(interpretation_languages=["es", "fr"])

        with commit():
            answer(event)

        [message] = mailoutbox
        assert "Live interpretation: Spanish and French" in message.body
        assert "Live interpretation: Spanish and French" in calendar_description(
            message
        )

    def test_in_spanish_the_languages_are_named_in_spanish(self, commit, mailoutbox):
        # The language names come from CLDR; the label needs the Spanish merge.
        event = EventFactory(interpretation_languages=["en", "fr"])

        with commit():
            answer(event, language="es")

        [message] = mailoutbox
        assert "inglés y francés" in message.body
        assert "Interpretación en vivo: inglés y francés" in message.body

    def test_no_line_without_interpretation(self, commit, mailoutbox):
        with commit():
            answer(EventFactory())

        [message] = mailoutbox
        assert "interpretation" not in message.body.lower()


# A session written first in Spanish --------------------------------------------


@pytest.mark.django_db
class TestSpanishSourceSession:
    def test_session_pages_go_under_series_and_session_programmes_only(self):
        assert LearningEventPage.can_create_at(ProposalSessionsProgrammePageFactory())
        assert LearningEventPage.can_create_at(EventSeriesProgrammePageFactory())
        assert not LearningEventPage.can_create_at(ProgrammePageFactory())

    def test_the_event_points_at_the_spanish_page_even_once_translated(
        self, home_pages
    ):
        made = spanish_source_session(home_pages, interpretation_languages=["en"])

        made.event.refresh_from_db()
        assert made.event.page.pk == made.page_es.pk
        assert made.event.floor_language == "es"
        assert made.event.track_languages() == ["es", "en"]
        with translation.override("en"):
            assert made.event.label == "Masculinities and care"
        with translation.override("es"):
            assert made.event.label == "Masculinidades y cuidado"
        with pytest.raises(ValidationError) as excinfo:
            event_schedule(page=made.page_en, **soon())
        assert excinfo.value.code == "event_scheduled"

    def test_the_english_reader_gets_the_english_page_and_the_spanish_reader_hers(
        self, home_pages, commit, mailoutbox
    ):
        made = spanish_source_session(home_pages)

        with commit():
            answer(made.event, language="en", email="en@example.org")
            answer(made.event, language="es", email="es@example.org")

        mails = {m.to[0]: m for m in mailoutbox}
        assert "Masculinities and care" in mails["en@example.org"].body
        assert "/en/colab/care/" in mails["en@example.org"].body
        assert "Masculinidades y cuidado" in mails["es@example.org"].body
        assert "/es/colab/cuidado/" in mails["es@example.org"].body

    def test_the_learning_note_set_on_the_spanish_source_is_announced(
        self, home_pages, commit, mailoutbox
    ):
        made = spanish_source_session(
            home_pages, starts_at=timezone.now() - timedelta(days=1)
        )
        EventRsvpFactory(event=made.event, language="en")
        made.page_es.learning_note = PublicationPageFactory(title="What we learned")

        with commit():
            # Publishing the Spanish source page announces its note.
            made.page_es.save_revision().publish()

        made.event.refresh_from_db()
        assert made.event.learning_note_announced_at is not None
        [message] = mailoutbox
        assert "What we learned" in message.body
        assert event_learning_note_announce(event=made.event) == 0

    def test_the_programme_lists_the_session_in_either_language(
        self, client, home_pages
    ):
        made = spanish_source_session(home_pages)
        programme = ProgrammePage.objects.get(
            translation_key=made.page_en.get_parent().translation_key,
            locale__language_code="en",
        )

        html = client.get(programme.url).content.decode()

        assert "Upcoming sessions" in html
        assert "Masculinities and care" in html
        assert "Upcoming events" not in html

    def test_the_page_says_session_and_names_the_interpretation(
        self, client, home_pages
    ):
        made = spanish_source_session(home_pages, interpretation_languages=["en", "fr"])

        english = client.get(made.page_en.url).content.decode()
        spanish = client.get(made.page_es.url).content.decode()

        assert "· Session" in english
        assert "English and French" in english
        assert "inglés y francés" in spanish

    def test_a_coordinator_schedules_a_spanish_page_in_the_admin(
        self, client, home_pages
    ):
        made = spanish_source_session(home_pages)
        made.event.delete()
        client.force_login(admin_user("Coordinators", COORDINATOR_PERMISSIONS))

        form = client.get(reverse("learning_events:add")).context["form"]
        offered = list(form.fields["page"].queryset)
        response = client.post(
            reverse("learning_events:add"),
            {
                "page": made.page_es.pk,
                "time_zone": "America/Mexico_City",
                "starts_at": "2030-06-10 09:00",
                "duration_minutes": "90",
                "rsvp_closes_at": "2030-06-05 17:00",
                "capacity": "",
                "join_url": "",
                "interpretation_languages": ["en", "fr"],
            },
        )

        assert offered == [made.page_es]
        assert response.status_code == 302, response.context["form"].errors
        event = Event.objects.get()
        assert (event.page.pk, event.interpretation_languages) == (
            made.page_es.pk,
            ["en", "fr"],
        )


# The coordinators' admin: recordings ---------------------------------------------


@pytest.fixture
def coordinator(client):
    client.force_login(admin_user("Coordinators", COORDINATOR_PERMISSIONS))
    return client


def ended(**fields):
    starts_at = timezone.now() - timedelta(days=2)
    return EventFactory(
        starts_at=starts_at,
        rsvp_closes_at=starts_at - timedelta(days=1),
        interpretation_languages=["es"],
        **fields,
    )


@pytest.mark.django_db
class TestRecordingsAdmin:
    def test_the_inspect_page_lists_each_track(self, coordinator):
        event = ended()
        EventRecordingFactory(event=event, language="es", url="https://v.example/es")

        html = coordinator.get(
            reverse("learning_events:inspect", args=[event.pk])
        ).content.decode()

        assert 'data-track="en"' in html and 'data-track="es"' in html
        assert "https://v.example/es" in html
        assert reverse("learning_events:announce_recordings", args=[event.pk]) in html

    def test_a_coordinator_adds_a_tracks_recording(self, coordinator):
        event = ended()

        response = coordinator.post(
            reverse("learning_events:recording", args=[event.pk, "es"]),
            {"url": "https://video.example.org/es"},
        )

        assert response.status_code == 302
        assert event.recordings.get().url == "https://video.example.org/es"

    def test_the_refusal_before_the_event_ends_is_shown(self, coordinator):
        event = EventFactory()

        response = coordinator.post(
            reverse("learning_events:recording", args=[event.pk, "en"]),
            {"url": "https://video.example.org/en"},
        )

        assert response.status_code == 200
        assert "once the event has ended" in response.content.decode()
        assert not event.recordings.exists()

    def test_a_language_that_is_not_a_track_is_not_found(self, coordinator):
        event = ended()

        response = coordinator.get(
            reverse("learning_events:recording", args=[event.pk, "fr"]), follow=True
        )

        assert response.status_code == 404

    def test_telling_registered_people_after_confirming(
        self, coordinator, commit, mailoutbox
    ):
        event = ended()
        EventRecordingFactory(event=event)
        EventRsvpFactory(event=event)
        link = reverse("learning_events:announce_recordings", args=[event.pk])

        confirm = coordinator.get(link)
        with commit():
            response = coordinator.post(link)

        assert "Send the emails" in confirm.content.decode()
        assert response.status_code == 302
        assert len(mailoutbox) == 1
        history = coordinator.get(
            reverse("learning_events:history", args=[event.pk])
        ).content.decode()
        assert "Recordings announced to the people who registered" in history

    def test_removing_a_recording(self, coordinator):
        recording = EventRecordingFactory(event=ended())
        link = reverse(
            "learning_events:recording_delete", args=[recording.event_id, "en"]
        )

        response = coordinator.post(link)

        assert response.status_code == 302
        assert not recording.event.recordings.exists()

    @pytest.mark.parametrize("action", ["recording", "announce"])
    def test_someone_without_the_change_permission_is_refused(
        self, client, mailoutbox, action
    ):
        event = ended()
        EventRecordingFactory(event=event)
        EventRsvpFactory(event=event)
        client.force_login(admin_user("Page editors", ()))
        if action == "recording":
            link = reverse("learning_events:recording", args=[event.pk, "es"])
            response = client.post(link, {"url": "https://video.example.org/x"})
        else:
            link = reverse("learning_events:announce_recordings", args=[event.pk])
            response = client.post(link)

        assert response.status_code in {302, 403}
        assert event.recordings.count() == 1
        assert mailoutbox == []


@pytest.mark.django_db
def test_a_coordinator_changes_the_interpreted_languages_in_the_admin(coordinator):
    event = EventFactory(time_zone="UTC", capacity=None)
    form = coordinator.get(reverse("learning_events:edit", args=[event.pk])).context[
        "form"
    ]
    data = {
        name: form[name].value() or ""
        for name in ("time_zone", "duration_minutes", "join_url", "capacity")
    }
    data["starts_at"] = form["starts_at"].value().strftime("%Y-%m-%d %H:%M")
    data["rsvp_closes_at"] = form["rsvp_closes_at"].value().strftime("%Y-%m-%d %H:%M")

    response = coordinator.post(
        reverse("learning_events:edit", args=[event.pk]),
        {**data, "interpretation_languages": ["fr", "es"]},
    )
    inspect = coordinator.get(reverse("learning_events:inspect", args=[event.pk]))

    assert response.status_code == 302, response.context["form"].errors
    event.refresh_from_db()
    assert event.interpretation_languages == ["fr", "es"]
    assert "French and Spanish" in inspect.content.decode()
