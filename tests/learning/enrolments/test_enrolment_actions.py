"""Coordinator and organisation actions: confirm, reject, withdraw, promote, replace."""

import pytest
from django.core.exceptions import ValidationError

from learning.editions.services import edition_update
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Enrolment, Participant
from learning.enrolments.selectors import (
    enrolment_list_for_edition,
    enrolment_waitlist,
    participant_list_for_user,
)
from learning.enrolments.services import (
    RepresentativeInput,
    enrolment_confirm,
    enrolment_create,
    enrolment_offer_accept,
    enrolment_promote_from_waitlist,
    enrolment_reject,
    enrolment_withdraw,
    representative_replace,
)
from tests.factories.learning import EditionFactory, EnrolmentFactory, enrolment_input

pytestmark = pytest.mark.django_db


def _enrol(edition, *keys: str) -> list[Enrolment]:
    return [enrolment_create(**enrolment_input(edition, k)).enrolment for k in keys]


def _states(edition) -> dict[str, tuple[str, int | None]]:
    return {
        e.organisation.name.removeprefix("Organisation "): (
            e.status,
            e.waitlist_position,
        )
        for e in Enrolment.objects.filter(edition=edition).select_related(
            "organisation"
        )
    }


@pytest.fixture
def full_edition(tree):
    """Two places, taken by a and b; c, d and e wait in that order."""
    edition = EditionFactory(programme=tree.programme, places=2)
    _enrol(edition, "a", "b", "c", "d", "e")
    return edition


def _get(edition, key: str) -> Enrolment:
    return Enrolment.objects.get(
        edition=edition, organisation__name=f"Organisation {key}"
    )


def test_withdrawing_offers_the_place_to_the_first_on_the_waitlist(full_edition):
    enrolment_withdraw(enrolment=_get(full_edition, "a"))

    assert _states(full_edition) == {
        "a": (EnrolmentStatus.WITHDRAWN, None),
        "b": (EnrolmentStatus.CONFIRMED, None),
        "c": (EnrolmentStatus.OFFERED, None),
        "d": (EnrolmentStatus.WAITLISTED, 1),
        "e": (EnrolmentStatus.WAITLISTED, 2),
    }
    assert _get(full_edition, "c").promoted_at is not None


def test_withdrawing_twice_promotes_only_once(full_edition):
    withdrawn = _get(full_edition, "a")
    enrolment_withdraw(enrolment=withdrawn)

    again = enrolment_withdraw(enrolment=withdrawn)

    assert again.status == EnrolmentStatus.WITHDRAWN
    assert _states(full_edition)["d"] == (EnrolmentStatus.WAITLISTED, 1)
    assert Enrolment.objects.filter(status=EnrolmentStatus.OFFERED).count() == 1


def test_withdrawing_from_the_waitlist_closes_the_gap(full_edition):
    enrolment_withdraw(enrolment=_get(full_edition, "c"))

    states = _states(full_edition)
    assert (states["d"], states["e"]) == (
        (EnrolmentStatus.WAITLISTED, 1),
        (EnrolmentStatus.WAITLISTED, 2),
    )
    assert states["b"] == (EnrolmentStatus.CONFIRMED, None)


def test_an_accepted_offer_is_confirmed(full_edition):
    enrolment_withdraw(enrolment=_get(full_edition, "a"))

    accepted = enrolment_offer_accept(enrolment=_get(full_edition, "c"))

    assert accepted.status == EnrolmentStatus.CONFIRMED


def test_with_approval_an_accepted_offer_waits_for_the_coordinator(tree):
    edition = EditionFactory(programme=tree.programme, places=1, requires_approval=True)
    first, second = _enrol(edition, "a", "b")
    enrolment_reject(enrolment=first)

    accepted = enrolment_offer_accept(enrolment=second)

    assert accepted.status == EnrolmentStatus.PENDING_APPROVAL


def test_a_declined_offer_goes_to_the_next_in_line(full_edition):
    enrolment_withdraw(enrolment=_get(full_edition, "a"))

    enrolment_withdraw(enrolment=_get(full_edition, "c"))

    states = _states(full_edition)
    assert states["c"] == (EnrolmentStatus.WITHDRAWN, None)
    assert states["d"] == (EnrolmentStatus.OFFERED, None)
    assert states["e"] == (EnrolmentStatus.WAITLISTED, 1)


def test_only_an_offer_can_be_accepted(full_edition):
    with pytest.raises(ValidationError) as excinfo:
        enrolment_offer_accept(enrolment=_get(full_edition, "c"))

    assert excinfo.value.code == "not_offered"


def test_the_coordinator_confirms_a_pending_enrolment(tree):
    edition = EditionFactory(programme=tree.programme, requires_approval=True)
    (pending,) = _enrol(edition, "a")

    confirmed = enrolment_confirm(enrolment=pending)

    assert confirmed.status == EnrolmentStatus.CONFIRMED
    with pytest.raises(ValidationError) as excinfo:
        enrolment_confirm(enrolment=confirmed)
    assert excinfo.value.code == "not_pending"


def test_rejecting_frees_the_place_for_the_waitlist(tree):
    edition = EditionFactory(programme=tree.programme, places=1, requires_approval=True)
    pending, waiting = _enrol(edition, "a", "b")

    rejected = enrolment_reject(enrolment=pending)

    assert rejected.status == EnrolmentStatus.REJECTED
    waiting.refresh_from_db()
    assert waiting.status == EnrolmentStatus.OFFERED


def test_a_rejected_enrolment_cannot_be_withdrawn(edition):
    (enrolment,) = _enrol(edition, "a")
    enrolment_reject(enrolment=enrolment)

    with pytest.raises(ValidationError) as excinfo:
        enrolment_withdraw(enrolment=enrolment)

    assert excinfo.value.code == "not_active"


def test_leaving_frees_the_representatives_for_another_organisation(edition):
    (enrolment,) = _enrol(edition, "a")

    enrolment_withdraw(enrolment=enrolment)

    assert not Participant.objects.filter(is_active=True).exists()


def test_the_coordinator_moves_an_organisation_from_the_waitlist(tree):
    edition = EditionFactory(programme=tree.programme, places=2)
    EnrolmentFactory(edition=edition)
    waiting = EnrolmentFactory(
        edition=edition, status=EnrolmentStatus.WAITLISTED, waitlist_position=1
    )

    promoted = enrolment_promote_from_waitlist(enrolment=waiting)

    assert promoted.status == EnrolmentStatus.CONFIRMED
    assert promoted.waitlist_position is None
    assert promoted.promoted_at is not None
    with pytest.raises(ValidationError) as excinfo:
        enrolment_promote_from_waitlist(enrolment=waiting)
    assert excinfo.value.code == "already_promoted"


def test_promotion_needs_a_free_place(full_edition):
    with pytest.raises(ValidationError) as excinfo:
        enrolment_promote_from_waitlist(enrolment=_get(full_edition, "c"))

    assert excinfo.value.code == "no_place_left"


def test_only_waitlisted_enrolments_are_promoted(full_edition):
    with pytest.raises(ValidationError) as excinfo:
        enrolment_promote_from_waitlist(enrolment=_get(full_edition, "a"))

    assert excinfo.value.code == "not_waitlisted"


def test_an_offered_place_is_not_promoted_again(full_edition):
    enrolment_withdraw(enrolment=_get(full_edition, "a"))
    edition_update(edition=full_edition, data={"places": 3})

    with pytest.raises(ValidationError) as excinfo:
        enrolment_promote_from_waitlist(enrolment=_get(full_edition, "c"))

    assert excinfo.value.code == "already_promoted"
    assert _states(full_edition)["d"] == (EnrolmentStatus.OFFERED, None)


def test_replacing_a_representative_keeps_the_old_one_on_record(edition):
    (enrolment,) = _enrol(edition, "a")
    old = enrolment.participants.order_by("email").first()
    newcomer = RepresentativeInput(
        name="Carla Díaz", email="Carla@a.example.org", role="Director"
    )

    new = representative_replace(participant=old, representative=newcomer)

    old.refresh_from_db()
    assert (old.is_active, old.replaced_by, old.replaced_at is not None) == (
        False,
        new,
        True,
    )
    assert (new.email, new.user.email, new.is_active) == (
        "carla@a.example.org",
        "carla@a.example.org",
        True,
    )
    assert enrolment.participants.filter(is_active=True).count() == 2


def test_a_replacement_cannot_represent_another_organisation(edition):
    first, second = _enrol(edition, "a", "b")
    taken = second.participants.first()

    with pytest.raises(ValidationError) as excinfo:
        representative_replace(
            participant=first.participants.first(),
            representative=RepresentativeInput(name=taken.name, email=taken.email),
        )

    assert excinfo.value.code == "duplicate_person"


def test_a_replaced_representative_cannot_be_replaced_again(edition):
    (enrolment,) = _enrol(edition, "a")
    old = enrolment.participants.first()
    representative_replace(
        participant=old,
        representative=RepresentativeInput(name="New", email="new@a.example.org"),
    )

    with pytest.raises(ValidationError) as excinfo:
        representative_replace(
            participant=old,
            representative=RepresentativeInput(name="Other", email="o@a.example.org"),
        )

    assert excinfo.value.code == "participant_inactive"


def test_selectors_list_enrolments_with_few_queries(
    full_edition, django_assert_num_queries
):
    with django_assert_num_queries(3):  # enrolments, participants, modules
        enrolments = list(enrolment_list_for_edition(edition=full_edition))
        people = [p.email for e in enrolments for p in e.current_participants]
        modules = [m.pk for e in enrolments for m in e.modules.all()]

    assert len(enrolments) == 5
    assert len(people) == 10
    assert len(modules) == 5
    assert [e.waitlist_position for e in enrolment_waitlist(edition=full_edition)] == [
        1,
        2,
        3,
    ]


def test_a_user_sees_where_they_represent_an_organisation(edition):
    (enrolment,) = _enrol(edition, "a")
    person = enrolment.participants.first()

    assert list(participant_list_for_user(user=person.user)) == [person]
