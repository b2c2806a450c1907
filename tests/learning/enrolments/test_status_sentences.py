"""Source strings that translate well: statuses told in whole sentences, one per
status (a label dropped into a sentence cannot agree with it in every language);
counts in the singular when there is one ("at most 1 representative"); the module
everyone takes first named by its title, not as "Module 1"."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from learning.editions.enums import EDITION_NOT_ENROLLING, EditionStatus
from learning.editions.services import edition_update
from learning.enrolments.display import ENROLLING_STATUSES
from learning.enrolments.enums import (
    ENROLMENT_IS,
    ENROLMENT_OF_IS_NOW,
    EnrolmentStatus,
)
from learning.enrolments.services import enrolment_confirm
from tests.factories.learning import EditionFactory
from tests.learning.enrolments.test_offers import (
    _enrol,
    _links,
    offered,  # noqa: F401 (a fixture)
)
from tests.learning.enrolments.test_views import form_data, url
from tests.learning.public_site import public_site  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(public_site, db):  # noqa: F811
    return public_site


def test_every_status_has_its_sentences():
    assert set(ENROLMENT_IS) == set(EnrolmentStatus)
    assert set(ENROLMENT_OF_IS_NOW) == set(EnrolmentStatus)
    assert set(EDITION_NOT_ENROLLING) == set(EditionStatus) - set(ENROLLING_STATUSES)


def test_a_refused_action_says_the_status_in_a_sentence(site):
    edition = EditionFactory(programme=site.programme)
    confirmed = _enrol(edition, "acme")

    with pytest.raises(ValidationError) as refused:
        enrolment_confirm(enrolment=confirmed)

    assert refused.value.code == "not_pending"
    assert refused.value.messages == ["This enrolment is confirmed."]


@pytest.mark.parametrize(
    ("link", "sentence"),
    [
        (0, "The enrolment of Organisation second is now confirmed."),
        (1, "The enrolment of Organisation second was withdrawn."),
    ],
)
def test_the_answered_offer_says_the_new_status(client, offered, link, sentence):  # noqa: F811
    _enrolment, mail = offered
    path = _links(mail)[link].replace("/es/", "/en/", 1)

    answered = client.post(path).content.decode()
    again = client.get(path).content.decode()

    assert f"{sentence} The representatives get an email about it." in answered
    assert f"{sentence} Nothing has changed." in again


def test_a_closed_edition_says_why_it_takes_no_enrolment(client, site):
    edition = EditionFactory(
        programme=site.programme,
        enrolment_opens_at=timezone.now() - timedelta(days=10),
        enrolment_closes_at=timezone.now() - timedelta(days=1),
    )

    html = client.get(url(edition)).content.decode()

    assert "Enrolment for this edition is closed." in html
    assert "(enrolment closed)" not in html


def test_counts_of_one_are_singular(client, site):
    edition = EditionFactory(programme=site.programme)
    _enrol(edition, "acme")
    type(edition).objects.filter(pk=edition.pk).update(
        min_representatives=1, max_representatives=1
    )
    edition.refresh_from_db()

    too_many = client.post(url(edition), form_data(key="other", people=2))
    with pytest.raises(ValidationError) as refused:
        edition_update(edition=edition, data={"places": 0})

    assert "at most 1 representative." in too_many.content.decode()
    assert refused.value.messages == [
        "1 place is taken already: give at least as many."
    ]


def test_the_form_names_the_module_everyone_takes_first(client, site):
    edition = EditionFactory(programme=site.programme)

    html = client.get(url(edition)).content.decode()

    assert "Module 1 in English is always included: everyone takes it first." in html
    assert "Module 1 is always included" not in html


def test_role_has_a_context_per_sense():
    from django.utils.translation import override, pgettext

    from learning.enrolments.forms import RepresentativeForm

    label = RepresentativeForm.base_fields["role"].label
    with override("es"):
        assert str(label) == "Cargo"
        assert pgettext("part on the platform", "Role") == "Rol"
