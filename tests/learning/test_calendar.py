from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from learning.core.calendar import CalendarEvent, calendar_build


def test_events_are_written_in_utc_and_read_back():
    bogota = ZoneInfo("America/Bogota")
    starts = datetime(2027, 2, 20, 9, 0, tzinfo=bogota)
    document = calendar_build(
        name="Mutual Learning Program",
        events=[
            CalendarEvent(
                uid="meeting-1@mlp",
                summary="Module 1: Philosophy and premises",
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                url="https://zoom.example/j/1",
                sequence=2,
            )
        ],
    )

    calendar = Calendar.from_ical(document)
    (event,) = calendar.walk("VEVENT")
    assert str(calendar["x-wr-calname"]) == "Mutual Learning Program"
    assert str(event["uid"]) == "meeting-1@mlp"
    assert event.decoded("dtstart") == datetime(2027, 2, 20, 14, 0, tzinfo=UTC)
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(hours=2)
    assert int(event["sequence"]) == 2
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["url"]) == "https://zoom.example/j/1"


def test_a_cancelled_event_says_so():
    starts = datetime(2027, 3, 1, 14, 0, tzinfo=UTC)
    document = calendar_build(
        events=[
            CalendarEvent(
                uid="x@mlp",
                summary="Info session",
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                cancelled=True,
            )
        ]
    )

    (event,) = Calendar.from_ical(document).walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"
