from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from icalendar import Calendar

from learning.core.calendar import calendar_build
from learning.core.occurrence import aware_validate
from tests.factories.learning import InfoSessionFactory

pytestmark = pytest.mark.django_db


def _ics_event(session):
    document = calendar_build(events=[session.calendar_event(summary=session.label)])
    (event,) = Calendar.from_ical(document).walk("VEVENT")
    return event


def test_a_rescheduled_information_session_updates_calendars():
    session = InfoSessionFactory()
    first = _ics_event(session)

    session.changes_apply({"starts_at": session.starts_at + timedelta(days=1)})
    session.save()
    session.refresh_from_db()

    second = _ics_event(session)
    assert str(second["uid"]) == str(first["uid"]) == f"{session.uid}@mutual-learning"
    assert int(second["sequence"]) == int(first["sequence"]) + 1
    assert second.decoded("dtstart") - first.decoded("dtstart") == timedelta(days=1)


def test_a_change_calendars_do_not_show_keeps_the_revision():
    session = InfoSessionFactory()

    session.changes_apply({"capacity": session.capacity + 10})

    assert session.sequence == 0


def test_a_time_without_a_time_zone_is_refused_with_its_code():
    naive = InfoSessionFactory.build().starts_at.replace(tzinfo=None)

    with pytest.raises(ValidationError) as caught:
        aware_validate(naive)

    assert caught.value.code == "naive_datetime"
