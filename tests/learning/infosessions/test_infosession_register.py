"""Information sessions: capacity, idempotent sign-up, consent, listing."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from learning.infosessions.models import InfoSessionRegistration
from learning.infosessions.selectors import (
    infosession_list_upcoming,
    infosession_places_left,
)
from learning.infosessions.services import infosession_create, infosession_register
from tests.factories.learning import InfoSessionFactory
from tests.learning.concurrency import require_concurrent_database, run_at_once


def _sign_up(session, email: str = "ana@example.org", **overrides):
    values = {
        "session": session,
        "name": "Ana Pérez",
        "email": email,
        "organisation": "Fundación Ñandú",
        "country": "Paraguay",
        "language": "es",
        "consent": True,
    }
    values.update(overrides)
    return infosession_register(**values)


@pytest.mark.django_db
def test_a_person_signs_up():
    session = InfoSessionFactory()

    result = _sign_up(session)

    assert result.created is True
    assert result.registration.consent_at is not None
    assert infosession_places_left(session=session) == session.capacity - 1


@pytest.mark.django_db
def test_signing_up_twice_returns_the_first_sign_up():
    session = InfoSessionFactory()
    first = _sign_up(session)

    again = _sign_up(session, email=" ANA@example.org", name="Ana")

    assert again.created is False
    assert again.registration == first.registration
    assert InfoSessionRegistration.objects.count() == 1


@pytest.mark.django_db
def test_a_repeat_answers_with_what_was_submitted_not_the_first_sign_up():
    session = InfoSessionFactory(language="en")
    _sign_up(session)

    again = _sign_up(session, name="  Mallory ", language="")

    assert (again.name, again.email, again.language) == (
        "Mallory",
        "ana@example.org",
        "en",
    )
    assert again.registration.name == "Ana Pérez"


@pytest.mark.django_db
def test_a_full_session_refuses_newcomers_and_repeats_alike():
    # Otherwise a repeat's success would tell that the address signed up.
    session = InfoSessionFactory(capacity=1)
    _sign_up(session)

    for email in ("ben@example.org", "ana@example.org"):
        with pytest.raises(ValidationError) as excinfo:
            _sign_up(session, email=email)
        assert excinfo.value.code == "infosession_full"


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["name", "organisation"])
def test_an_invisible_name_is_refused_on_its_field(field):
    session = InfoSessionFactory()

    with pytest.raises(ValidationError) as excinfo:
        _sign_up(session, **{field: "\u200b\u200b"})

    assert [e.code for e in excinfo.value.error_dict[field]] == ["name_invisible"]
    assert not InfoSessionRegistration.objects.exists()


@pytest.mark.django_db
def test_names_are_stored_normalised():
    session = InfoSessionFactory()

    result = _sign_up(
        session, name=" A\u0301na\u200b  \tPe\u0301rez\u202e", organisation="Uno\u00ad "
    )

    assert result.registration.name == "Ána Pérez"
    assert result.registration.organisation == "Uno"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"consent": False}, "consent_required"),
        ({"name": " "}, "name_required"),
        ({"email": "nope"}, "invalid"),
        ({"now": timezone.now() + timedelta(days=8)}, "infosession_closed"),
    ],
)
def test_sign_up_is_checked(overrides, code):
    session = InfoSessionFactory()

    with pytest.raises(ValidationError) as excinfo:
        _sign_up(session, **overrides)

    assert excinfo.value.code == code


@pytest.mark.django_db
def test_the_language_defaults_to_the_sessions():
    session = InfoSessionFactory(language="fr")

    result = _sign_up(session, language="")

    assert result.registration.language == "fr"


@pytest.mark.django_db
def test_create_points_at_the_source_programme(locales):
    session = InfoSessionFactory()
    spanish = session.programme.copy_for_translation(locales["es"], copy_parents=True)

    created = infosession_create(
        programme=spanish,
        title="Sesión informativa",
        starts_at=datetime(2030, 1, 15, 15, tzinfo=UTC),
        capacity=30,
        language="es",
    )

    assert created.programme == session.programme


@pytest.mark.django_db
def test_upcoming_sessions_carry_their_sign_up_counts(django_assert_num_queries):
    session = InfoSessionFactory()
    later = InfoSessionFactory(
        programme=session.programme, starts_at=session.starts_at + timedelta(days=1)
    )
    InfoSessionFactory(
        programme=session.programme, starts_at=timezone.now() - timedelta(days=1)
    )
    _sign_up(session)

    # The sessions; the programme, known to be in the default language, is its
    # own source (a translation would cost one query more).
    with django_assert_num_queries(1):
        sessions = list(infosession_list_upcoming(programme=session.programme))
        left = [infosession_places_left(session=s) for s in sessions]

    assert sessions == [session, later]
    assert left == [49, 50]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_sign_ups_respect_the_capacity():
    require_concurrent_database()
    session = InfoSessionFactory(capacity=5)
    calls = [{"session": session, "email": f"p{n}@example.org"} for n in range(12)]

    outcome = run_at_once(_sign_up, calls)

    assert len(outcome.results) == 5
    assert {error.code for error in outcome.errors} == {"infosession_full"}
    assert len(outcome.errors) == 7
    assert session.registrations.count() == 5
