"""enrolment_create: places, the waitlist, modules, representatives, duplicates."""

from dataclasses import replace
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Enrolment, Organisation, Participant
from learning.enrolments.services import (
    RepresentativeInput,
    enrolment_create,
    enrolment_withdraw,
)
from tests.factories.learning import (
    EditionFactory,
    enrolment_input,
    programme_tree,
    representatives,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def _code(excinfo: pytest.ExceptionInfo[ValidationError]) -> str:
    return excinfo.value.code


def test_an_organisation_gets_a_confirmed_place(edition):
    result = enrolment_create(**enrolment_input(edition, "alpha"))

    enrolment = result.enrolment
    assert result.created is True
    assert enrolment.status == EnrolmentStatus.CONFIRMED
    assert enrolment.waitlist_position is None
    assert enrolment.consent_at is not None
    assert enrolment.organisation.country == "Kenya"
    assert enrolment.participants.filter(is_active=True).count() == 2


def test_with_approval_the_place_is_pending(tree):
    edition = EditionFactory(programme=tree.programme, requires_approval=True)

    result = enrolment_create(**enrolment_input(edition, "alpha"))

    assert result.enrolment.status == EnrolmentStatus.PENDING_APPROVAL


def test_when_places_are_gone_organisations_wait_in_order(tree):
    edition = EditionFactory(programme=tree.programme, places=2)

    results = [
        enrolment_create(**enrolment_input(edition, key)).enrolment
        for key in ("a", "b", "c", "d", "e")
    ]

    assert [(e.status, e.waitlist_position) for e in results] == [
        (EnrolmentStatus.CONFIRMED, None),
        (EnrolmentStatus.CONFIRMED, None),
        (EnrolmentStatus.WAITLISTED, 1),
        (EnrolmentStatus.WAITLISTED, 2),
        (EnrolmentStatus.WAITLISTED, 3),
    ]


def test_pending_enrolments_hold_places_too(tree):
    edition = EditionFactory(programme=tree.programme, places=1, requires_approval=True)
    enrolment_create(**enrolment_input(edition, "a"))

    second = enrolment_create(**enrolment_input(edition, "b")).enrolment

    assert second.status == EnrolmentStatus.WAITLISTED


def test_module_one_is_included_even_when_not_chosen(tree, edition):
    module_three = tree.modules[2]

    result = enrolment_create(
        **enrolment_input(edition, "a", module_ids=[module_three.pk])
    )

    assert set(result.enrolment.modules.all()) == {tree.modules[0], module_three}


def test_module_one_is_included_when_nothing_is_chosen(tree, edition):
    result = enrolment_create(**enrolment_input(edition, "a", module_ids=[]))

    assert list(result.enrolment.modules.all()) == [tree.modules[0]]


def test_modules_may_be_chosen_by_their_translations(tree, edition, locales):
    spanish = tree.modules[1].copy_for_translation(locales["es"], copy_parents=True)
    spanish.save_revision().publish()

    result = enrolment_create(**enrolment_input(edition, "a", module_ids=[spanish.pk]))

    assert set(result.enrolment.modules.all()) == {tree.modules[0], tree.modules[1]}


def test_modules_of_another_programme_are_refused(edition):
    other = programme_tree(modules=2)

    with pytest.raises(ValidationError) as excinfo:
        enrolment_create(
            **enrolment_input(edition, "a", module_ids=[other.modules[1].pk])
        )

    assert _code(excinfo) == "unknown_module"
    assert not Enrolment.objects.exists()


@pytest.mark.parametrize(
    ("count", "code"), [(1, "too_few_representatives"), (4, "too_many_representatives")]
)
def test_two_or_three_representatives(edition, count, code):
    people = representatives("a", count=count)

    with pytest.raises(ValidationError) as excinfo:
        enrolment_create(**enrolment_input(edition, "a", representatives=people))

    assert _code(excinfo) == code


def test_the_edition_sets_the_representative_limits(tree):
    edition = EditionFactory(
        programme=tree.programme, min_representatives=1, max_representatives=4
    )

    one = enrolment_create(
        **enrolment_input(edition, "a", representatives=representatives("a", 1))
    )
    four = enrolment_create(
        **enrolment_input(edition, "b", representatives=representatives("b", 4))
    )

    assert one.enrolment.participants.count() == 1
    assert four.enrolment.participants.count() == 4


def test_consent_is_required(edition):
    with pytest.raises(ValidationError) as excinfo:
        enrolment_create(**enrolment_input(edition, "a", consent=False))

    assert _code(excinfo) == "consent_required"


@pytest.mark.parametrize(
    ("shift", "code"),
    [
        (timedelta(days=-2), "enrolment_not_open"),
        (timedelta(days=31), "enrolment_closed"),
    ],
)
def test_enrolment_only_inside_the_window(edition, shift, code):
    with pytest.raises(ValidationError) as excinfo:
        enrolment_create(**enrolment_input(edition, "a", now=timezone.now() + shift))

    assert _code(excinfo) == code


def test_the_window_closes_at_its_closing_time(edition):
    last_moment = edition.enrolment_closes_at - timedelta(microseconds=1)

    enrolment_create(**enrolment_input(edition, "a", now=last_moment))
    with pytest.raises(ValidationError) as excinfo:
        enrolment_create(
            **enrolment_input(edition, "b", now=edition.enrolment_closes_at)
        )

    assert _code(excinfo) == "enrolment_closed"


def test_a_repeated_submission_returns_the_first_enrolment(edition):
    first = enrolment_create(**enrolment_input(edition, "a"))

    again = enrolment_create(**enrolment_input(edition, "a"))

    assert again.created is False
    assert again.enrolment == first.enrolment
    assert Enrolment.objects.count() == 1
    assert Participant.objects.count() == 2


def test_the_same_organisation_is_recognised_by_its_normalised_name(edition):
    first = enrolment_create(
        **enrolment_input(edition, "a", organisation_name="Fundación Ñandú, A.C.")
    )

    again = enrolment_create(
        **enrolment_input(
            edition,
            "b",
            organisation_name="  fundacion  NANDU a c ",
            organisation_website="",
        )
    )

    assert again.created is False
    assert again.enrolment == first.enrolment


def test_another_name_on_a_known_domain_is_a_new_enrolment_flagged(edition):
    first = enrolment_create(**enrolment_input(edition, "a"))
    people = [
        RepresentativeInput(name="New One", email="new1@a.example.org"),
        RepresentativeInput(name="New Two", email="new2@a.example.org"),
    ]

    other = enrolment_create(
        **enrolment_input(
            edition,
            "x",
            organisation_name="Another name for A",
            organisation_website="",
            representatives=people,
        )
    )

    assert other.created is True
    assert other.enrolment != first.enrolment
    assert other.enrolment.status == EnrolmentStatus.CONFIRMED
    organisation = other.enrolment.organisation
    assert organisation.possible_duplicate_of == first.enrolment.organisation
    assert Enrolment.objects.filter(edition=edition).count() == 2


def test_a_repeat_by_name_emails_only_the_representatives_on_record(
    edition, django_capture_on_commit_callbacks, mailoutbox
):
    enrolment_create(**enrolment_input(edition, "a"))
    strangers = [
        RepresentativeInput(name="Eve One", email="eve1@elsewhere.example.net"),
        RepresentativeInput(name="Eve Two", email="eve2@elsewhere.example.net"),
    ]

    with django_capture_on_commit_callbacks(execute=True):
        again = enrolment_create(
            **enrolment_input(edition, "a", representatives=strangers)
        )

    assert again.created is False
    assert sorted(m.to[0] for m in mailoutbox) == [
        "person1@a.example.org",
        "person2@a.example.org",
    ]
    assert "was sent again" in mailoutbox[0].subject
    assert "is confirmed" in mailoutbox[0].body


def test_webmail_domains_do_not_make_organisations_the_same(edition):
    def gmail(key: str) -> list[RepresentativeInput]:
        return [
            RepresentativeInput(name=f"{key} {i}", email=f"{key}{i}@gmail.com")
            for i in (1, 2)
        ]

    enrolment_create(
        **enrolment_input(
            edition, "a", organisation_website="", representatives=gmail("a")
        )
    )
    second = enrolment_create(
        **enrolment_input(
            edition, "b", organisation_website="", representatives=gmail("b")
        )
    )

    assert second.created is True
    assert Organisation.objects.filter(domain="").count() == 2


def test_a_person_represents_one_organisation_per_edition(edition):
    first = [
        RepresentativeInput(name="Ana", email="ana@gmail.com"),
        RepresentativeInput(name="Ben", email="ben@gmail.com"),
    ]
    enrolment_create(**enrolment_input(edition, "a", representatives=first))
    people = [
        RepresentativeInput(name="Someone", email="someone@b.example.org"),
        RepresentativeInput(name="Ana", email=" ANA@gmail.com "),
    ]

    with pytest.raises(ValidationError) as excinfo:
        enrolment_create(**enrolment_input(edition, "b", representatives=people))

    assert _code(excinfo) == "duplicate_person"
    assert Enrolment.objects.count() == 1


def test_one_person_cannot_be_two_representatives(edition):
    person = representatives("a", 1)[0]
    people = [person, replace(person, email=person.email.upper())]

    with pytest.raises(ValidationError) as excinfo:
        enrolment_create(**enrolment_input(edition, "a", representatives=people))

    assert _code(excinfo) == "duplicate_person"


def test_a_person_may_take_part_in_another_edition(edition, tree):
    other = EditionFactory(programme=tree.programme)
    enrolment_create(**enrolment_input(edition, "a"))

    result = enrolment_create(**enrolment_input(other, "a"))

    assert result.created is True
    assert Organisation.objects.count() == 1
    assert get_user_model().objects.count() == 2


def test_representatives_get_user_accounts_reused_by_email(edition):
    existing = UserFactory(email="person1@a.example.org", preferred_language="es")

    result = enrolment_create(**enrolment_input(edition, "a"))

    first, second = result.enrolment.participants.order_by("email")
    assert first.user == existing
    assert second.user.email == "person2@a.example.org"
    assert second.user.first_name == "Person"
    assert second.user.has_usable_password() is False


def test_after_withdrawing_an_organisation_may_enrol_again(edition):
    first = enrolment_create(**enrolment_input(edition, "a")).enrolment
    enrolment_withdraw(enrolment=first)

    again = enrolment_create(**enrolment_input(edition, "a"))

    assert again.created is True
    assert again.enrolment != first


def test_an_idempotency_key_returns_the_same_enrolment_whatever_its_status(edition):
    first = enrolment_create(**enrolment_input(edition, "a", idempotency_key="k1"))
    enrolment_withdraw(enrolment=first.enrolment)

    again = enrolment_create(**enrolment_input(edition, "a", idempotency_key="k1"))

    assert again.created is False
    assert again.enrolment == first.enrolment


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("email", "not-an-email", "invalid"),
        ("name", "  ", "representative_name_required"),
        ("preferred_language", "xx", "unknown_language"),
    ],
)
def test_each_representative_is_checked(edition, field, value, code):
    people = representatives("a")
    people[0] = replace(people[0], **{field: value})

    with pytest.raises(ValidationError) as excinfo:
        enrolment_create(**enrolment_input(edition, "a", representatives=people))

    assert _code(excinfo) == code


def test_an_organisation_needs_a_name(edition):
    with pytest.raises(ValidationError) as excinfo:
        enrolment_create(**enrolment_input(edition, "a", organisation_name=" -- "))

    assert _code(excinfo) == "organisation_name_required"
