"""The translation gate: an edition, event or information session opens for sign-up
only when the pages people read for it are live and up to date in every language
its programme is offered in.

Registered as an opening check of learning.core.openings (TranslationsConfig.ready).
The platform has no editable email texts (emails are templates, translated through
the .po files), so the gate covers pages only.
"""

from datetime import datetime

from django.db.models import Model
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page

from learning.catalogue.models import ModulePage, ProgrammePage, SessionTopicPage
from learning.catalogue.selectors import page_source_get
from learning.core.openings import (
    OpeningBlocker,
    OpeningReport,
    opening_outdated_set,
    openings_open,
)
from learning.editions.models import Edition
from learning.events.models import Event
from learning.infosessions.models import InfoSession

from .enums import TranslationStatus
from .languages import page_offered_language_codes
from .selectors import translation_status_matrix

# The worst status of a language's pages is the language's status.
SEVERITY = (
    TranslationStatus.MISSING,
    TranslationStatus.OUTDATED,
    TranslationStatus.IN_REVIEW,
    TranslationStatus.UP_TO_DATE,
)
# A translation that exists but is not live reads as missing to visitors.
NOT_LIVE = "not_live"


def gate_programme(subject: Model) -> ProgrammePage | None:
    """The programme (source page) whose languages the subject is offered in."""
    if isinstance(subject, Edition | InfoSession):
        return subject.programme
    if isinstance(subject, Event):
        parent = subject.page.get_parent().specific
        if isinstance(parent, ProgrammePage):
            return page_source_get(page=parent)
    return None


def gate_pages(subject: Model) -> list[Page]:
    """The pages people read for subject: its programme; an edition's live modules
    and session topics; an event's (or member-led session's) own page."""
    programme = gate_programme(subject)
    pages: list[Page] = [programme] if programme is not None else []
    if isinstance(subject, Edition) and programme is not None:
        below = (
            Page.objects.descendant_of(programme)
            .live()
            .type(ModulePage, SessionTopicPage)
        )
        pages += list(below.specific().order_by("path"))
    if isinstance(subject, Event):
        # The event's own page is its source, whichever its language.
        pages.append(subject.page)
    return pages


def gate_languages(subject: Model) -> list[str]:
    """The languages subject's pages must be up to date in."""
    programme = gate_programme(subject)
    if programme is None:
        return []
    return page_offered_language_codes(page=programme)


def gate_status(subject: Model) -> OpeningReport:
    """Subject's translation status by language, and the pages that block it."""
    pages = gate_pages(subject)
    codes = gate_languages(subject)
    locales = list(Locale.objects.filter(language_code__in=codes))
    report = OpeningReport(status_labels=_labels())
    finder = AdminURLFinder()
    rows = translation_status_matrix(objects=pages, locales=locales)
    live = _live_translations(pages, locales)
    for locale in sorted(locales, key=lambda item: codes.index(item.language_code)):
        code = locale.language_code
        worst = TranslationStatus.UP_TO_DATE
        for row in rows:
            status = _status(row, locale, live)
            if status == TranslationStatus.UP_TO_DATE:
                continue
            shown = TranslationStatus.MISSING if status == NOT_LIVE else status
            if SEVERITY.index(shown) < SEVERITY.index(worst):
                worst = shown
            report.blockers.append(_blocker(row.object, locale, status, finder))
        report.languages[code] = str(worst.value)
    return report


def _status(row, locale: Locale, live: set[tuple]) -> str:
    page = row.object
    if page.locale_id == locale.pk:
        return TranslationStatus.UP_TO_DATE if page.live else NOT_LIVE
    cell = row.cells[locale.language_code]
    # Translated but unpublished (a draft, or taken offline): readers miss it.
    if cell.status == TranslationStatus.UP_TO_DATE and (
        (page.translation_key, locale.pk) not in live
    ):
        return NOT_LIVE
    return cell.status


def _live_translations(pages: list[Page], locales: list[Locale]) -> set[tuple]:
    return set(
        Page.objects.filter(
            translation_key__in=[page.translation_key for page in pages],
            locale__in=locales,
            live=True,
        ).values_list("translation_key", "locale_id")
    )


def _labels() -> dict[str, str]:
    labels = {str(value): str(label) for value, label in TranslationStatus.choices}
    return {**labels, NOT_LIVE: _("not published")}


def _blocker(page: Page, locale: Locale, status: str, finder) -> OpeningBlocker:
    target = page.get_translation_or_none(locale)
    return OpeningBlocker(
        title=page.title,
        language=locale.language_code,
        status=str(status),
        status_label=_labels()[status],
        url=finder.get_edit_url(target or page) or "",
    )


def gate_is_current(subject: Model, now: datetime) -> bool:
    """Whether subject still lies ahead or runs: its pages still matter."""
    if isinstance(subject, Edition):
        return subject.ends_on >= now.date()
    return subject.starts_at >= now


def gate_outdated_mark(*, changed: list[Model], now: datetime) -> list[Model]:
    """Mark open subjects that need a changed page "translation outdated since
    now"; returns those subjects. Called by the sync task after a source changed."""
    keys = {obj.translation_key for obj in changed}
    marked = []
    for opening in openings_open():
        subject = opening.subject
        if not gate_is_current(subject, now):
            continue
        if keys & {page.translation_key for page in gate_pages(subject)}:
            opening_outdated_set(opening=opening, since=now)
            marked.append(subject)
    return marked
