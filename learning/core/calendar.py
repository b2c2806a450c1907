"""iCalendar (RFC 5545) documents for meetings and information sessions."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from icalendar import Calendar, Event

PRODUCT_ID = "-//Mutual Learning Platform//Learning calendar//EN"


@dataclass(frozen=True)
class CalendarEvent:
    """One event: times are aware datetimes; `uid` stays stable across updates."""

    uid: str
    summary: str
    starts_at: datetime
    ends_at: datetime
    description: str = ""
    url: str = ""
    location: str = ""
    sequence: int = 0
    cancelled: bool = False


def calendar_build(*, events: Iterable[CalendarEvent], name: str = "") -> bytes:
    """A VCALENDAR holding `events`, with times in UTC; for feeds and attachments."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    stamp = datetime.now(tz=UTC)
    for item in events:
        calendar.add_component(_event(item, stamp))
    ical: bytes = calendar.to_ical()
    return ical


def _event(item: CalendarEvent, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", item.starts_at.astimezone(UTC))
    event.add("dtend", item.ends_at.astimezone(UTC))
    event.add("summary", item.summary)
    event.add("sequence", item.sequence)
    event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    for key, value in (
        ("description", item.description),
        ("url", item.url),
        ("location", item.location),
    ):
        if value:
            event.add(key, value)
    return event
