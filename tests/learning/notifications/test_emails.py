"""Emails to representatives and registrants, in each recipient's language."""

from datetime import UTC, date, datetime

import pytest
from django.utils import translation
from django.utils.translation import gettext
from icalendar import Calendar

from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.services import (
    RepresentativeInput,
    enrolment_confirm,
    enrolment_create,
    enrolment_withdraw,
    representative_replace,
)
from learning.infosessions.services import infosession_register
from tests.factories.learning import EditionFactory, InfoSessionFactory
from tests.learning.public_site import public_site  # noqa: F401 (a fixture)


@pytest.fixture
def site(public_site, db):  # noqa: F811
    return public_site


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks (the email tasks) of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def people(key, languages):
    return [
        RepresentativeInput(
            name=f"Person {i}",
            email=f"person{i}@{key}.example.org",
            role="Director",
            preferred_language=language,
        )
        for i, language in enumerate(languages)
    ]


def enrol(edition, key, languages=("en", "es")):
    return enrolment_create(
        edition=edition,
        organisation_name=f"Organisation {key}",
        organisation_country="Peru",
        representatives=people(key, languages),
        module_ids=[],
        consent=True,
    ).enrolment


def by_recipient(mailoutbox):
    return {message.to[0]: message for message in mailoutbox}


def html_of(message):
    return message.alternatives[0][0]


def expected(language, msgid, **params):
    """A subject as the recipient's language has it (English until translated)."""
    with translation.override(language):
        return gettext(msgid) % params


def test_each_representative_is_welcomed_in_their_language(
    client, site, commit, mailoutbox
):
    edition = EditionFactory(programme=site.programme, title="Spring 2027")

    with commit():
        enrol(edition, "acme", languages=("en", "es"))

    mails = by_recipient(mailoutbox)
    english = mails["person0@acme.example.org"]
    spanish = mails["person1@acme.example.org"]
    subject = "You represent your organisation in %(edition)s"
    assert english.subject == "You represent your organisation in Spring 2027"
    assert spanish.subject == expected("es", subject, edition="Spring 2027")
    assert "Mutual Learning Program" in english.body
    assert "Programa de Aprendizaje Mutuo" in spanish.body
    assert "/es/programmes/mlp/" in spanish.body
    assert 'lang="es"' in html_of(spanish)
    assert "is confirmed" in english.body
    link = next(w for w in spanish.body.split() if "/accounts/password/set/" in w)
    assert "/es/accounts/" in link
    form = client.get(link.removeprefix("http://testserver"), follow=True)
    assert form.context["validlink"] is True


def test_a_waitlisted_enrolment_is_told_its_position(site, commit, mailoutbox):
    edition = EditionFactory(programme=site.programme, places=1)
    enrol(edition, "first")

    with commit():
        enrol(edition, "second", languages=("en", "en"))

    message = by_recipient(mailoutbox)["person0@second.example.org"]
    assert "on the waitlist in position 1" in message.body


def test_confirming_a_pending_enrolment_tells_everyone(site, commit, mailoutbox):
    edition = EditionFactory(programme=site.programme, requires_approval=True)
    enrolment = enrol(edition, "acme")
    assert enrolment.status == EnrolmentStatus.PENDING_APPROVAL

    with commit():
        enrolment_confirm(enrolment=enrolment)

    assert sorted(m.to[0] for m in mailoutbox) == [
        "person0@acme.example.org",
        "person1@acme.example.org",
    ]
    english = by_recipient(mailoutbox)["person0@acme.example.org"]
    assert english.subject == f"Your enrolment in {edition.title} is confirmed"
    assert "is confirmed" in english.body


def test_a_withdrawal_offers_the_place_to_the_waitlist(site, commit, mailoutbox):
    edition = EditionFactory(programme=site.programme, places=1)
    first = enrol(edition, "first")
    enrol(edition, "second", languages=("es", "en"))

    with commit():
        enrolment_withdraw(enrolment=first)

    mails = by_recipient(mailoutbox)
    assert "has been withdrawn" in mails["person0@first.example.org"].body
    offered = mails["person1@second.example.org"]
    assert offered.subject == f"A place in {edition.title} is offered to you"
    spanish = mails["person0@second.example.org"]
    subject = "A place in %(edition)s is offered to you"
    assert spanish.subject == expected("es", subject, edition=edition.title)
    assert "Programa de Aprendizaje Mutuo" in spanish.body


def test_a_replacement_is_welcomed(site, commit, mailoutbox):
    edition = EditionFactory(programme=site.programme)
    participant = enrol(edition, "acme").participants.first()
    newcomer = RepresentativeInput(
        name="Luz", email="luz@acme.example.org", preferred_language="es"
    )

    with commit():
        representative_replace(participant=participant, representative=newcomer)

    assert [m.to for m in mailoutbox] == [["luz@acme.example.org"]]
    assert "/es/accounts/password/set/" in mailoutbox[0].body


@pytest.mark.parametrize(
    ("language", "date_text", "title", "zone"),
    [
        ("en", "March 3, 2027", "Mutual Learning Program", "Colombia Time"),
        (
            "es",
            "3 de marzo de 2027",
            "Programa de Aprendizaje Mutuo",
            "hora de Colombia",
        ),
    ],
)
def test_the_infosession_confirmation_carries_the_meeting(
    site, commit, mailoutbox, language, date_text, title, zone
):
    starts_at = datetime(2027, 3, 3, 15, 0, tzinfo=UTC)
    session = InfoSessionFactory(
        programme=site.programme, title="Meet us", starts_at=starts_at
    )

    with commit():
        infosession_register(
            session=session,
            name="Ana",
            email="ana@example.org",
            organisation="",
            country="",
            language=language,
            consent=True,
        )

    (message,) = mailoutbox
    subject = "You are signed up: %(title)s"
    assert message.subject == expected(language, subject, title="Meet us")
    assert date_text in message.body
    assert "15:00 UTC" in message.body and f"10:00 ({zone})" in message.body
    assert title in message.body and title in html_of(message)
    assert f'lang="{language}"' in html_of(message)
    (_filename, content, mimetype) = message.attachments[0]
    assert mimetype == "text/calendar"
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Meet us"
    assert event.decoded("dtstart") == starts_at
    assert str(event["url"]) == session.join_url


def test_an_untitled_edition_is_its_start_month_in_each_language(
    site,
    commit,
    mailoutbox,
):
    edition = EditionFactory(
        programme=site.programme,
        title="",
        starts_on=date(2031, 2, 3),
        ends_on=date(2031, 6, 30),
    )

    with commit():
        enrol(edition, "acme", languages=("en", "es"))

    mails = by_recipient(mailoutbox)
    english = mails["person0@acme.example.org"]
    spanish = mails["person1@acme.example.org"]
    assert english.subject == "You represent your organisation in February 2031"
    assert "febrero de 2031" in spanish.subject
    assert "febrero de 2031" in spanish.body
    assert "febrero de 2031" in html_of(spanish)
    assert "February" not in spanish.subject + spanish.body + html_of(spanish)


@pytest.mark.parametrize(
    ("language", "name", "zone"),
    [
        ("en", "Information session", "Colombia Time"),
        ("es", "Sesión informativa", "hora de Colombia"),
    ],
)
def test_an_untitled_information_session_is_named_in_the_registrants_language(
    site,
    commit,
    mailoutbox,
    language,
    name,
    zone,
):
    session = InfoSessionFactory(
        programme=site.programme,
        title="",
        language="en",
        starts_at=datetime(2031, 3, 3, 15, 0, tzinfo=UTC),
    )

    with commit():
        infosession_register(
            session=session,
            name="Ana",
            email="ana@example.org",
            organisation="",
            country="",
            language=language,
            consent=True,
        )

    (message,) = mailoutbox
    assert message.subject.endswith(f": {name}")
    assert f"10:00 ({zone})" in message.body
    assert "America/Bogota" not in message.body + html_of(message)
    (_filename, content, _mimetype) = message.attachments[0]
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["summary"]) == name
