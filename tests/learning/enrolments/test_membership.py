"""Who belongs to an edition's community: the selector every forum, material and
attendance read starts from."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission

from learning.editions.models import Edition
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.membership import (
    EditionRole,
    edition_get_for_member,
    edition_list_for_member,
    edition_role_for_user,
    participant_get_for_user,
)
from tests.factories.learning import (
    EditionFactory,
    EnrolmentFactory,
    ParticipantFactory,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editions():
    return EditionFactory(), EditionFactory()


def _coordinator():
    user = UserFactory(is_staff=True)
    group = Group.objects.create(name="Coordinators")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="editions", codename="change_edition"
        )
    )
    user.groups.add(group)
    return user


def test_confirmed_participant_belongs_to_their_edition_only(editions):
    edition_a, edition_b = editions
    participant = ParticipantFactory(enrolment=EnrolmentFactory(edition=edition_a))

    assert list(edition_list_for_member(user=participant.user)) == [edition_a]
    assert (
        edition_role_for_user(user=participant.user, edition=edition_a)
        == EditionRole.PARTICIPANT
    )
    assert edition_role_for_user(user=participant.user, edition=edition_b) is None
    with pytest.raises(Edition.DoesNotExist):
        edition_get_for_member(user=participant.user, pk=edition_b.pk)
    assert participant_get_for_user(user=participant.user, edition=edition_a) == (
        participant
    )


@pytest.mark.parametrize(
    "status",
    [
        EnrolmentStatus.WAITLISTED,
        EnrolmentStatus.PENDING_APPROVAL,
        EnrolmentStatus.OFFERED,
        EnrolmentStatus.WITHDRAWN,
        EnrolmentStatus.REJECTED,
    ],
)
def test_without_a_confirmed_place_nobody_is_a_member(editions, status):
    edition_a, _ = editions
    participant = ParticipantFactory(
        enrolment=EnrolmentFactory(edition=edition_a, status=status)
    )

    assert not edition_list_for_member(user=participant.user).exists()
    assert edition_role_for_user(user=participant.user, edition=edition_a) is None
    assert participant_get_for_user(user=participant.user, edition=edition_a) is None


def test_a_replaced_representative_loses_membership(editions):
    edition_a, _ = editions
    participant = ParticipantFactory(
        enrolment=EnrolmentFactory(edition=edition_a), is_active=False
    )

    assert not edition_list_for_member(user=participant.user).exists()


def test_facilitator_belongs_to_the_editions_they_facilitate(editions):
    edition_a, edition_b = editions
    facilitator = UserFactory(is_staff=True)
    edition_a.facilitators.add(facilitator)

    assert list(edition_list_for_member(user=facilitator)) == [edition_a]
    assert (
        edition_role_for_user(user=facilitator, edition=edition_a)
        == EditionRole.FACILITATOR
    )
    assert edition_role_for_user(user=facilitator, edition=edition_b) is None


def test_coordinator_sees_every_edition(editions):
    coordinator = _coordinator()

    assert set(edition_list_for_member(user=coordinator)) == set(editions)
    assert (
        edition_role_for_user(user=coordinator, edition=editions[1])
        == EditionRole.COORDINATOR
    )


def test_anonymous_and_inactive_users_belong_nowhere(editions):
    edition_a, _ = editions
    participant = ParticipantFactory(enrolment=EnrolmentFactory(edition=edition_a))
    participant.user.is_active = False
    participant.user.save()

    for user in (AnonymousUser(), participant.user, None):
        assert not edition_list_for_member(user=user).exists()
        assert edition_role_for_user(user=user, edition=edition_a) is None


def test_member_list_has_no_duplicates_for_a_user_with_two_roles(editions):
    edition_a, _ = editions
    participant = ParticipantFactory(enrolment=EnrolmentFactory(edition=edition_a))
    edition_a.facilitators.add(participant.user)

    assert list(edition_list_for_member(user=participant.user)) == [edition_a]


def _with_permission(user):
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="editions", codename="change_edition"
        )
    )
    return user


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(_coordinator, id="group-permission"),
        pytest.param(lambda: _with_permission(UserFactory()), id="own-permission"),
        pytest.param(lambda: UserFactory(is_superuser=True), id="superuser"),
        pytest.param(
            lambda: UserFactory(is_superuser=True, is_active=False), id="inactive"
        ),
        pytest.param(lambda: UserFactory(is_staff=True), id="staff-only"),
    ],
)
def test_the_one_query_role_agrees_with_has_perm(editions, make):
    """edition_role_for_user asks the coordinator permission in SQL (one
    query, no has_perm): it must answer as Django's has_perm does."""
    user = make()

    is_coordinator = edition_role_for_user(user=user, edition=editions[0]) == (
        EditionRole.COORDINATOR
    )

    assert is_coordinator == (
        user.is_active and user.has_perm("editions.change_edition")
    )


def test_the_role_costs_one_query(editions, django_assert_num_queries):
    edition_a, _ = editions
    participant = ParticipantFactory(enrolment=EnrolmentFactory(edition=edition_a))
    edition_a.facilitators.add(participant.user)

    with django_assert_num_queries(1):
        role = edition_role_for_user(user=participant.user, edition=edition_a)

    assert role == EditionRole.FACILITATOR
