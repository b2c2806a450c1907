"""Two editions meeting on a session topic with materials, and their people.

Edition A: participant A, the facilitator; edition B: participant B. The
coordinator holds `editions.change_edition` and sees both.
"""

import shutil
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.utils import timezone

from learning.catalogue.models import ModulePage, SessionTopicPage
from learning.editions.models import Edition, Meeting
from tests.factories import (
    DocumentFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    SessionTopicPageFactory,
    VideoIndexPageFactory,
    VideoPageFactory,
)
from tests.factories.learning import (
    EditionFactory,
    EnrolmentFactory,
    MeetingFactory,
    ParticipantFactory,
)
from tests.factories.users import UserFactory
from tests.learning.public_site import PublicProgramme, public_site, translate  # noqa: F401

PUBLICATION_KEY = "material-publication"
VIDEO_KEY = "material-video"
DECK_KEY = "material-deck"


@dataclass
class World:
    topic: SessionTopicPage
    edition_a: Edition
    edition_b: Edition
    meeting_a: Meeting
    meeting_b: Meeting
    participant_a: object
    participant_b: object
    facilitator: object
    coordinator: object
    publication: object
    video: object


def materials_of(*, publication, video, document) -> list[dict]:
    """A session topic's materials as stored (raw StreamField data, fixed ids)."""
    return [
        {
            "type": "page",
            "id": PUBLICATION_KEY,
            "value": {"page": publication.pk, "note": "Read chapter 2."},
        },
        {"type": "page", "id": VIDEO_KEY, "value": {"page": video.pk, "note": ""}},
        {
            "type": "presentation",
            "id": DECK_KEY,
            "value": {
                "title": "Module slides",
                "document": document.pk,
                "url": "",
                "description": "The slides.",
            },
        },
    ]


def enrolment_choosing(edition: Edition, *modules: ModulePage):
    """A confirmed enrolment that chose these modules."""
    enrolment = EnrolmentFactory(edition=edition)
    enrolment.modules.set(modules)
    return enrolment


def member_edition(programme, *, user, meetings_on: SessionTopicPage):
    edition = EditionFactory(programme=programme)
    module = meetings_on.get_parent().specific
    ParticipantFactory(enrolment=enrolment_choosing(edition, module), user=user)
    meeting = MeetingFactory(
        edition=edition,
        session_topic=meetings_on,
        starts_at=timezone.now() + timedelta(days=3),
    )
    return edition, meeting


@pytest.fixture
def site(public_site, db) -> PublicProgramme:  # noqa: F811
    return public_site


@pytest.fixture
def world(site) -> World:
    home = site.programme.get_parent().get_parent()
    publication = PublicationPageFactory(
        parent=PublicationIndexPageFactory(parent=home), title="Care guide"
    )
    video = VideoPageFactory(
        parent=VideoIndexPageFactory(parent=home), title="Kinship talk"
    )
    topic = SessionTopicPageFactory(
        parent=site.modules[0],
        title="Topic with materials",
        materials=materials_of(
            publication=publication,
            video=video,
            document=DocumentFactory(title="Slides EN"),
        ),
    )
    people = {
        key: UserFactory(email=f"{key}@example.org")
        for key in ("participant-a", "participant-b", "facilitator", "coordinator")
    }
    edition_a, meeting_a = member_edition(
        site.programme, user=people["participant-a"], meetings_on=topic
    )
    edition_b, meeting_b = member_edition(
        site.programme, user=people["participant-b"], meetings_on=topic
    )
    edition_a.facilitators.add(people["facilitator"])
    people["coordinator"].user_permissions.add(
        Permission.objects.get(codename="change_edition")
    )
    return World(
        topic=topic,
        edition_a=edition_a,
        edition_b=edition_b,
        meeting_a=meeting_a,
        meeting_b=meeting_b,
        participant_a=people["participant-a"],
        participant_b=people["participant-b"],
        facilitator=people["facilitator"],
        coordinator=people["coordinator"],
        publication=publication,
        video=video,
    )


@pytest.fixture(autouse=True)
def empty_private_storage(settings):
    """No stored material left over from an earlier test (edition ids repeat)."""
    folder = Path(settings.PRIVATE_MEDIA_ROOT) / "materials"
    shutil.rmtree(folder, ignore_errors=True)
    yield
    shutil.rmtree(folder, ignore_errors=True)


def stored_files() -> list[str]:
    """Every shared material file in the private storage."""
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return sorted(
        str(p.relative_to(root)) for p in (root / "materials").rglob("*") if p.is_file()
    )


def add_meetings(world, count: int) -> None:
    for i in range(count):
        topic = SessionTopicPageFactory(
            parent=world.topic.get_parent(),
            title=f"More {i}",
            materials=materials_of(
                publication=world.publication,
                video=world.video,
                document=DocumentFactory(),
            ),
        )
        MeetingFactory(edition=world.edition_a, session_topic=topic)
