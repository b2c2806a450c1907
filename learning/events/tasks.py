"""Background tasks that send the learning-event emails; they take ids."""

from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from learning.core.localization import language_names
from learning.notifications.emails import (
    Attachment,
    calendar_attachment,
    email_language,
    email_send,
    site_url,
)

from .blocks import BackgroundDocumentKind
from .links import rsvp_token_make
from .models import Event, EventRsvp, LearningEventPage
from .selectors import event_recordings_for


@task()
def rsvp_confirmation_email_send(*, rsvp_id: int, changed: bool = False) -> None:
    """Confirm an answer, with its change link; the event's .ics when attending.

    `changed`: the event's time or link moved, and the .ics updates calendars.
    """
    rsvp = _rsvp_get(rsvp_id)
    attachments = [_calendar_file(rsvp)] if rsvp.attending else []
    email_send(
        template="event_rsvp_confirmation",
        to=[rsvp.email],
        language=rsvp.language,
        context={**_rsvp_context(rsvp), "changed": changed},
        attachments=attachments,
    )


@task()
def rsvp_link_email_send(*, rsvp_id: int) -> None:
    """Remind the person who answered of their answer and its change link."""
    rsvp = _rsvp_get(rsvp_id)
    email_send(
        template="event_rsvp_link",
        to=[rsvp.email],
        language=rsvp.language,
        context=_rsvp_context(rsvp),
    )


@task()
def background_documents_email_send(*, rsvp_id: int) -> None:
    """Send a person attending links to the event's background documents."""
    rsvp = _rsvp_get(rsvp_id)
    with translation.override(email_language(language=rsvp.language)):
        documents = _documents(_page_in_active_language(rsvp.event))
    email_send(
        template="event_background_documents",
        to=[rsvp.email],
        language=rsvp.language,
        context={**_rsvp_context(rsvp), "documents": documents},
    )


@task()
def learning_note_email_send(*, rsvp_id: int) -> None:
    """Tell a person who attended that the event's learning note is published."""
    rsvp = _rsvp_get(rsvp_id)
    note = rsvp.event.learning_note_live()
    if note is None:
        return  # unpublished since it was announced: nothing to point at
    with translation.override(email_language(language=rsvp.language)):
        localized = note.localized
        note = localized if localized.live else note
    email_send(
        template="event_learning_note",
        to=[rsvp.email],
        language=rsvp.language,
        context={
            **_rsvp_context(rsvp),
            "note_title": note.title,
            "note_url": _absolute(note.url),
        },
    )


@task()
def recordings_email_send(*, rsvp_id: int) -> None:
    """Send a person who registered the event's recordings, theirs first."""
    rsvp = _rsvp_get(rsvp_id)
    # The person's own choice, even where the site is not written in it.
    recordings = event_recordings_for(event=rsvp.event, language=rsvp.language)
    if not recordings:
        return  # removed since the announcement: nothing to point at
    email_send(
        template="event_recordings",
        to=[rsvp.email],
        language=rsvp.language,
        context={**_rsvp_context(rsvp), "recordings": recordings},
    )


def _shown_page(event: Event) -> LearningEventPage:
    """The event page in the active language when translated and live."""
    localized = event.page.localized
    return localized if localized.live else event.page


def _page_in_active_language(event: Event) -> LearningEventPage:
    localized = event.page.localized
    shown: LearningEventPage = localized
    if localized.live and localized.background_documents_to_send():
        return shown
    return event.page


def _documents(page: LearningEventPage) -> list[dict[str, str]]:
    """Title, kind and address of each background document, for an email."""
    return [
        {
            "title": value["title"] or value["document"].title,
            "kind": str(dict(BackgroundDocumentKind.choices).get(value["kind"], "")),
            "url": _absolute(value["document"].url),
        }
        for value in page.background_documents_to_send()
    ]


def _rsvp_get(rsvp_id: int) -> EventRsvp:
    return EventRsvp.objects.select_related("event__page").get(pk=rsvp_id)


def _rsvp_context(rsvp: EventRsvp) -> dict[str, Any]:
    event = rsvp.event
    with translation.override(email_language(language=rsvp.language)):
        return {
            "rsvp": rsvp,
            "event": event,
            "event_title": event.label,
            "event_url": _absolute(_shown_page(event).url),
            "time_zone": event.time_zone,
            "change_url": rsvp_change_url(rsvp=rsvp),
        }


def rsvp_change_url(*, rsvp: EventRsvp) -> str:
    """The RSVP's change link in its person's language ("" when not routed)."""
    language = email_language(language=rsvp.language)
    try:
        with translation.override(language):
            path = reverse(
                "events:rsvp-change", kwargs={"token": rsvp_token_make(rsvp=rsvp)}
            )
    except NoReverseMatch:
        # A site that installs the plugin without its public pages.
        return ""
    return site_url() + path


def event_calendar_event_summary(*, event: Event, language: str) -> str:
    """The event's title as its calendar entry reads in `language`."""
    with translation.override(email_language(language=language)):
        return event.label


def event_calendar_description(*, event: Event, language: str) -> str:
    """The calendar entry's text in `language`: the page, then the interpretation."""
    with translation.override(email_language(language=language)):
        lines = [_absolute(_shown_page(event).url)]
        if event.interpretation_languages:
            names = language_names(event.interpretation_languages)
            lines.append(
                gettext("Live interpretation: %(languages)s") % {"languages": names}
            )
    return "\n".join(line for line in lines if line)


def _calendar_file(rsvp: EventRsvp) -> Attachment:
    event = rsvp.event
    title = event_calendar_event_summary(event=event, language=rsvp.language)
    url = _absolute(event.page.url)
    calendar_event = event.calendar_event(
        summary=title,
        description=event_calendar_description(event=event, language=rsvp.language),
        url=event.join_url or url,
        location=event.join_url,
    )
    return calendar_attachment(
        events=[calendar_event], name=title, filename="learning-event.ics"
    )


def _absolute(url: str | None) -> str:
    if not url:
        return ""
    return url if url.startswith("http") else site_url() + url
