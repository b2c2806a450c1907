"""Factories for learning events and their RSVPs (learning/events)."""

from datetime import timedelta
from typing import Any

import factory
from django.utils import timezone

from learning.catalogue.enums import ProgrammeFormat
from learning.events.models import Event, EventRecording, EventRsvp, LearningEventPage

from .catalogue import ProgrammePageFactory
from .pages import BasePageFactory


class EventSeriesProgrammePageFactory(ProgrammePageFactory):
    """A programme run as a series of learning events."""

    title = factory.Sequence(lambda n: f"Learning events {n}")
    programme_format = ProgrammeFormat.EVENT_SERIES


class EventPageFactory(BasePageFactory):
    """A live event page under a programme of format EVENT_SERIES.

    Give background documents as stream data, e.g.
    ``background_documents=background_documents(doc_a, doc_b)``.
    """

    class Meta:
        model = LearningEventPage

    parent = factory.SubFactory(EventSeriesProgrammePageFactory)
    title = factory.Sequence(lambda n: f"Learning event {n}")
    introduction = "How institutions learn from each other's reforms."
    objectives = factory.LazyFunction(
        lambda: [("objective", "Share what worked and what did not.")]
    )
    key_questions = factory.LazyFunction(
        lambda: [("question", "What made the reform last?")]
    )


def background_documents(*documents: Any, kind: str = "other") -> list[tuple]:
    """Stream data for `LearningEventPage.background_documents`."""
    return [
        ("document", {"kind": kind, "document": document, "title": ""})
        for document in documents
    ]


class EventFactory(factory.django.DjangoModelFactory):
    """An event in 14 days whose RSVPs close in 10 days, with no place limit."""

    class Meta:
        model = Event

    page = factory.SubFactory(EventPageFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    duration_minutes = 90
    join_url = factory.Sequence(lambda n: f"https://zoom.example.org/event/{n}")
    time_zone = "Europe/Paris"
    rsvp_closes_at = factory.LazyAttribute(
        lambda event: event.starts_at - timedelta(days=4)
    )
    capacity = None


class EventRsvpFactory(factory.django.DjangoModelFactory):
    """A person attending, who answered in English with consent."""

    class Meta:
        model = EventRsvp

    event = factory.SubFactory(EventFactory)
    attending = True
    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@institution.example.org")
    institution = "Ministry of Finance"
    country = "Colombia"
    language = "en"
    consent_at = factory.LazyFunction(timezone.now)


class EventRecordingFactory(factory.django.DjangoModelFactory):
    """The English recording of an event (give an event that has ended)."""

    class Meta:
        model = EventRecording

    event = factory.SubFactory(
        EventFactory,
        starts_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=2)),
    )
    language = "en"
    url = factory.Sequence(lambda n: f"https://video.example.org/recording/{n}")
