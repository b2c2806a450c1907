"""Who a meeting is for: the organisations that chose its module, and everyone
for a meeting of the whole edition (no session topic)."""

import pytest

from learning.enrolments.models import Participant
from learning.participants.selectors import (
    meeting_expects_modules,
    member_module_paths,
    participant_module_paths,
)
from tests.factories.learning import MeetingFactory, ParticipantFactory

from .conftest import NOW, seat

pytestmark = pytest.mark.django_db


def test_a_meeting_is_for_the_organisations_that_chose_its_module(site):
    first_only = seat(site, email="c@example.org", start=NOW, title="C", modules=1)
    chosen = participant_module_paths(
        edition=first_only.edition, user=first_only.participant.user
    )
    whole_edition = MeetingFactory(edition=first_only.edition, session_topic=None)

    expected = [
        meeting_expects_modules(meeting=m, module_paths=chosen)
        for m in [*first_only.meetings, whole_edition]
    ]

    assert expected == [True, False, False, True]


def test_members_chosen_modules_leave_out_people_who_left(site):
    both = seat(site, email="c@example.org", start=NOW, title="C", modules=2)
    colleague = ParticipantFactory(enrolment=both.participant.enrolment)
    Participant.objects.filter(pk=colleague.pk).update(is_active=False)
    modules = {m.path for m in site.modules[:2]}

    assert member_module_paths(edition=both.edition) == {
        both.participant.user_id: frozenset(modules)
    }
    assert participant_module_paths(edition=both.edition, user=colleague.user) == (
        frozenset()
    )
