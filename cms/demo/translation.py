"""Translations of demo objects, made the way an editor's "Translate" action does.

Going through wagtail-localize (TranslationSource -> Translation -> StringTranslation
-> save_target) rather than copying pages leaves the Spanish object linked to its
source: the admin shows the translation editor and "Sync translated pages" works.
"""

import json
from collections.abc import Callable
from typing import Any

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

# (field path, source value) -> value for the target locale, or None to keep it.
Override = Callable[[str, Any], Any]


class MissingTranslationError(CommandError):
    def __init__(self, instance, strings, locale: Locale | None = None):
        listing = "\n".join(f"  - {string!r}" for string in sorted(strings))
        super().__init__(
            _(
                "No translation into %(language)s for these strings of "
                "%(kind)s “%(name)s”:\n%(strings)s"
            )
            % {
                "language": locale.get_display_name() if locale else "es",
                "kind": type(instance)._meta.verbose_name,
                "name": instance,
                "strings": listing,
            }
        )


# The name earlier callers and tests use.
MissingSpanishError = MissingTranslationError


def translate_object(
    instance,
    *,
    locale: Locale,
    strings: dict[str, str],
    override: Override | None = None,
    changed: bool = False,
    translation_type: str = StringTranslation.TRANSLATION_TYPE_MANUAL,
) -> bool:
    """Create or sync instance's translation into locale and publish it.

    Existing string translations are kept (a translator's edit wins over the demo
    text); only missing ones come from strings, recorded with translation_type
    (machine for the demo's French). Returns False when the translation already
    existed and the source did not change in this run.
    """
    if isinstance(instance, Page):
        instance = instance.specific
        _check_parent_translated(instance, locale)
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if not changed and source and _is_complete(instance, source, locale):
        return False
    if source is None:
        source, _created = TranslationSource.get_or_create_from_instance(instance)
    else:
        source.update_from_db()
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    _add_string_translations(instance, source, locale, strings, translation_type)
    _add_overrides(source, locale, override)
    _check_related_objects(instance, source, locale)
    # Pages and publishable snippets are saved as drafts and published here:
    # wagtail-localize defers its own publish to transaction.on_commit, which never
    # runs inside a test case. Other models cannot be saved as drafts.
    draftable = isinstance(instance, DraftStateMixin)
    translation.save_target(publish=not draftable)
    if draftable:
        _publish(translation.get_target_instance())
    _check_progress(instance, translation)
    return True


def _check_parent_translated(page: Page, locale: Locale) -> None:
    parent = page.get_parent()
    if parent.depth > 1 and not parent.has_translation(locale):
        raise CommandError(
            _("Translate “%(parent)s” before its child page “%(page)s”.")
            % {"parent": parent.title, "page": page.title}
        )


def _is_complete(instance, source: TranslationSource, locale: Locale) -> bool:
    target = instance.get_translation_or_none(locale)
    if target is None:
        return False
    if isinstance(target, DraftStateMixin) and not target.live:
        return False
    return Translation.objects.filter(source=source, target_locale=locale).exists()


def _add_string_translations(
    instance, source, locale, strings, translation_type
) -> None:
    segments = list(
        StringSegment.objects.filter(source=source).select_related("string", "context")
    )
    done = set(
        StringTranslation.objects.filter(
            locale=locale, context__in=[segment.context for segment in segments]
        ).values_list("translation_of_id", "context_id")
    )
    todo = [s for s in segments if (s.string_id, s.context_id) not in done]
    missing = {s.string.data for s in todo if s.string.data not in strings}
    if missing:
        raise MissingTranslationError(instance, missing, locale)
    for segment in todo:
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": strings[segment.string.data],
                "translation_type": translation_type,
            },
        )


def _add_overrides(source, locale, override: Override | None) -> None:
    if override is None:
        return
    for segment in OverridableSegment.objects.filter(source=source).select_related(
        "context"
    ):
        value = override(segment.context.field_path, segment.data)
        if value is None or value == segment.data:
            continue
        SegmentOverride.objects.get_or_create(
            locale=locale,
            context=segment.context,
            defaults={"data_json": json.dumps(value)},
        )


def _check_related_objects(instance, source, locale) -> None:
    # save_target falls back to the source language for untranslated snippets;
    # the demo translates them first, so a miss here is a bug in the build order.
    untranslated = [
        str(segment.object)
        for segment in RelatedObjectSegment.objects.filter(
            source=source
        ).select_related("object")
        if not segment.object.has_translation(locale)
    ]
    if untranslated:
        raise CommandError(
            _("“%(name)s” refers to objects not yet translated: %(objects)s")
            % {"name": instance, "objects": ", ".join(untranslated)}
        )


def _publish(target) -> None:
    if isinstance(target, Page):
        target.get_latest_revision().publish()
    elif isinstance(target, DraftStateMixin):
        target.latest_revision.publish()


def _check_progress(instance, translation: Translation) -> None:
    total, translated = translation.get_progress()
    if total != translated:
        broken = StringTranslation.objects.filter(
            locale=translation.target_locale,
            context__object_id=translation.source.object_id,
            has_error=True,
        ).values_list("data", flat=True)
        raise MissingTranslationError(
            instance, list(broken) or ["(unknown)"], translation.target_locale
        )
