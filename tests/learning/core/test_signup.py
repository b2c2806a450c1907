"""The shared sign-up steps every format composes (learning.core.signup)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from learning.core.signup import (
    Refusal,
    SignUpResult,
    capacity_validate,
    email_normalise,
    parent_lock_and_count,
    record_save,
    window_open_validate,
)
from learning.enrolments.services import enrolment_create
from learning.infosessions.models import InfoSession, InfoSessionRegistration
from learning.infosessions.services import infosession_register
from tests.factories.learning import EditionFactory, InfoSessionFactory, enrolment_input

CLOSED = Refusal("closed", code="format_closed")
NOT_OPEN = Refusal("not yet", code="format_not_open")
FULL = Refusal("full", code="format_full")


def _register(session: InfoSession, email: str) -> SignUpResult:
    return infosession_register(
        session=session,
        name="Ana Pérez",
        email=email,
        organisation="Fundación Ñandú",
        country="Paraguay",
        language="es",
        consent=True,
    )


def test_an_email_is_compared_trimmed_and_in_lower_case():
    assert email_normalise("  Ana.Perez@Example.ORG ") == "ana.perez@example.org"


def test_a_closed_window_refuses_with_the_formats_own_code_and_message():
    closes_at = timezone.now()

    with pytest.raises(ValidationError) as caught:
        window_open_validate(now=closes_at, closes_at=closes_at, closed=CLOSED)

    assert caught.value.code == "format_closed"
    assert caught.value.messages == ["closed"]


def test_a_window_not_yet_open_refuses_with_its_own_code():
    now = timezone.now()

    with pytest.raises(ValidationError) as caught:
        window_open_validate(
            now=now,
            opens_at=now + timedelta(seconds=1),
            not_open=NOT_OPEN,
            closes_at=now + timedelta(days=1),
            closed=CLOSED,
        )

    assert caught.value.code == "format_not_open"


def test_the_last_moment_before_closing_is_still_open():
    now = timezone.now()

    window_open_validate(
        now=now - timedelta(microseconds=1),
        opens_at=now - timedelta(days=1),
        not_open=NOT_OPEN,
        closes_at=now,
        closed=CLOSED,
    )


@pytest.mark.django_db
def test_lock_and_count_counts_the_rows_of_a_full_parent():
    session = InfoSessionFactory(capacity=2)
    _register(session, "one@example.org")
    _register(session, "two@example.org")

    with transaction.atomic():
        locked, taken = parent_lock_and_count(
            InfoSession.objects,
            pk=session.pk,
            counted_rows=lambda parent: parent.registrations.all(),
        )
        with pytest.raises(ValidationError) as caught:
            capacity_validate(taken=taken, capacity=locked.capacity, full=FULL)

    assert (locked.pk, taken) == (session.pk, 2)
    assert caught.value.code == "format_full"


@pytest.mark.django_db
def test_lock_and_count_leaves_a_parent_with_room_open():
    session = InfoSessionFactory(capacity=2)
    _register(session, "one@example.org")

    with transaction.atomic():
        locked, taken = parent_lock_and_count(
            InfoSession.objects,
            pk=session.pk,
            counted_rows=lambda parent: parent.registrations.all(),
        )
        capacity_validate(taken=taken, capacity=locked.capacity, full=FULL)

    assert taken == 1


@pytest.mark.django_db
def test_a_sign_up_row_is_cleaned_before_it_is_saved():
    session = InfoSessionFactory()
    invalid = InfoSessionRegistration(
        session=session, name="Ana", email="not an email", consent_at=timezone.now()
    )

    with pytest.raises(ValidationError):
        record_save(invalid)

    assert not InfoSessionRegistration.objects.exists()


@pytest.mark.django_db
def test_both_formats_answer_with_the_one_result_shape():
    session = InfoSessionFactory()
    edition = EditionFactory()

    registration = _register(session, "ana@example.org")
    repeat = _register(session, " ANA@example.org")
    enrolment = enrolment_create(**enrolment_input(edition, "alpha"))
    enrolment_repeat = enrolment_create(**enrolment_input(edition, "alpha"))

    assert isinstance(registration, SignUpResult)
    assert isinstance(enrolment, SignUpResult)
    assert (registration.created, repeat.created) == (True, False)
    assert repeat.object == registration.object == registration.registration
    assert (enrolment.created, enrolment_repeat.created) == (True, False)
    assert enrolment_repeat.object == enrolment.object == enrolment.enrolment
