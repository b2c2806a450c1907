"""Factories for editions, enrolments and information sessions (learning/*)."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import factory
from django.utils import timezone

from learning.catalogue.models import ModulePage, ProgrammePage, SessionTopicPage
from learning.editions.models import Edition, Meeting
from learning.enrolments.enums import EnrolmentStatus
from learning.enrolments.models import Enrolment, Organisation, Participant
from learning.enrolments.services import RepresentativeInput
from learning.infosessions.models import InfoSession

from .catalogue import (
    ModulePageFactory,
    ProgrammePageFactory,
    SessionTopicPageFactory,
)
from .users import UserFactory


@dataclass
class ProgrammeTree:
    """A programme with numbered modules (module 1 required first) and topics."""

    programme: ProgrammePage
    modules: list[ModulePage]
    topics: dict[int, list[SessionTopicPage]]


def programme_tree(modules: int = 3, topics_per_module: int = 2) -> ProgrammeTree:
    """Build a live programme with its modules and session topics."""
    programme = ProgrammePageFactory()
    tree = ProgrammeTree(programme=programme, modules=[], topics={})
    for number in range(1, modules + 1):
        module = ModulePageFactory(
            parent=programme,
            title=f"Module {number}",
            module_number=number,
            is_required_first=number == 1,
        )
        tree.modules.append(module)
        tree.topics[number] = [
            SessionTopicPageFactory(parent=module, title=f"Topic {number}.{i}")
            for i in range(1, topics_per_module + 1)
        ]
    return tree


class EditionFactory(factory.django.DjangoModelFactory):
    """An edition whose enrolment window is open now, with 15 places."""

    class Meta:
        model = Edition

    programme = factory.SubFactory(ProgrammePageFactory)
    title = factory.Sequence(lambda n: f"Edition {n}")
    slug = factory.Sequence(lambda n: f"edition-{n}")
    enrolment_opens_at = factory.LazyFunction(
        lambda: timezone.now() - timedelta(days=1)
    )
    enrolment_closes_at = factory.LazyFunction(
        lambda: timezone.now() + timedelta(days=30)
    )
    starts_on = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=40)).date()
    )
    ends_on = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=200)).date()
    )
    places = 15
    time_zone = "UTC"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    edition = factory.SubFactory(EditionFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=45))
    duration_minutes = 120
    join_url = factory.Sequence(lambda n: f"https://zoom.example.org/j/{n}")
    interpretation_languages = factory.LazyFunction(lambda: ["es"])


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    normalised_name = factory.LazyAttribute(lambda o: o.name.casefold())
    domain = factory.Sequence(lambda n: f"org{n}.example.org")
    country = "Colombia"


class EnrolmentFactory(factory.django.DjangoModelFactory):
    """A confirmed enrolment, without representatives (see ParticipantFactory)."""

    class Meta:
        model = Enrolment

    edition = factory.SubFactory(EditionFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = EnrolmentStatus.CONFIRMED
    consent_at = factory.LazyFunction(timezone.now)
    status_changed_at = factory.LazyFunction(timezone.now)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    enrolment = factory.SubFactory(EnrolmentFactory)
    edition = factory.SelfAttribute("enrolment.edition")
    user = factory.SubFactory(UserFactory)
    name = factory.LazyAttribute(lambda p: p.user.get_full_name() or "Participant")
    email = factory.SelfAttribute("user.email")
    role = "Coordinator"
    preferred_language = "en"


class InfoSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InfoSession

    programme = factory.SubFactory(ProgrammePageFactory)
    title = factory.Sequence(lambda n: f"Information session {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    duration_minutes = 60
    join_url = factory.Sequence(lambda n: f"https://zoom.example.org/info/{n}")
    capacity = 50
    language = "en"


def representatives(key: str, count: int = 2) -> list[RepresentativeInput]:
    """`count` representatives with emails at the domain `<key>.example.org`."""
    return [
        RepresentativeInput(
            name=f"Person {i} of {key}",
            email=f"person{i}@{key}.example.org",
            role="Programme officer",
            preferred_language="en",
        )
        for i in range(1, count + 1)
    ]


def enrolment_input(edition: Edition, key: str, **overrides: Any) -> dict[str, Any]:
    """Keyword arguments for enrolment_create from an organisation called `key`."""
    values: dict[str, Any] = {
        "edition": edition,
        "organisation_name": f"Organisation {key}",
        "organisation_country": "Kenya",
        "organisation_website": f"https://{key}.example.org",
        "representatives": representatives(key),
        "module_ids": [],
        "consent": True,
    }
    values.update(overrides)
    return values
