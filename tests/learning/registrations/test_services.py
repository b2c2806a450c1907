"""Registering for a seminar run: one per address, window, places, waitlist, cancel."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import ModelLogEntry

from learning.editions.selectors import edition_places_taken
from learning.editions.services import edition_update
from learning.registrations.enums import RegistrationStatus
from learning.registrations.models import Registration
from learning.registrations.services import (
    registration_cancel,
    registration_submit,
)
from tests.factories.learning import EditionFactory, MeetingFactory
from tests.factories.registrations import SeminarRunFactory, target_group_ids

pytestmark = pytest.mark.django_db


def register(edition, email="ana@example.org", **overrides):
    values = {
        "edition": edition,
        "name": "Ana Reyes",
        "email": email,
        "institution": "City of Cebu",
        "country": "Philippines",
        "language": "es",
        "consent": True,
    }
    values.update(overrides)
    if "target_group" not in values:
        values["target_group"] = target_group_ids(edition)[1]
    return registration_submit(**values)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks (the email tasks) of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def code_of(excinfo) -> str:
    error = excinfo.value
    if hasattr(error, "error_dict"):
        [errors] = error.error_dict.values()
        return errors[0].code
    return error.error_list[0].code


def test_a_registration_takes_a_place_and_is_confirmed_with_every_day_of_the_run(
    commit, mailoutbox
):
    run = SeminarRunFactory()
    sessions = [
        MeetingFactory(
            edition=run,
            starts_at=timezone.now() + timedelta(days=40 + day, hours=2),
            duration_minutes=120,
        )
        for day in range(3)
    ]

    with commit():
        result = register(run, email=" Ana@Example.org ")

    registration = Registration.objects.get()
    assert result.created and not result.waitlisted
    assert (registration.email, registration.status) == (
        "ana@example.org",
        RegistrationStatus.CONFIRMED,
    )
    assert registration.target_group == target_group_ids(run)[1]
    assert edition_places_taken(edition=run) == 1
    [message] = mailoutbox
    assert message.to == ["ana@example.org"]
    assert "Ana Reyes" in message.body and "/cancel/" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("seminar.ics", "text/calendar")
    entries = Calendar.from_ical(content).walk("VEVENT")
    assert sorted(e["UID"] for e in entries) == sorted(m.calendar_uid for m in sessions)
    assert {str(e["LOCATION"]) for e in entries} == {run.location_label}


def test_a_run_without_sessions_puts_each_of_its_days_in_the_calendar(
    commit, mailoutbox
):
    run = SeminarRunFactory()

    with commit():
        register(run)

    [(_name, content, _type)] = mailoutbox[0].attachments
    entries = Calendar.from_ical(content).walk("VEVENT")
    assert len({e.decoded("DTSTART").date() for e in entries}) == 3


def test_when_every_place_is_taken_the_next_person_is_waitlisted_without_a_calendar(
    commit, mailoutbox
):
    run = SeminarRunFactory(places=1)
    register(run, email="first@example.org")

    with commit():
        result = register(run, email="second@example.org")

    assert result.waitlisted and result.created
    assert Registration.objects.get(email="second@example.org").status == (
        RegistrationStatus.WAITLISTED
    )
    assert edition_places_taken(edition=run) == 1
    [message] = mailoutbox
    assert message.attachments == []
    assert "waitlist" in message.subject.lower() or "lista" in message.subject.lower()


def test_the_same_address_again_changes_nothing_and_sends_its_person_the_link(
    commit, mailoutbox
):
    run = SeminarRunFactory()
    register(run, name="Ana Reyes", language="en")

    with commit():
        result = register(
            run, name="Somebody Else", email="ANA@example.org", language="es"
        )

    assert result.created is False
    assert result.name == "Somebody Else"  # the caller sees only what it sent
    assert Registration.objects.count() == 1
    assert Registration.objects.get().name == "Ana Reyes"
    [message] = mailoutbox
    assert message.to == ["ana@example.org"]
    assert "Ana Reyes" in message.body and "nothing changed" in message.body


@pytest.mark.parametrize(
    ("opens", "closes", "code"),
    [
        (timedelta(hours=1), timedelta(days=2), "registration_not_open"),
        (-timedelta(days=2), -timedelta(seconds=1), "registration_closed"),
    ],
)
def test_registration_is_taken_only_in_the_runs_window(opens, closes, code):
    now = timezone.now()
    run = SeminarRunFactory(
        enrolment_opens_at=now + opens, enrolment_closes_at=now + closes
    )

    with pytest.raises(ValidationError) as excinfo:
        register(run)

    assert code_of(excinfo) == code
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"target_group": "not-a-group"}, "unknown_target_group"),
        ({"target_group": ""}, "unknown_target_group"),
        ({"consent": False}, "consent_required"),
        ({"name": "  "}, "name_required"),
        ({"name": "\u200b"}, "name_invisible"),
        ({"email": "not-an-address"}, "invalid"),
    ],
)
def test_bad_answers_are_refused_with_their_code(overrides, code):
    run = SeminarRunFactory()

    with pytest.raises(ValidationError) as excinfo:
        register(run, **overrides)

    assert code_of(excinfo) == code
    assert not Registration.objects.exists()


def test_only_a_seminars_runs_take_individual_registrations():
    edition = EditionFactory()

    with pytest.raises(ValidationError) as excinfo:
        register(edition, target_group="")

    assert code_of(excinfo) == "registration_not_offered"


def test_cancelling_frees_the_place_for_the_first_person_waiting(commit, mailoutbox):
    run = SeminarRunFactory(places=1)
    first = register(run, email="first@example.org").registration
    register(run, email="second@example.org")
    register(run, email="third@example.org")
    mailoutbox.clear()

    with commit():
        registration_cancel(registration=first)

    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "first@example.org": RegistrationStatus.CANCELLED,
        "second@example.org": RegistrationStatus.CONFIRMED,
        "third@example.org": RegistrationStatus.WAITLISTED,
    }
    assert edition_places_taken(edition=run) == 1
    assert sorted(m.to[0] for m in mailoutbox) == [
        "first@example.org",
        "second@example.org",
    ]
    place = next(m for m in mailoutbox if m.to == ["second@example.org"])
    assert len(place.attachments) == 1  # the calendar, now the place is theirs
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"registrations.cancelled", "registrations.promoted"} <= actions


def test_cancelling_twice_changes_nothing(commit, mailoutbox):
    run = SeminarRunFactory()
    registration = register(run).registration
    registration_cancel(registration=registration)
    mailoutbox.clear()

    with commit():
        again = registration_cancel(registration=registration)

    assert again.status == RegistrationStatus.CANCELLED
    assert mailoutbox == []


def test_a_started_run_is_not_cancelled_from_the_link():
    run = SeminarRunFactory()
    registration = register(run).registration

    with pytest.raises(ValidationError) as excinfo:
        registration_cancel(
            registration=registration,
            now=timezone.now() + timedelta(days=41),
        )

    assert code_of(excinfo) == "registration_cancel_closed"
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_a_cancelled_person_who_registers_again_queues_behind_the_others():
    run = SeminarRunFactory(places=1)
    first = register(run, email="first@example.org").registration
    registration_cancel(registration=first)  # nobody waiting: the place is free
    register(run, email="second@example.org")

    result = register(run, email="first@example.org", name="Ana Again")

    assert result.created and result.waitlisted
    first.refresh_from_db()
    assert (first.status, first.name) == (RegistrationStatus.WAITLISTED, "Ana Again")
    assert Registration.objects.count() == 2


def test_added_places_go_to_the_people_waiting(commit, mailoutbox):
    run = SeminarRunFactory(places=1)
    register(run, email="first@example.org")
    register(run, email="second@example.org")
    mailoutbox.clear()

    with commit():
        edition_update(edition=run, data={"places": 2})

    assert Registration.objects.get(email="second@example.org").status == (
        RegistrationStatus.CONFIRMED
    )
    assert [m.to for m in mailoutbox] == [["second@example.org"]]


def test_places_cannot_drop_below_the_people_registered():
    run = SeminarRunFactory(places=2)
    register(run, email="first@example.org")
    register(run, email="second@example.org")

    with pytest.raises(ValidationError) as excinfo:
        edition_update(edition=run, data={"places": 1})

    assert code_of(excinfo) == "places_below_taken"
