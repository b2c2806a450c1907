"""Whether readers should be told a page's translation was made by a machine."""

from django.core.cache import cache
from django.db.models import Exists, OuterRef
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation

# A day is plenty: the key changes with every publish (the live revision).
CACHE_SECONDS = 60 * 60 * 24


def page_is_machine_translated(*, page: Page) -> bool:
    """True when a live string of page's translation is still a machine translation.

    A string counts when it belongs to the page's current source, its translation
    is enabled (an editor who turned the page into a free-standing one took over),
    and nobody has edited it: wagtail-localize marks a string edited in its editor
    as manual, so correcting every machine string and publishing removes the notice.
    Cached per live revision, so the page view costs one cache read. Called by the
    notice in base.html (cms.translations.templatetags.translation_tags).
    """
    revision_id = page.live_revision_id or page.latest_revision_id
    key = f"translations:machine:{page.pk}:{revision_id}"
    found = cache.get(key)
    if found is None:
        found = _has_machine_strings(page)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _has_machine_strings(page: Page) -> bool:
    in_source = StringSegment.objects.filter(
        source__object_id=page.translation_key,
        source__translations__target_locale_id=page.locale_id,
        source__translations__enabled=True,
        string_id=OuterRef("translation_of_id"),
        context_id=OuterRef("context_id"),
    )
    return (
        StringTranslation.objects.filter(
            locale_id=page.locale_id,
            context__object_id=page.translation_key,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        )
        .filter(Exists(in_source))
        .exists()
    )
