"""The translator's inbox: the work in one language, most urgent first.

Urgency is the date of the next meeting, event, information session or enrolment
opening that needs a page (the pages each one needs: gate.gate_pages, the same
answer the translation gate uses), then the words left to translate.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import Exists, Model, OuterRef
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from learning.editions.models import Edition, Meeting
from learning.events.models import Event
from learning.infosessions.models import InfoSession

from .enums import TranslationStatus
from .gate import gate_pages
from .selectors import (
    TranslationRow,
    translation_source_objects,
    translation_status_matrix,
)

FAR = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Need:
    """The first date a page is needed, and by what."""

    when: datetime
    reason: str


def translation_needs(*, now: datetime) -> dict[str, Need]:
    """{page translation key: its earliest need} over everything yet to come.

    A query per kind of subject, and one per upcoming edition, event or session
    for its pages: bounded by what is planned, not by the pages.
    """
    needs: dict[str, Need] = {}

    def need(pages: list[Page], when: datetime, reason: str) -> None:
        for page in pages:
            key = str(page.translation_key)
            if key not in needs or when < needs[key].when:
                needs[key] = Need(when=when, reason=reason)

    for edition in Edition.objects.filter(enrolment_opens_at__gt=now):
        reason = _("Enrolment opens: %(edition)s") % {"edition": edition}
        need(gate_pages(edition), edition.enrolment_opens_at, reason)
    meetings = Meeting.objects.filter(starts_at__gte=now).exclude(session_topic=None)
    for meeting in meetings.select_related("session_topic"):
        topic = meeting.session_topic
        reason = _("Meeting: %(meeting)s") % {"meeting": topic.title}
        need([topic, topic.get_parent()], meeting.starts_at, reason)
    for event in Event.objects.filter(starts_at__gte=now).select_related("page"):
        reason = _("Event: %(event)s") % {"event": event.page.title}
        need(gate_pages(event), event.starts_at, reason)
    for session in InfoSession.objects.filter(starts_at__gte=now):
        reason = _("Information session: %(session)s") % {"session": session}
        need(gate_pages(session), session.starts_at, reason)
    return needs


def translation_words_left(*, rows: list[TranslationRow], locale: Locale) -> None:
    """Set row.words_left: the words of the strings still untranslated in locale
    (all of them for a missing translation; none while in review)."""
    extracted = _words_from_sources(rows, locale)
    for row in rows:
        status = row.cells[locale.language_code].status
        if status == TranslationStatus.IN_REVIEW:
            row.words_left = 0
        elif str(row.object.translation_key) in extracted:
            row.words_left = extracted[str(row.object.translation_key)]
        else:
            # Never extracted (nobody started it yet): count the object itself.
            row.words_left = sum(
                _words(segment.string.data)
                for segment in extract_segments(row.object)
                if isinstance(segment, StringSegmentValue)
            )


def _words_from_sources(rows: list[TranslationRow], locale: Locale) -> dict[str, int]:
    """{translation key: untranslated words} for objects with a source, one query."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale=locale,
        has_error=False,
    )
    segments = (
        StringSegment.objects.filter(
            source__object_id__in=[row.object.translation_key for row in rows],
            source__locale_id__in={row.object.locale_id for row in rows},
        )
        .annotate(done=Exists(translated))
        .values_list("source__object_id", "source__locale_id", "string__data", "done")
    )
    locales = {str(row.object.translation_key): row.object.locale_id for row in rows}
    words: dict[str, int] = {}
    for key, source_locale, data, done in segments:
        if locales.get(str(key)) != source_locale:
            continue
        words[str(key)] = words.get(str(key), 0) + (0 if done else _words(data))
    return words


def _words(text: str) -> int:
    return len(strip_tags(text).split())


def translation_work_list(
    *,
    locale: Locale,
    objects: list[Model] | None = None,
    now: datetime | None = None,
) -> list[TranslationRow]:
    """The inbox of locale: everything not up to date there, soonest needed first,
    then the biggest (it takes longest), then in tree order.

    Called by the translators' dashboard panel and the inbox emails.
    """
    now = now or timezone.now()
    if objects is None:
        objects = translation_source_objects()
    rows = translation_status_matrix(objects=objects, locales=[locale])
    code = locale.language_code
    rows = [r for r in rows if r.cells[code].status != TranslationStatus.UP_TO_DATE]
    needs = translation_needs(now=now)
    for row in rows:
        found = needs.get(str(row.object.translation_key))
        if found is not None and isinstance(row.object, Page):
            row.need_by, row.need_reason = found.when, found.reason
    translation_words_left(rows=rows, locale=locale)
    return sorted(rows, key=lambda r: (r.need_by or FAR, -r.words_left, _order(r)))


def _order(row: TranslationRow) -> tuple[int, str, int]:
    # Pages before snippets, pages in tree order.
    path = getattr(row.object, "path", "")
    return (0 if path else 1, path, row.object.pk)
