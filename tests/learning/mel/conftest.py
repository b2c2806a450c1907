"""A programme whose edition had a meeting an hour ago, with its members."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from learning.editions.models import Edition, Meeting
from learning.enrolments.models import Participant
from learning.mel.models import Survey
from tests.factories.learning import (
    EditionFactory,
    MeetingFactory,
    ParticipantFactory,
    programme_tree,
)
from tests.factories.mel import SurveyFactory


@dataclass
class Held:
    survey: Survey
    edition: Edition
    meeting: Meeting
    ana: Participant  # reads Spanish
    ben: Participant  # reads English


@pytest.fixture
def held(locales, home_pages) -> Held:
    tree = programme_tree(modules=1, topics_per_module=2)
    now = timezone.now()
    edition = EditionFactory(
        programme=tree.programme,
        starts_on=(now - timedelta(days=30)).date(),
        ends_on=(now + timedelta(days=60)).date(),
    )
    meeting = MeetingFactory(
        edition=edition,
        session_topic=tree.topics[1][0],
        starts_at=now - timedelta(hours=3),
        duration_minutes=120,
    )
    ana = ParticipantFactory(
        enrolment__edition=edition, preferred_language="es", email="ana@org.example"
    )
    ben = ParticipantFactory(enrolment__edition=edition, preferred_language="en")
    survey = SurveyFactory(programme=tree.programme)
    return Held(survey=survey, edition=edition, meeting=meeting, ana=ana, ben=ben)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` runs what services enqueue on commit (emails,
    translations) when the block ends, as the end of a request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
