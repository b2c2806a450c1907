"""A coordinator merges an organisation flagged as a possible duplicate, or
keeps the two apart; both are logged with the coordinator's name."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Enrolment, Organisation
from learning.enrolments.services import (
    RepresentativeInput,
    enrolment_create,
    enrolment_withdraw,
    organisation_keep_separate,
    organisation_merge,
)
from tests.factories.learning import EditionFactory, enrolment_input
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def _twin(edition, key="a"):
    """Organisation `key`, then another name whose people write from its domain."""
    first = enrolment_create(**enrolment_input(edition, key)).enrolment
    people = [
        RepresentativeInput(name=f"Other {i}", email=f"other{i}@{key}.example.org")
        for i in (1, 2)
    ]
    second = enrolment_create(
        **enrolment_input(
            edition,
            "x",
            organisation_name=f"Another name for {key}",
            organisation_website="",
            representatives=people,
        )
    ).enrolment
    return first.organisation, second


def test_merging_moves_the_enrolments_and_removes_the_duplicate(tree, edition):
    original, duplicate_enrolment = _twin(edition)
    duplicate = duplicate_enrolment.organisation
    enrolment_withdraw(enrolment=duplicate_enrolment)
    later = EditionFactory(programme=tree.programme)
    kept = enrolment_create(
        **enrolment_input(
            later, "y", organisation_name=duplicate.name, organisation_website=""
        )
    ).enrolment
    coordinator = UserFactory()

    merged = organisation_merge(
        organisation=duplicate, into=original, actor=coordinator
    )

    assert merged == original
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
    assert Enrolment.objects.get(pk=kept.pk).organisation == original
    assert Enrolment.objects.filter(organisation=original).count() == 3
    entry = ModelLogEntry.objects.get(action="enrolments.organisation_merge")
    assert (entry.user, entry.object_id) == (coordinator, str(original.pk))
    assert entry.data["merged"] == duplicate.name


def test_two_active_enrolments_in_one_edition_are_not_merged(edition):
    original, duplicate_enrolment = _twin(edition)

    with pytest.raises(ValidationError) as excinfo:
        organisation_merge(
            organisation=duplicate_enrolment.organisation, into=original, actor=None
        )

    assert excinfo.value.code == "merge_conflict"
    assert Organisation.objects.count() == 2
    assert duplicate_enrolment.status == EnrolmentStatus.CONFIRMED


def test_keeping_them_separate_clears_the_flag_and_is_logged(edition):
    original, duplicate_enrolment = _twin(edition)
    coordinator = UserFactory()

    kept = organisation_keep_separate(
        organisation=duplicate_enrolment.organisation, actor=coordinator
    )

    assert kept.possible_duplicate_of is None
    assert Organisation.objects.count() == 2
    entry = ModelLogEntry.objects.get(action="enrolments.organisation_keep_separate")
    assert entry.user == coordinator
    assert entry.data["other"] == original.name
