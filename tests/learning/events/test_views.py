"""Answering a learning event's invitation on the public site, and changing it."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from learning.events.links import rsvp_token_make
from learning.events.models import EventRsvp
from tests.factories.events import EventFactory, EventPageFactory, EventRsvpFactory
from tests.learning.events.event_site import event_site  # noqa: F401 (a fixture)

# Friday 3 December 2027, 17:00 in Paris (the organiser's zone) is 16:00 UTC.
DEADLINE = datetime(2027, 12, 3, 16, 0, tzinfo=UTC)
CHANGE_LINK = re.compile(r"https?://[^/\s]+(?P<path>/es/events/rsvp/[^\s\"<]+/)")


@pytest.fixture
def site(event_site, db):  # noqa: F811
    return event_site


@pytest.fixture
def event(site):
    return EventFactory(
        page=site.page,
        starts_at=DEADLINE + timedelta(days=7),
        rsvp_closes_at=DEADLINE,
        time_zone="Europe/Paris",
        capacity=2,
    )


@pytest.fixture
def closed_event(site):
    now = timezone.now()
    return EventFactory(
        page=site.page,
        starts_at=now + timedelta(days=1),
        rsvp_closes_at=now - timedelta(minutes=1),
    )


def url(event, language="en"):
    return f"/{language}/events/{event.pk}/rsvp/"


def change_url(rsvp, language="en"):
    return f"/{language}/events/rsvp/{rsvp_token_make(rsvp=rsvp)}/"


def form_data(email="ana@example.org", **overrides):
    data = {
        "attending": "yes",
        "name": "Ana Pérez",
        "email": email,
        "institution": "Ministerio de Hacienda",
        "country": "Colombia",
        "language": "es",
        "consent": "on",
    }
    data.update(overrides)
    return data


class TestRsvpForm:
    def test_shows_the_radios_in_a_fieldset_and_the_deadline_in_both_zones(
        self, client, event
    ):
        html = client.get(url(event)).content.decode()

        assert "<legend>Will you attend?" in html
        assert 'type="radio" name="attending" value="yes"' in html
        assert 'type="radio" name="attending" value="no"' in html
        assert "Please answer by" in html
        assert "Dec. 3, 2027, 5 p.m." in html  # Paris
        assert "Dec. 3, 2027, 4 p.m. UTC" in html
        assert 'datetime="2027-12-03T16:00:00+00:00" data-local-time' in html

    def test_answering_stores_one_rsvp_and_emails_the_person(
        self, client, event, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url(event, "es"), form_data(), follow=True)

        assert response.redirect_chain[-1][0] == f"{url(event, 'es')}done/"
        rsvp = EventRsvp.objects.get()
        assert (rsvp.event, rsvp.attending, rsvp.language) == (event, True, "es")
        assert rsvp.institution == "Ministerio de Hacienda"
        assert [message.to for message in mailoutbox] == [["ana@example.org"]]

    def test_the_emailed_link_opens_the_change_page_in_the_persons_language(
        self, client, event, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url(event), form_data(language="es"))

        link = CHANGE_LINK.search(mailoutbox[0].body)
        response = client.get(link.group("path"))

        assert response.status_code == 200
        assert response.context["rsvp"] == EventRsvp.objects.get()

    def test_the_done_page_shows_what_was_typed(self, client, event):
        response = client.post(
            url(event), form_data(attending="no", name="Luis Gómez"), follow=True
        )

        html = response.content.decode()
        assert "Thank you, Luis Gómez: you will not attend" in html
        assert "ana@example.org" in html

    def test_the_done_page_needs_an_answer_first(self, client, event):
        response = client.get(f"{url(event)}done/")

        assert response.status_code == 302
        assert response["Location"] == url(event)

    def test_a_repeat_keeps_one_rsvp_and_shows_only_what_was_typed(
        self, client, event, mailoutbox, django_capture_on_commit_callbacks
    ):
        EventRsvpFactory(event=event, email="ana@example.org", name="Ana First")

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                url(event),
                form_data(email=" ANA@example.org", name="Someone"),
                follow=True,
            )

        html = response.content.decode()
        assert "Thank you, Someone" in html
        assert "Ana First" not in html
        assert EventRsvp.objects.count() == 1
        # The stored person gets their change link, not the one who typed.
        assert [message.to for message in mailoutbox] == [["ana@example.org"]]

    def test_without_consent_the_error_is_on_its_field_and_nothing_is_saved(
        self, client, event
    ):
        data = form_data()
        del data["consent"]

        response = client.post(url(event), data)

        assert response.context["form"].errors["consent"] == [
            "Please accept the privacy statement."
        ]
        assert 'class="form__summary" role="alert"' in response.content.decode()
        assert 'value="Ministerio de Hacienda"' in response.content.decode()
        assert not EventRsvp.objects.exists()

    def test_errors_in_spanish_on_a_spanish_page(self, client, event):
        data = form_data()
        del data["consent"]

        response = client.post(url(event, "es"), data)

        assert response.context["form"].errors["consent"] == [
            "Acepte la declaración de privacidad."
        ]

    def test_an_answer_is_required_on_its_radios(self, client, event):
        data = form_data()
        del data["attending"]

        response = client.post(url(event), data)

        assert "attending" in response.context["form"].errors
        assert not EventRsvp.objects.exists()

    def test_a_full_event_refuses_attending_on_its_field(self, client, event):
        EventRsvpFactory.create_batch(2, event=event)

        response = client.post(url(event), form_data())

        assert response.context["form"].errors["attending"] == [
            "This event has no places left."
        ]
        assert EventRsvp.objects.count() == 2
        assert 'data-rsvp-state="full"' in response.content.decode()

    def test_a_full_event_still_takes_not_attending(self, client, event):
        EventRsvpFactory.create_batch(2, event=event)

        response = client.post(url(event), form_data(attending="no"))

        assert response.status_code == 302
        assert EventRsvp.objects.filter(attending=False).count() == 1

    def test_after_the_deadline_there_is_no_form(self, client, closed_event):
        html = client.get(url(closed_event)).content.decode()

        assert "Answers are closed." in html
        assert "<form" not in html.split('class="site-main"')[-1]

    def test_an_answer_after_the_deadline_is_refused(self, client, closed_event):
        response = client.post(url(closed_event), form_data())

        assert "Answers for this event closed at its RSVP deadline." in (
            response.content.decode()
        )
        assert not EventRsvp.objects.exists()

    def test_a_draft_event_page_has_no_rsvp(self, client, site):
        draft = EventFactory(page=EventPageFactory(parent=site.programme, live=False))

        assert client.get(url(draft)).status_code == 404
        assert client.get("/en/events/999999/rsvp/").status_code == 404


class TestRsvpChange:
    def test_shows_the_answer_and_switches_it_without_a_second_rsvp(
        self, client, event, mailoutbox, django_capture_on_commit_callbacks
    ):
        rsvp = EventRsvpFactory(event=event, attending=True, name="Ana Pérez")
        page = client.get(change_url(rsvp)).content.decode()
        assert "Ana Pérez, your answer is: you will attend." in page
        assert 'value="yes" required id="id_attending_0" checked' in page

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(change_url(rsvp), {"attending": "no"}, follow=True)

        html = response.content.decode()
        assert "Your answer is saved." in html
        assert "you will not attend." in html
        rsvp.refresh_from_db()
        assert rsvp.attending is False
        assert EventRsvp.objects.count() == 1
        assert [message.to for message in mailoutbox] == [[rsvp.email]]

    def test_the_saved_notice_shows_once(self, client, event):
        rsvp = EventRsvpFactory(event=event)
        client.post(change_url(rsvp), {"attending": "no"})
        client.get(change_url(rsvp))  # shows the notice

        assert (
            "Your answer is saved." not in client.get(change_url(rsvp)).content.decode()
        )

    def test_switching_to_attending_a_full_event_is_refused(self, client, event):
        EventRsvpFactory.create_batch(2, event=event)
        rsvp = EventRsvpFactory(event=event, attending=False)

        response = client.post(change_url(rsvp), {"attending": "yes"})

        assert response.context["form"].errors["attending"] == [
            "This event has no places left."
        ]
        rsvp.refresh_from_db()
        assert rsvp.attending is False

    def test_after_the_deadline_it_says_closed_and_changes_nothing(
        self, client, closed_event
    ):
        rsvp = EventRsvpFactory(event=closed_event, attending=True)

        page = client.get(change_url(rsvp)).content.decode()
        response = client.post(change_url(rsvp), {"attending": "no"})

        assert "your answer can no longer be changed" in page
        assert 'name="attending"' not in page
        assert "Answers for this event closed at its RSVP deadline." in (
            response.content.decode()
        )
        rsvp.refresh_from_db()
        assert rsvp.attending is True

    def test_in_spanish(self, client, event):
        rsvp = EventRsvpFactory(event=event, attending=True, name="Ana")

        html = client.get(change_url(rsvp, "es")).content.decode()

        # Depends on the merge of the Spanish translations.
        assert "Ana, su respuesta es: asistirá." in html
        assert "3 de diciembre de 2027 a las 17:00" in html
        assert "Reformas presupuestarias que perduran" in html

    @pytest.mark.parametrize("token", ["forged", "WzEsImFAYi5jIl0:1abcde:badsignature"])
    def test_a_bad_token_is_a_404(self, client, event, token):
        assert client.get(f"/en/events/rsvp/{token}/").status_code == 404

    def test_the_link_of_a_deleted_rsvp_is_a_404(self, client, event):
        rsvp = EventRsvpFactory(event=event)
        link = change_url(rsvp)
        rsvp.delete()

        assert client.get(link).status_code == 404
        assert client.post(link, {"attending": "no"}).status_code == 404

    def test_the_post_needs_the_csrf_token(self, event):
        from django.test import Client

        rsvp = EventRsvpFactory(event=event, attending=True)
        response = Client(enforce_csrf_checks=True).post(
            change_url(rsvp), {"attending": "no"}
        )

        assert response.status_code == 403
        rsvp.refresh_from_db()
        assert rsvp.attending is True
