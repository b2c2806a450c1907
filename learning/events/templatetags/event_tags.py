"""The learning-event parts of the site's pages: an event's date, state and series."""

from django import template
from django.utils import timezone, translation
from wagtail.models import Page

from learning.catalogue.models import ProgrammePage
from learning.events.blocks import BackgroundDocumentKind
from learning.events.models import Event, EventRecording, LearningEventPage
from learning.events.selectors import (
    EventSeries,
    RsvpState,
    event_for_page,
    event_learning_note,
    event_recordings_for,
    event_rsvp_state,
    events_of_programme,
)
from learning.events.wording import EventWording, event_wording

register = template.Library()


@register.simple_tag
def programme_event_series(programme: ProgrammePage) -> EventSeries:
    """{% programme_event_series page as series %}: upcoming and past events."""
    return events_of_programme(programme=programme)


@register.simple_tag(name="event_for_page")
def event_for_page_tag(page: Page) -> Event | None:
    """{% event_for_page page as event %}: the event page's date, or None."""
    return event_for_page(page=page)


@register.simple_tag(name="event_rsvp_state")
def event_rsvp_state_tag(event: Event) -> RsvpState:
    """{% event_rsvp_state event as state %}: open, full or closed, and until when."""
    return event_rsvp_state(event=event)


@register.simple_tag(name="event_learning_note")
def event_learning_note_tag(page: LearningEventPage) -> Page | None:
    """{% event_learning_note page as note %}: the live note, or None."""
    return event_learning_note(page=page)


@register.simple_tag(name="event_recordings")
def event_recordings_tag(event: Event) -> list[EventRecording]:
    """{% event_recordings event as recordings %}: once ended, the reader's first."""
    if event.ends_at > timezone.now():
        return []
    language = translation.get_language() or ""
    return event_recordings_for(event=event, language=language)


@register.simple_tag(name="event_wording")
def event_wording_tag(page: Page) -> EventWording:
    """{% event_wording page as wording %}: "Learning event" or "Session" labels."""
    return event_wording(page=page)


@register.filter
def document_kind(kind: str) -> str:
    """{{ block.value.kind|document_kind }} → "Draft agenda", translated."""
    return str(dict(BackgroundDocumentKind.choices).get(kind, ""))
