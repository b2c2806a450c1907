"""Reads of translation status. One selector computes the status of an object in a
language; the dashboard panel, the report and (later) the API all call it, so they
never disagree. Its cost is bounded by the number of models and locales, not objects.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Max, Min, Model, OuterRef, Q, Subquery
from django.utils import timezone
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from learning.editions.models import Edition, Meeting

from .enums import TranslationStatus
from .models import LocaleTeam
from .permissions import locale_policy_models


@dataclass(frozen=True)
class TranslationCell:
    """The state of one object in one language."""

    status: TranslationStatus
    target_pk: int | None = None
    # For OUTDATED: strings still to translate and since when the source changed.
    untranslated: int = 0
    since: datetime | None = None
    changes_requested: bool = False
    # Every string is translated but the page does not show the latest edits yet.
    ready_for_review: bool = False


@dataclass
class TranslationRow:
    """A source object and its cells by language code."""

    object: Model
    changed_at: datetime | None
    cells: dict[str, TranslationCell] = field(default_factory=dict)
    need_by: datetime | None = None

    @property
    def kind(self) -> str:
        return type(self.object)._meta.verbose_name


def translation_locales() -> list[Locale]:
    """Content locales other than the default (the languages translated into)."""
    return list(
        Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by(
            "language_code"
        )
    )


def translation_source_objects(*, programme: Page | None = None) -> list[Model]:
    """Translatable pages and snippets in the default language, pages first."""
    default = Locale.get_default()
    pages = Page.objects.filter(locale=default, depth__gt=1)
    if programme is not None:
        pages = pages.descendant_of(programme, inclusive=True)
    objects: list[Model] = list(pages.specific().order_by("path"))
    if programme is None:
        for model in locale_policy_models():
            objects.extend(model.objects.filter(locale=default).order_by("pk"))
    return objects


def translation_status_matrix(
    *, objects: list[Model], locales: list[Locale]
) -> list[TranslationRow]:
    """Each object's status in each locale, in a bounded number of queries.

    Called by the dashboard panel, the translations report and their tests.
    """
    rows = [TranslationRow(object=obj, changed_at=_changed_at(obj)) for obj in objects]
    if not rows or not locales:
        return rows
    targets = _targets(objects, locales)
    sources = _sources(objects)
    translations = _enabled_translations(sources.values(), locales)
    untranslated = _untranslated_counts(translations, locales)
    workflows = _open_workflows(targets)
    for row in rows:
        key = _key(row.object)
        source = sources.get(key)
        if source is not None:
            row.changed_at = source.last_updated_at
        for locale in locales:
            row.cells[locale.language_code] = _cell(
                row, key, locale, targets, source, translations, untranslated, workflows
            )
    return rows


def _key(obj: Model) -> tuple[str, object]:
    return (obj.get_translation_model()._meta.label, obj.translation_key)


def _changed_at(obj: Model) -> datetime | None:
    return getattr(obj, "last_published_at", None)


def _targets(objects, locales) -> dict[tuple, dict]:
    """{(model label, key, locale id): target values} with one query per model."""
    keys_by_model = defaultdict(set)
    for obj in objects:
        keys_by_model[obj.get_translation_model()].add(obj.translation_key)
    targets = {}
    for model, keys in keys_by_model.items():
        rows = model._default_manager.filter(
            translation_key__in=keys, locale__in=locales
        ).values("pk", "translation_key", "locale_id", "live", "last_published_at")
        for row in rows:
            targets[(model._meta.label, row["translation_key"], row["locale_id"])] = row
    return targets


def _sources(objects) -> dict[tuple, TranslationSource]:
    """Each object's wagtail-localize source (from its own locale), in one query."""
    by_key = {obj.translation_key: obj for obj in objects}
    sources = {}
    candidates = TranslationSource.objects.filter(object_id__in=by_key).select_related(
        "object__content_type"
    )
    for source in candidates:
        obj = by_key[source.object_id]
        if source.locale_id == obj.locale_id:
            sources[_key(obj)] = source
    return sources


def _enabled_translations(sources, locales) -> dict[tuple[int, int], Translation]:
    rows = Translation.objects.filter(
        source__in=[source.pk for source in sources],
        target_locale__in=locales,
        enabled=True,
    )
    return {(row.source_id, row.target_locale_id): row for row in rows}


def _untranslated_counts(translations, locales) -> dict[tuple[int, int], tuple]:
    """{(source id, locale id): (strings without a translation, last edit)}."""
    counts = {}
    for locale in locales:
        source_ids = [s for (s, loc) in translations if loc == locale.pk]
        if not source_ids:
            continue
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale=locale,
            has_error=False,
        )
        rows = (
            StringSegment.objects.filter(source_id__in=source_ids)
            .annotate(
                done=Exists(translated),
                edited=Subquery(translated.values("updated_at")[:1]),
            )
            .values("source_id")
            .annotate(missing=Count("pk", filter=Q(done=False)), last=Max("edited"))
        )
        for row in rows:
            counts[(row["source_id"], locale.pk)] = (row["missing"], row["last"])
    return counts


def _open_workflows(targets) -> dict[tuple[str, str], str]:
    """{(model label, target pk): status} of in-progress or needs-changes workflows."""
    pks_by_model = defaultdict(list)
    for label, _key_, _locale in targets:
        pks_by_model[label].append(str(targets[(label, _key_, _locale)]["pk"]))
    states = {}
    for label, pks in pks_by_model.items():
        model = _model_for_label(label)
        content_type = ContentType.objects.get_for_model(model)
        rows = WorkflowState.objects.filter(
            base_content_type=content_type, object_id__in=pks
        ).active()
        for object_id, status in rows.values_list("object_id", "status"):
            states[(label, object_id)] = status
    return states


def _model_for_label(label: str) -> type[Model]:
    from django.apps import apps

    return apps.get_model(label)


def _cell(row, key, locale, targets, source, translations, untranslated, workflows):
    label, translation_key = key
    target = targets.get((label, translation_key, locale.pk))
    if target is None:
        return TranslationCell(TranslationStatus.MISSING)
    workflow = workflows.get((label, str(target["pk"])))
    if workflow == WorkflowState.STATUS_IN_PROGRESS:
        return TranslationCell(TranslationStatus.IN_REVIEW, target_pk=target["pk"])
    changes_requested = workflow == WorkflowState.STATUS_NEEDS_CHANGES
    if source is not None and (source.pk, locale.pk) in translations:
        missing, last_edit = untranslated.get((source.pk, locale.pk), (0, None))
        published = target["last_published_at"]
        unpublished_edits = bool(
            last_edit and (published is None or last_edit > published)
        )
        if missing or changes_requested or unpublished_edits:
            return TranslationCell(
                TranslationStatus.OUTDATED,
                target_pk=target["pk"],
                untranslated=missing,
                since=source.last_updated_at,
                changes_requested=changes_requested,
                ready_for_review=not missing,
            )
        return TranslationCell(TranslationStatus.UP_TO_DATE, target_pk=target["pk"])
    # Translated by hand, outside wagtail-localize: compare publication times.
    source_published = row.changed_at
    target_published = target["last_published_at"]
    behind = bool(
        source_published and target_published and source_published > target_published
    )
    if behind or changes_requested:
        return TranslationCell(
            TranslationStatus.OUTDATED,
            target_pk=target["pk"],
            since=source_published,
            changes_requested=changes_requested,
        )
    return TranslationCell(TranslationStatus.UP_TO_DATE, target_pk=target["pk"])


def translation_need_by(*, rows: list[TranslationRow]) -> None:
    """Set row.need_by: the next meeting of a session topic, or the opening of an
    edition of the programme the page belongs to (two queries)."""
    now = timezone.now()
    pages = {row.object.pk: row for row in rows if isinstance(row.object, Page)}
    meetings = (
        Meeting.objects.filter(session_topic_id__in=pages, starts_at__gte=now)
        .values("session_topic_id")
        .annotate(first=Min("starts_at"))
    )
    for meeting in meetings:
        pages[meeting["session_topic_id"]].need_by = meeting["first"]
    editions = Edition.objects.filter(enrolment_opens_at__gte=now).values_list(
        "programme__path", "enrolment_opens_at"
    )
    for path, opens_at in editions:
        for row in pages.values():
            if row.object.path.startswith(path) and (
                row.need_by is None or opens_at < row.need_by
            ):
                row.need_by = opens_at


def translation_work_list(
    *, locale: Locale, objects: list[Model] | None = None
) -> list[TranslationRow]:
    """Rows that need work in locale, soonest-needed first, then oldest change first."""
    if objects is None:
        objects = translation_source_objects()
    rows = translation_status_matrix(objects=objects, locales=[locale])
    code = locale.language_code
    rows = [r for r in rows if r.cells[code].status != TranslationStatus.UP_TO_DATE]
    translation_need_by(rows=rows)
    far = datetime.max.replace(tzinfo=UTC)
    return sorted(
        rows,
        key=lambda r: (r.need_by or far, r.changed_at or far, r.object.pk),
    )


def user_translation_locales(*, user) -> list[Locale]:
    """The locales whose translator or reviewer group user belongs to."""
    return list(
        Locale.objects.filter(
            Q(team__translators__user=user) | Q(team__reviewers__user=user)
        )
        .distinct()
        .order_by("language_code")
    )


def user_translator_locales(*, user) -> list[Locale]:
    """The locales whose translator group user belongs to: where they may start
    translations (services.translation_start, the panel and the report)."""
    if not user.is_active:
        return []
    return list(
        Locale.objects.filter(team__translators__user=user)
        .distinct()
        .order_by("language_code")
    )


def translation_blocked_page_ids(*, objects: list[Model], locale: Locale) -> set[int]:
    """Ids of the pages among objects whose parent has no translation in locale
    (so they cannot be translated yet), in two queries. Snippets are never blocked,
    nor are the children of the tree root (the home pages).

    Called by services.translation_start and by the panel and report buttons.
    """
    pages = [obj for obj in objects if isinstance(obj, Page) and obj.depth > 2]
    parent_keys = dict(
        Page.objects.filter(
            path__in={page.path[: -Page.steplen] for page in pages}
        ).values_list("path", "translation_key")
    )
    translated = set(
        Page.objects.filter(
            locale=locale, translation_key__in=parent_keys.values()
        ).values_list("translation_key", flat=True)
    )
    return {
        page.pk
        for page in pages
        if parent_keys.get(page.path[: -Page.steplen]) not in translated
    }


def locale_team_recipients(*, locale_id: int):
    """Active translators of a locale, with an email address."""
    from django.contrib.auth import get_user_model

    team = LocaleTeam.objects.filter(locale_id=locale_id).first()
    if team is None:
        return get_user_model().objects.none()
    return (
        team.translators.user_set.filter(is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


def translatable_kinds() -> list[tuple[str, str]]:
    """(model label, verbose name) of translatable page and snippet types."""
    from wagtail.models import get_page_models

    models = [m for m in get_page_models() if m is not Page]
    models += locale_policy_models()
    return sorted(
        ((m._meta.label_lower, str(m._meta.verbose_name)) for m in models),
        key=lambda item: item[1],
    )


def translation_report_rows(
    *,
    locales: list[Locale],
    kind: str = "",
    programme: Page | None = None,
    status: str = "",
) -> list[TranslationRow]:
    """Rows of the translations report, filtered by type, programme and status."""
    objects = translation_source_objects(programme=programme)
    if kind:
        objects = [o for o in objects if o._meta.label_lower == kind]
    rows = translation_status_matrix(objects=objects, locales=locales)
    if status:
        rows = [r for r in rows if any(c.status == status for c in r.cells.values())]
    return rows


def translation_status_counts(
    *, rows: list[TranslationRow], locales: list[Locale]
) -> dict[str, dict[str, int]]:
    """{language code: {status: count}} over rows."""
    counts = {
        locale.language_code: dict.fromkeys(TranslationStatus.values, 0)
        for locale in locales
    }
    for row in rows:
        for code, cell in row.cells.items():
            counts[code][cell.status] += 1
    return counts
