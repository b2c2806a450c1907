"""A coordinator exports or erases one person's data; counts stay as they were."""

import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError

from learning.certificates.services import certificate_issue
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Enrolment, Participant
from learning.enrolments.selectors import edition_get_availability
from learning.infosessions.models import InfoSessionRegistration
from learning.infosessions.services import infosession_register
from learning.participants.models import CalendarFeed
from learning.participants.services import calendar_feed_regenerate
from learning.privacy.selectors import person_data_export
from learning.privacy.services import person_data_erase
from tests.factories import UserFactory
from tests.factories.learning import (
    EditionFactory,
    EnrolmentFactory,
    InfoSessionFactory,
    ParticipantFactory,
    programme_tree,
)
from tests.factories.users import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db
ANA = "ana@example.org"


@pytest.fixture
def world():
    """Ana and Ben each represent an organisation and signed up for a session."""
    tree = programme_tree(modules=1, topics_per_module=1)
    edition = EditionFactory(programme=tree.programme, places=2)
    ana = UserFactory(email=ANA, first_name="Ana", last_name="Ruiz")
    ben = UserFactory(email="ben@example.org", first_name="Ben", last_name="Okoro")
    ana_enrolment = EnrolmentFactory(edition=edition, submitted_by_email=ANA)
    ParticipantFactory(enrolment=ana_enrolment, user=ana, name="Ana Ruiz")
    ParticipantFactory(user=ben, name="Ben Okoro", enrolment__edition=edition)
    EnrolmentFactory(
        edition=edition, status=EnrolmentStatus.WAITLISTED, waitlist_position=1
    )
    session = InfoSessionFactory(programme=tree.programme)
    for name, email in (("Ana Ruiz", ANA), ("Ben Okoro", "ben@example.org")):
        infosession_register(
            session=session,
            name=name,
            email=email,
            consent=True,
            organisation="Casa Abierta",
            country="Peru",
            language="es",
        )
    calendar_feed_regenerate(user=ana)
    return edition


def test_the_export_holds_the_persons_data_and_nobody_elses(world):
    data = person_data_export(email="  ANA@example.org ")

    text = str(data)
    assert data["user"]["first_name"] == "Ana"
    assert [p["name"] for p in data["participations"]] == ["Ana Ruiz"]
    assert data["participations"][0]["edition"] == world.title
    assert [r["name"] for r in data["info_session_registrations"]] == ["Ana Ruiz"]
    assert len(data["calendar_feeds"]) == 1
    assert "Ben" not in text and "ben@example.org" not in text
    user = Participant.objects.get(email=ANA).user
    assert user.password not in text and "token_hash" not in text


def test_an_unknown_email_is_not_found(world):
    with pytest.raises(ValidationError) as caught:
        person_data_export(email="nobody@example.org")

    assert caught.value.code == "person_not_found"
    with pytest.raises(ValidationError):
        person_data_erase(email="nobody@example.org", actor=None)


def test_erasure_anonymises_the_person_and_keeps_the_counts(world):
    before = edition_get_availability(edition=world)

    result = person_data_erase(email=ANA, actor=None)

    assert result.changed
    assert not Participant.objects.filter(email=ANA).exists()
    assert not Participant.objects.filter(name="Ana Ruiz").exists()
    assert not InfoSessionRegistration.objects.filter(email=ANA).exists()
    assert not Enrolment.objects.filter(submitted_by_email=ANA).exists()
    assert Participant.objects.filter(email=result.placeholder).count() == 1
    assert InfoSessionRegistration.objects.count() == 2
    assert not CalendarFeed.objects.exists()
    assert Participant.objects.filter(name="Ben Okoro").exists()
    assert authenticate(username=ANA, password=DEFAULT_PASSWORD) is None
    after = edition_get_availability(edition=world)
    assert (after.places_taken, after.waitlist_length) == (
        before.places_taken,
        before.waitlist_length,
    )
    assert Enrolment.objects.count() == 3


def test_the_user_account_is_closed_and_renamed(world):
    result = person_data_erase(email=ANA, actor=None)

    user = Participant.objects.get(email=result.placeholder).user
    assert not user.is_active
    assert not user.has_usable_password()
    assert user.email == result.placeholder
    assert "Ana" not in user.get_full_name()


def test_a_second_erasure_changes_nothing(world):
    first = person_data_erase(email=ANA, actor=None)

    second = person_data_erase(email=ANA, actor=None)

    assert not second.changed
    assert second.placeholder == first.placeholder


def test_erasure_renames_the_certificate_and_deletes_its_pdf(
    world, django_capture_on_commit_callbacks
):
    from tests.factories import SuperUserFactory

    ana = Participant.objects.get(email=ANA)
    certificate = certificate_issue(
        participant=ana,
        actor=SuperUserFactory(),
        reason="Attended every meeting of the pilot.",
        force=True,
    )
    stored = certificate.pdf.name
    storage = certificate.pdf.storage
    assert storage.exists(stored)

    with django_capture_on_commit_callbacks(execute=True):
        result = person_data_erase(email=ANA, actor=None)

    certificate.refresh_from_db()
    assert result.counts["certificates"] == 1
    assert "Ana" not in certificate.holder_name
    assert not certificate.pdf
    assert not storage.exists(stored)
