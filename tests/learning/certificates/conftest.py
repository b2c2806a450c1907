"""A finished edition of the bilingual programme: four meetings per module."""

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission

from cms.demo.accounts import COORDINATOR_PERMISSIONS, model_permissions
from learning.attendance.enums import AttendanceStatus
from learning.editions.models import Edition, Meeting
from learning.enrolments.models import Participant
from tests.factories.certificates import (
    AttendanceMarkFactory,
    FinishedEditionFactory,
    PastMeetingFactory,
)
from tests.factories.learning import EnrolmentFactory, ParticipantFactory
from tests.factories.users import UserFactory
from tests.learning.public_site import PublicProgramme, public_site  # noqa: F401

MEETINGS_PER_MODULE = 4


@dataclass
class Course:
    """An edition with its meetings by module number (1, 2, 3)."""

    site: PublicProgramme
    edition: Edition
    meetings: dict[int, list[Meeting]] = field(default_factory=dict)

    def enrol(self, *, email: str, modules: tuple[int, ...] = (1, 2)) -> Participant:
        """A confirmed participant who chose the given module numbers."""
        enrolment = EnrolmentFactory(edition=self.edition)
        enrolment.modules.set([self.site.modules[n - 1] for n in modules])
        return ParticipantFactory(
            enrolment=enrolment, user=UserFactory(email=email), name=email
        )

    def mark(self, participant: Participant, module: int, *statuses: str) -> None:
        """Mark the module's meetings in order with the given statuses."""
        for meeting, status in zip(self.meetings[module], statuses, strict=False):
            AttendanceMarkFactory(
                meeting=meeting, participant=participant, status=status
            )

    def attend_all(self, participant: Participant, *modules: int) -> None:
        for module in modules:
            self.mark(
                participant, module, *[AttendanceStatus.PRESENT] * MEETINGS_PER_MODULE
            )


@pytest.fixture
def site(public_site, db) -> PublicProgramme:  # noqa: F811
    return public_site


def course_build(site: PublicProgramme, **edition_fields) -> Course:
    edition = FinishedEditionFactory(programme=site.programme, **edition_fields)
    course = Course(site=site, edition=edition)
    for number, module in enumerate(site.modules, start=1):
        topic = module.get_children().first().specific
        course.meetings[number] = [
            PastMeetingFactory(edition=edition, session_topic=topic)
            for _ in range(MEETINGS_PER_MODULE)
        ]
    return course


@pytest.fixture
def course(site) -> Course:
    return course_build(site, title="Edition 2029")


@pytest.fixture
def coordinator(db):
    """A user with the demo Coordinators group's permissions and admin access."""
    user = UserFactory(email="coordinator@example.org")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *model_permissions(COORDINATOR_PERMISSIONS),
    )
    return user


@pytest.fixture(autouse=True)
def empty_certificate_storage(settings):
    """No PDF left over from an earlier test (edition ids repeat)."""
    folder = Path(settings.PRIVATE_MEDIA_ROOT) / "certificates"
    shutil.rmtree(folder, ignore_errors=True)
    yield
    shutil.rmtree(folder, ignore_errors=True)


def stored_pdfs() -> list[Path]:
    from django.conf import settings

    root = Path(settings.PRIVATE_MEDIA_ROOT) / "certificates"
    return sorted(p for p in root.rglob("*.pdf") if p.is_file())
