"""Translating whole pages for the tests of the gate and the inbox."""

from wagtail_localize.models import StringSegment, TranslationSource

from tests.cms.translations.conftest import localize


def translate(pages, locale):
    """Translate every string of the pages and of their untranslated ancestors
    into locale, and publish them."""
    for page in pages:
        for ancestor in [*page.get_ancestors()[1:], page]:
            if not ancestor.specific.has_translation(locale) or ancestor == page:
                _translate_all(ancestor.specific, locale)


def _translate_all(instance, locale):
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    strings = StringSegment.objects.filter(source=source).values_list(
        "string__data", flat=True
    )
    localize(instance, locale, **{text: f"{text} (es)" for text in strings})
