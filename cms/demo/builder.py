"""Get-or-create of the demo's pages and snippets, and their translations.

Every object is translated into Spanish. A page of a programme is also translated
into the programme's optional languages (French), and must provide their texts;
another object is when all its texts provide them. Only languages the site has a
locale for count. The optional languages' strings are recorded as machine
translations.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from django.apps import apps
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import StringTranslation

from cms.translations.languages import programme_language_codes

from .bilingual import (
    OPTIONAL_LANGUAGES,
    REQUIRED_LANGUAGES,
    languages_of,
    texts_without,
    translated_strings,
)
from .specs import PageSpec, References, SnippetSpec, demo_translation_key
from .translation import MissingTranslationError, translate_object

# Page chooser fields and blocks whose translation should link to the translated
# page; document fields whose Spanish version should use the Spanish file.
PAGE_FIELDS = {"page", "hero_cta_page", "learning_note"}
DOCUMENT_FIELDS = {"document", "file"}


@dataclass
class Counts:
    created: int = 0
    reused: int = 0
    translated: int = 0


class DemoBuilder:
    """Makes each demo object once, then finds it again by its translation key."""

    def __init__(
        self,
        *,
        english: Locale,
        spanish: Locale,
        log: Callable[[str], None],
        others: dict[str, Locale] | None = None,
    ):
        self.english = english
        self.spanish = spanish
        # Target locales by language code: Spanish, plus the optional ones the site has.
        self.targets = {spanish.language_code: spanish, **(others or {})}
        self.log = log
        self.refs = References()
        self.spanish_documents: dict[int, int] = {}
        self.counts = Counts()

    # --- snippets ------------------------------------------------------------------

    def snippets(self, specs: Iterable[SnippetSpec]) -> None:
        for spec in specs:
            self.snippet(spec)

    def snippet(self, spec: SnippetSpec):
        model = apps.get_model(spec.model)
        key = demo_translation_key(spec.key)
        instance = model.objects.filter(
            translation_key=key, locale=self.english
        ).first()
        created = instance is None
        if created:
            instance = model(
                translation_key=key,
                locale=self.english,
                **self.refs.resolve(spec.fields),
            )
            if isinstance(instance, DraftStateMixin):
                instance.live = False
                instance.save()
                instance.save_revision().publish()
            else:
                instance.save()
        self._count(created, instance)
        self.refs.snippets[spec.key] = instance
        self.translate(instance, spec, changed=created)
        return instance

    # --- pages -----------------------------------------------------------------------

    def pages(self, parent: Page, specs: Iterable[PageSpec]) -> None:
        """Each page, then its translation, then its children: parents come first."""
        for spec in specs:
            page = self.page(parent, spec)
            self.pages(page, spec.children)

    def page(self, parent: Page, spec: PageSpec, existing: Page | None = None) -> Page:
        """Find or make the English page of spec below parent, then translate it."""
        page = self._find_page(parent, spec) or existing
        created = page is None
        if created:
            model = apps.get_model(spec.model)
            page = model(
                locale=self.english,
                translation_key=demo_translation_key(spec.key),
                **self.refs.resolve(spec.fields),
            )
            parent.add_child(instance=page)
            page.save_revision().publish()
        self._count(created, page)
        self.refs.pages[spec.key] = page
        self.translate(page, spec, changed=created)
        return page

    def _find_page(self, parent: Page, spec: PageSpec) -> Page | None:
        model = apps.get_model(spec.model)
        key = demo_translation_key(spec.key)
        page = model.objects.filter(translation_key=key, locale=self.english).first()
        if page is None:
            # A page an earlier version of the demo (or an editor) made by hand.
            page = model.objects.child_of(parent).filter(slug=spec.slug).first()
        return page

    def late_fields(self, specs: Iterable[PageSpec]) -> None:
        """Fill fields that point at pages made after their own page, once."""
        for root in specs:
            for spec in root.walk():
                if spec.late_fields:
                    self._apply_late_fields(spec)

    def _apply_late_fields(self, spec: PageSpec) -> None:
        page = self.refs.pages[spec.key]
        if any(getattr(page, name) for name in spec.late_fields):
            return  # set by an earlier run, or by an editor since
        for name, value in self.refs.resolve(spec.late_fields).items():
            setattr(page, name, value)
        page.save_revision().publish()
        self.log(
            _("  + %(page)s: %(fields)s")
            % {"page": page.title, "fields": ", ".join(spec.late_fields)}
        )
        self.translate(page, spec, changed=True)

    # --- translation ---------------------------------------------------------------

    def translate(self, instance, spec, *, changed: bool) -> None:
        """Translate instance into every language it should exist in."""
        for language in self._languages(instance, spec):
            locale = self.targets.get(language)
            if locale is None:
                continue  # e.g. French texts on a site without French
            missing = texts_without(spec, language)
            if missing:
                raise MissingTranslationError(instance, missing, locale)
            translated = translate_object(
                instance,
                locale=locale,
                strings=translated_strings(spec, language),
                override=partial(self.override_for, locale),
                changed=changed,
                translation_type=self._translation_type(language),
            )
            if translated:
                self.counts.translated += 1

    @staticmethod
    def _languages(instance, spec) -> tuple[str, ...]:
        """Spanish, and the optional languages of the programme a page belongs to,
        or, outside programmes, the ones all of the spec's texts are written in."""
        if isinstance(instance, Page):
            offered = programme_language_codes(page=instance)
            if offered is not None:
                optional = (c for c in OPTIONAL_LANGUAGES if c in offered)
                return (*REQUIRED_LANGUAGES, *optional)
        return languages_of(spec)

    @staticmethod
    def _translation_type(language: str) -> str:
        # The demo's Spanish was written by people; the optional languages' texts
        # are marked machine-made, so readers see a notice until an editor checks.
        if language in REQUIRED_LANGUAGES:
            return StringTranslation.TRANSLATION_TYPE_MANUAL
        return StringTranslation.TRANSLATION_TYPE_MACHINE

    def override(self, field_path: str, value):
        """The Spanish counterpart of a page or document a field points at."""
        return self.override_for(self.spanish, field_path, value)

    def override_for(self, locale: Locale, field_path: str, value):
        """The counterpart in locale of a page or document a field points at."""
        name = field_path.rsplit(".", 1)[-1]
        if name in PAGE_FIELDS:
            page = Page.objects.filter(pk=value).first()
            target = page.get_translation_or_none(locale) if page else None
            return target.pk if target else None
        if name in DOCUMENT_FIELDS and locale == self.spanish:
            return self.spanish_documents.get(value)
        return None

    def _count(self, created: bool, instance) -> None:
        if created:
            self.counts.created += 1
            self.log(
                _("  + %(kind)s: %(name)s")
                % {"kind": type(instance)._meta.verbose_name, "name": instance}
            )
        else:
            self.counts.reused += 1
