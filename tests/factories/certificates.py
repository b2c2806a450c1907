"""Factories for certificates and the attendance marks they depend on."""

from datetime import timedelta

import factory
from django.utils import timezone

from learning.attendance.enums import AttendanceStatus
from learning.attendance.models import Attendance

from .learning import EditionFactory, MeetingFactory, ParticipantFactory


class FinishedEditionFactory(EditionFactory):
    """An edition that ran from 140 to 10 days ago."""

    enrolment_opens_at = factory.LazyFunction(
        lambda: timezone.now() - timedelta(days=200)
    )
    enrolment_closes_at = factory.LazyFunction(
        lambda: timezone.now() - timedelta(days=150)
    )
    starts_on = factory.LazyFunction(
        lambda: (timezone.now() - timedelta(days=140)).date()
    )
    ends_on = factory.LazyFunction(lambda: (timezone.now() - timedelta(days=10)).date())


class PastMeetingFactory(MeetingFactory):
    edition = factory.SubFactory(FinishedEditionFactory)
    starts_at = factory.Sequence(
        lambda n: timezone.now() - timedelta(days=100) + timedelta(hours=n)
    )


class AttendanceMarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(PastMeetingFactory)
    participant = factory.SubFactory(ParticipantFactory)
    status = AttendanceStatus.PRESENT
