"""Reads of learning events: an event page's date, a series, the RSVP state."""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple, TypeVar

from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from wagtail.models import Locale, Page
from wagtail.query import PageQuerySet

from learning.catalogue.models import ProgrammePage
from learning.core.openings import opening_is_held

from .models import Event, EventRecording, LearningEventPage

PageT = TypeVar("PageT", bound=Page)


def event_page_source_get(*, page: LearningEventPage) -> LearningEventPage:
    """The translation an event page was written in first, whatever its language.

    A session accepted from a proposal is written in the proposal's language
    (not always the site's default); its translations come later, so the
    oldest page of the translation set is the source. Callers: event_schedule
    and the admin's new-event form.
    """
    pages = LearningEventPage.objects.filter(translation_key=page.translation_key)
    return pages.order_by("pk").first() or page


def event_for_page(*, page: Page) -> Event | None:
    """The Event of any translation of an event page, or None when it has no date.

    Callers: the event page, its RSVP views and the API.
    """
    return (
        Event.objects.select_related("page")
        .filter(page__translation_key=page.translation_key)
        .first()
    )


@dataclass(frozen=True)
class RsvpState:
    """Whether an event takes answers, until when, and how many places are left.

    `is_open` says answers are taken (before the deadline, and the translation
    gate does not hold them: `is_held`); a full event still takes "not
    attending". `places_left` is None when any number may attend.
    """

    is_open: bool
    closes_at: datetime
    places_left: int | None
    attending_count: int
    is_held: bool = False

    @property
    def is_full(self) -> bool:
        """No place left for one more person attending."""
        return self.places_left == 0

    @property
    def status(self) -> str:
        """ "open", "full", "not_open" (the gate holds it) or "closed", as the
        page and the API name it."""
        if self.is_held:
            return "not_open"
        if not self.is_open:
            return "closed"
        return "full" if self.is_full else "open"


def event_rsvp_state(*, event: Event, now: datetime | None = None) -> RsvpState:
    """The event's RSVP state (uses the `attending_count` and `opening_state`
    annotations of `with_rsvp_counts` when present)."""
    now = now or timezone.now()
    before_deadline = now < event.rsvp_closes_at
    held = before_deadline and opening_is_held(subject=event)
    attending = getattr(event, "attending_count", None)
    if attending is None:
        attending = event.rsvps.filter(attending=True).count()
    places_left = None
    if event.capacity is not None:
        places_left = max(event.capacity - attending, 0)
    return RsvpState(
        is_open=before_deadline and not held,
        closes_at=event.rsvp_closes_at,
        places_left=places_left,
        attending_count=attending,
        is_held=held,
    )


@dataclass(frozen=True)
class SeriesEvent:
    """One event of a series as a reader sees it.

    `page` and `learning_note` are in the reader's language when translated and
    live; `learning_note` is None until a live note is linked; `recordings`
    (once the event has ended) put the reader's language first.
    """

    event: Event
    page: LearningEventPage
    learning_note: Page | None
    recordings: tuple[EventRecording, ...] = ()

    @property
    def title(self) -> str:
        return str(self.page.title)

    @property
    def url(self) -> str:
        return self.page.url or ""


class EventSeries(NamedTuple):
    """A programme's events: those yet to end (soonest first), and past ones
    (latest first)."""

    upcoming: list[SeriesEvent]
    past: list[SeriesEvent]


def events_of_programme(
    *, programme: ProgrammePage, now: datetime | None = None
) -> EventSeries:
    """The programme's (any translation) events with a live page, upcoming and past.

    Callers: the series block of the programme page and the API. The number of
    queries is the same however many events the series holds.
    """
    now = now or timezone.now()
    locale = Locale.get_active()
    events = list(
        # Pages behind a view restriction stay out, as they do from every list.
        Event.objects.filter(page__in=_children_of_translations(programme).public())
        .select_related("page__locale")
        .prefetch_related("recordings")
        .with_rsvp_counts()
        .order_by("starts_at", "pk")
    )
    pages = _live_in_locale(
        LearningEventPage, [event.page.translation_key for event in events], locale
    )
    maybe_shown = [(event, _page_shown(event, pages)) for event in events]
    shown = [(event, page) for event, page in maybe_shown if page is not None]
    notes = _notes_by_id([_note_id(event, page) for event, page in shown], locale)
    language = translation.get_language() or locale.language_code
    items = [
        SeriesEvent(
            event=event,
            page=page,
            learning_note=notes.get(_note_id(event, page)),
            recordings=tuple(event_recordings_for(event=event, language=language)),
        )
        for event, page in shown
    ]
    return EventSeries(
        upcoming=[item for item in items if item.event.ends_at > now],
        past=[item for item in reversed(items) if item.event.ends_at <= now],
    )


def _children_of_translations(programme: ProgrammePage) -> PageQuerySet:
    """Event pages under any translation of the programme.

    A session from a proposal is created under the programme in the proposal's
    language, which may not be the site's default.
    """
    translations = ProgrammePage.objects.filter(
        translation_key=programme.translation_key
    )
    where = Q(pk__in=[])
    for translation_page in translations:
        where |= LearningEventPage.objects.child_of_q(translation_page)
    return LearningEventPage.objects.filter(where)


def _live_in_locale(
    model: type[PageT], keys: list[uuid.UUID], locale: Locale
) -> dict[uuid.UUID, PageT]:
    """The live pages of `model` in `locale`, by translation key."""
    pages = (
        model.objects.filter(translation_key__in=keys, locale=locale).live().public()
    )
    return {page.translation_key: page for page in pages}


def _page_shown(
    event: Event, pages: dict[uuid.UUID, LearningEventPage]
) -> LearningEventPage | None:
    # Not translated (or the translation is a draft): the source stands in.
    page = pages.get(event.page.translation_key)
    if page is None and event.page.live:
        page = event.page
    return page


def _note_id(event: Event, page: LearningEventPage) -> int | None:
    # A translation without its own link shows the source page's note.
    note_id: int | None = page.learning_note_id or event.page.learning_note_id
    return note_id


def _notes_by_id(note_ids: list[int | None], locale: Locale) -> dict[int | None, Page]:
    """The live notes by the id linked, each in `locale` when translated and live
    (looked up with an event's note id, which may be None)."""
    notes = Page.objects.filter(pk__in=[pk for pk in note_ids if pk]).live().public()
    localized = _live_in_locale(Page, [note.translation_key for note in notes], locale)
    return {note.pk: localized.get(note.translation_key, note) for note in notes}


def event_learning_note(*, page: LearningEventPage) -> Page | None:
    """The event's live learning note in the reader's language, or None."""
    note_id = page.learning_note_id or event_page_source_get(page=page).learning_note_id
    note = Page.objects.filter(pk=note_id).live().first() if note_id else None
    if note is None:
        return None
    localized = note.localized
    return localized if localized.live else note


def event_learning_note_due_list(*, now: datetime) -> QuerySet[Event]:
    """Events that have started, have a learning note set and were not announced.

    The announcement itself checks that the note and the event page are live.
    """
    with_note = LearningEventPage.objects.exclude(learning_note=None).values(
        "translation_key"
    )
    return Event.objects.filter(
        starts_at__lte=now,
        learning_note_announced_at=None,
        page__translation_key__in=with_note,
    ).order_by("starts_at", "pk")


def event_recordings_for(*, event: Event, language: str) -> list[EventRecording]:
    """The event's recordings, the one in `language` first, then in track order.

    Callers: the event page, the API and the recordings email. Empty until the
    event has ended (no recording can be saved before).
    """
    recordings = list(event.recordings.all())
    order = event.track_languages()

    def rank(recording: EventRecording) -> tuple[bool, int]:
        known = recording.language in order
        position = order.index(recording.language) if known else len(order)
        return (recording.language != language, position)

    return sorted(recordings, key=rank)
