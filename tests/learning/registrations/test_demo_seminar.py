"""The demo's seminar run comes with six registrations across the target groups."""

import pytest

from cms.demo.seminar_run import REGISTRANTS, ensure_seminar_run
from learning.registrations.enums import RegistrationStatus
from learning.registrations.models import Registration
from tests.factories.registrations import SeminarProgrammePageFactory

pytestmark = pytest.mark.django_db


def test_the_demo_run_has_six_people_of_several_groups_and_a_second_load_adds_none():
    programme = SeminarProgrammePageFactory()

    ensure_seminar_run(programme=programme)
    again = ensure_seminar_run(programme=programme)

    rows = Registration.objects.all()
    assert again == (0, 1)
    assert rows.count() == len(REGISTRANTS) == 6
    assert {row.status for row in rows} == {RegistrationStatus.CONFIRMED}
    groups = {block.id for block in programme.target_groups}
    assert {row.target_group for row in rows} <= groups
    assert len({row.target_group for row in rows}) == len(groups)
    assert {row.language for row in rows} == {"en", "es"}
