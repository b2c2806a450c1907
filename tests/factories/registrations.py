"""Factories for seminar programmes, runs and registrations (learning/registrations)."""

from datetime import timedelta

import factory
from django.utils import timezone

from learning.catalogue.enums import ProgrammeFormat
from learning.registrations.enums import RegistrationStatus
from learning.registrations.models import Registration

from .catalogue import ProgrammePageFactory
from .learning import EditionFactory

TARGET_GROUPS = (
    "Local government officials",
    "Heads of Migration Resource Centers",
    "Officers of diaspora associations",
)


class SeminarProgrammePageFactory(ProgrammePageFactory):
    """A seminar programme with three target groups."""

    programme_format = ProgrammeFormat.SEMINAR
    target_groups_intro = "The seminar is designed for:"
    target_groups = factory.LazyFunction(
        lambda: [("target_group", name) for name in TARGET_GROUPS]
    )


class SeminarRunFactory(EditionFactory):
    """A seminar run: open for registration now, three days, in a city, 3 places."""

    programme = factory.SubFactory(SeminarProgrammePageFactory)
    places = 3
    venue = "Bayanihan Training Centre"
    city = "Cebu City"
    country = "Philippines"
    time_zone = "Asia/Manila"
    ends_on = factory.LazyAttribute(lambda run: run.starts_on + timedelta(days=2))


def target_group_ids(edition) -> list[str]:
    """The block ids of the run's programme's target groups, in page order."""
    return [block.id for block in edition.programme.target_groups]


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration made directly (tests of lists and exports)."""

    class Meta:
        model = Registration

    edition = factory.SubFactory(SeminarRunFactory)
    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    institution = "City of Cebu"
    country = "Philippines"
    language = "en"
    target_group = factory.LazyAttribute(lambda r: target_group_ids(r.edition)[0])
    status = RegistrationStatus.CONFIRMED
    consent_at = factory.LazyFunction(timezone.now)
