"""The events' periodic job: announce learning notes published before the event."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learning.scheduling.registry import scheduled_job

from .selectors import event_learning_note_due_list
from .services import event_learning_note_announce


@scheduled_job(
    name="events_learning_notes",
    label=gettext_lazy("Learning notes of past events"),
    cron="20 * * * *",
    description=gettext_lazy(
        "Tells the people who attended an event that its learning note is out, once, "
        "when the note was published before the event took place."
    ),
)
def events_learning_notes_announce() -> str:
    now = timezone.now()
    events = list(event_learning_note_due_list(now=now))
    told = sum(event_learning_note_announce(event=event, now=now) for event in events)
    return _("Events with a note to announce: %(events)d; people told: %(told)d.") % {
        "events": len(events),
        "told": told,
    }
