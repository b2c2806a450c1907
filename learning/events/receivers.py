"""Tell the people who attended an event when its learning note goes live."""

from typing import Any

from django.db.models import Q
from wagtail.models import Page
from wagtail.signals import page_published

from .models import Event, LearningEventPage
from .services import event_learning_note_announce


def learning_note_on_published(sender: Any, instance: Page, **kwargs: Any) -> None:
    """Announce the notes that this publication made live (the note or the event).

    The note is announced whichever is published last: the note page, or the event
    page that links it; the service checks both are live and announces once.
    """
    for event in _events_touched(instance):
        event_learning_note_announce(event=event)


def _events_touched(page: Page) -> list[Event]:
    # Any translation counts: the event's data hangs on its source page.
    pages = LearningEventPage.objects.filter(
        Q(translation_key=page.translation_key)
        | Q(learning_note__translation_key=page.translation_key)
    ).values("translation_key")
    return list(
        Event.objects.filter(
            page__translation_key__in=pages, learning_note_announced_at=None
        )
    )


def connect() -> None:
    page_published.connect(
        learning_note_on_published, dispatch_uid="events_learning_note_published"
    )
