"""Reads of translation status. One selector computes the status of an object in a
language; the dashboard panel (inbox.py), the report, the gate (gate.py) and the API
all call it, so they never disagree. Its cost is bounded by the number of models
and locales, not objects.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    CharField,
    Count,
    Exists,
    Model,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Cast, Coalesce
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

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
    # Set by the inbox (inbox.translation_work_list).
    need_by: datetime | None = None
    need_reason: str = ""
    words_left: int = 0

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
    *, objects: list[Model], locales: list[Locale], targets: list[Model] | None = None
) -> list[TranslationRow]:
    """Each object's status in each locale, in a bounded number of queries (two:
    targets with their review state, and sources with their enabled
    translations and untranslated strings), whatever the number of objects.

    `targets`, when the caller already has them (objects of the same models in
    the wanted locales, annotated with `workflow_annotation()`), saves a query;
    an object in a locale with no target there is MISSING.

    Called by the dashboard panel, the translations report, the API and their tests.
    """
    rows = [TranslationRow(object=obj, changed_at=_changed_at(obj)) for obj in objects]
    if not rows or not locales:
        return rows
    targets_by_key = (
        _targets(objects, locales) if targets is None else _targets_given(targets)
    )
    sources, translations = _sources(objects, locales)
    for row in rows:
        key = _key(row.object)
        source = sources.get(key)
        if source is not None:
            row.changed_at = source.last_updated_at
        for locale in locales:
            row.cells[locale.language_code] = _cell(
                row, key, locale, targets_by_key, source, translations
            )
    return rows


def _key(obj: Model) -> tuple[str, object]:
    return (obj.get_translation_model()._meta.label, obj.translation_key)


def _changed_at(obj: Model) -> datetime | None:
    return getattr(obj, "last_published_at", None)


def workflow_annotation(model: type[Model]) -> Subquery:
    """The status of the object's in-progress or needs-changes workflow, if any
    (annotate a queryset of `model` with it as `workflow_status`)."""
    base = model.get_translation_model()
    content_type = ContentType.objects.get_for_model(base)
    states = WorkflowState.objects.filter(
        base_content_type=content_type,
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    ).active()
    return Subquery(states.values("status")[:1])


_TARGET_FIELDS = ("pk", "translation_key", "locale_id", "live", "last_published_at")


def _targets(objects, locales) -> dict[tuple, dict]:
    """{(model label, key, locale id): target values} with one query per model."""
    keys_by_model = defaultdict(set)
    for obj in objects:
        keys_by_model[obj.get_translation_model()].add(obj.translation_key)
    targets = {}
    for model, keys in keys_by_model.items():
        rows = (
            model._default_manager.filter(translation_key__in=keys, locale__in=locales)
            .annotate(workflow_status=workflow_annotation(model))
            .values(*_TARGET_FIELDS, "workflow_status")
        )
        for row in rows:
            targets[(model._meta.label, row["translation_key"], row["locale_id"])] = row
    return targets


def _targets_given(objects) -> dict[tuple, dict]:
    targets = {}
    for obj in objects:
        row = {name: getattr(obj, name, None) for name in _TARGET_FIELDS}
        row["workflow_status"] = getattr(obj, "workflow_status", None)
        label = obj.get_translation_model()._meta.label
        targets[(label, obj.translation_key, obj.locale_id)] = row
    return targets


@dataclass(frozen=True)
class _EnabledTranslation:
    missing: int
    last_edit: datetime | None


def _sources(objects, locales) -> tuple[dict, dict]:
    """Each object's wagtail-localize source (from its own locale) and, per
    locale, whether its translation is enabled with the strings still missing
    and the last edit: one query ({key: source}, {(source id, locale id): ...})."""
    by_key = {obj.translation_key: obj for obj in objects}
    annotations = {}
    for locale in locales:
        enabled = Translation.objects.filter(
            source_id=OuterRef("pk"), target_locale=locale, enabled=True
        )
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale=locale,
            has_error=False,
        )
        missing = (
            StringSegment.objects.filter(source_id=OuterRef("pk"))
            .annotate(done=Exists(translated))
            .filter(done=False)
            .values("source_id")
            .annotate(count=Count("pk"))
            .values("count")[:1]
        )
        edits = (
            StringTranslation.objects.filter(locale=locale, has_error=False)
            .filter(
                Exists(
                    StringSegment.objects.filter(
                        source_id=OuterRef(OuterRef("pk")),
                        string_id=OuterRef("translation_of_id"),
                        context_id=OuterRef("context_id"),
                    )
                )
            )
            .order_by("-updated_at")
            .values("updated_at")[:1]
        )
        annotations[f"enabled_{locale.pk}"] = Exists(enabled)
        annotations[f"missing_{locale.pk}"] = Coalesce(Subquery(missing), 0)
        annotations[f"edited_{locale.pk}"] = Subquery(edits)
    sources, translations = {}, {}
    candidates = TranslationSource.objects.filter(object_id__in=by_key).annotate(
        **annotations
    )
    for source in candidates:
        obj = by_key[source.object_id]
        if source.locale_id != obj.locale_id:
            continue
        sources[_key(obj)] = source
        for locale in locales:
            if getattr(source, f"enabled_{locale.pk}"):
                translations[(source.pk, locale.pk)] = _EnabledTranslation(
                    missing=getattr(source, f"missing_{locale.pk}"),
                    last_edit=getattr(source, f"edited_{locale.pk}"),
                )
    return sources, translations


def _model_for_label(label: str) -> type[Model]:
    from django.apps import apps

    return apps.get_model(label)


def _cell(row, key, locale, targets, source, translations):
    label, translation_key = key
    target = targets.get((label, translation_key, locale.pk))
    if target is None:
        return TranslationCell(TranslationStatus.MISSING)
    workflow = target["workflow_status"]
    if workflow == WorkflowState.STATUS_IN_PROGRESS:
        return TranslationCell(TranslationStatus.IN_REVIEW, target_pk=target["pk"])
    changes_requested = workflow == WorkflowState.STATUS_NEEDS_CHANGES
    if source is not None and (source.pk, locale.pk) in translations:
        translation = translations[(source.pk, locale.pk)]
        missing, last_edit = translation.missing, translation.last_edit
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
