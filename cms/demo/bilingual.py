"""Demo texts written in English, Spanish and, optionally, French side by side.

The English half builds the source objects; the other halves become the
wagtail-localize string translations of the same objects. Keeping the halves in one
value means a text cannot be added to the site without its Spanish translation.

French is optional: `T("Call", "Convocatoria", fr="Appel")`. A page of a programme
offered in French must have a French half in every text (the builder says which are
missing); another object (a site page, a snippet) is translated into French when
every text of it has a French half. A text from `same()` (a name, an address) reads
alike in every language and does not decide. French halves are recorded as machine
translations, so French pages carry the notice of cms.translations.notices.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from wagtail_localize.strings import StringValue, extract_strings

SOURCE_LANGUAGE = "en"
# Every demo text has these; the optional ones are used when a text provides them.
REQUIRED_LANGUAGES = ("es",)
OPTIONAL_LANGUAGES = ("fr",)
TARGET_LANGUAGES = REQUIRED_LANGUAGES + OPTIONAL_LANGUAGES
ALL_LANGUAGES = (SOURCE_LANGUAGE, *TARGET_LANGUAGES)
# For error messages to the demo's authors (not user-facing, so not translated).
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "fr": "French"}


def _join(parts: Iterable[str | None]) -> str | None:
    """Concatenate optional halves: a missing half anywhere makes the whole missing."""
    parts = list(parts)
    return None if any(part is None for part in parts) else "".join(parts)


@dataclass(frozen=True)
class Text:
    """A plain text (CharField, TextField, CharBlock...) in each demo language."""

    en: str
    es: str
    fr: str | None = None
    # A name or an address: the same in every language, so it never decides
    # whether an object has a French version.
    neutral: bool = field(default=False, compare=False)

    def in_language(self, language: str) -> str:
        value = getattr(self, language) if language in ALL_LANGUAGES else None
        if value is None:
            raise KeyError(f"No {language!r} version of {self.en!r}")
        return value

    @property
    def languages(self) -> tuple[str, ...]:
        """The target languages (not English) this text is written in."""
        return tuple(
            code for code in TARGET_LANGUAGES if getattr(self, code) is not None
        )

    def segments(self, language: str) -> list[tuple[str, str]]:
        """The (English, translated) segment strings wagtail-localize extracts."""
        if not self.en:
            return []
        return [
            (
                StringValue.from_plaintext(self.en).data,
                StringValue.from_plaintext(self.in_language(language)).data,
            )
        ]

    def segment_pairs(self) -> list[tuple[str, str]]:
        """The (English, Spanish) segment strings wagtail-localize extracts."""
        return self.segments("es")

    def format(self, **values: "Text") -> "Text":
        """Fill named placeholders with the matching half of other texts."""

        def half(language: str) -> str | None:
            own = getattr(self, language)
            theirs = {name: getattr(value, language) for name, value in values.items()}
            if own is None or None in theirs.values():
                return None
            return own.format(**theirs)

        return Text(
            half("en"),
            half("es"),
            half("fr"),
            neutral=self.neutral and all(v.neutral for v in values.values()),
        )


@dataclass(frozen=True)
class RichText:
    """An HTML fragment (RichTextField, RichTextBlock) in each demo language."""

    en: str
    es: str
    fr: str | None = None
    neutral: bool = field(default=False, compare=False)

    in_language = Text.in_language
    languages = Text.languages

    def __add__(self, other: "RichText") -> "RichText":
        return RichText(
            self.en + other.en,
            self.es + other.es,
            _join((self.fr, other.fr)),
            neutral=self.neutral and other.neutral,
        )

    def segments(self, language: str) -> list[tuple[str, str]]:
        """Pairs the block-level strings of English and language, in document order."""
        _template, en_strings = extract_strings(self.en)
        _template, other_strings = extract_strings(self.in_language(language))
        if len(en_strings) != len(other_strings):
            raise ValueError(
                f"The {LANGUAGE_NAMES[language]} HTML has {len(other_strings)} blocks, "
                f"the English {len(en_strings)}: {self.en[:80]!r}"
            )
        return [
            (en.data, other.data)
            for (en, _en_attrs), (other, _attrs) in zip(
                en_strings, other_strings, strict=True
            )
        ]

    def segment_pairs(self) -> list[tuple[str, str]]:
        """Pairs the block-level strings of English and Spanish, in document order."""
        return self.segments("es")


# Short, so that content files read like columns of text.
T = Text


def same(text: str) -> Text:
    """A text that reads the same in every language (an address, a name)."""
    return Text(text, text, text, neutral=True)


def p(en: str, es: str, fr: str | None = None) -> RichText:
    """One paragraph; inline <b>, <i> and <a href> tags are allowed."""
    return RichText(
        f"<p>{en}</p>", f"<p>{es}</p>", None if fr is None else f"<p>{fr}</p>"
    )


def _list(tag: str, items: Iterable[Text]) -> RichText:
    items = list(items)

    def half(language: str) -> str | None:
        halves = [getattr(item, language) for item in items]
        inner = _join(None if h is None else f"<li>{h}</li>" for h in halves)
        return None if inner is None else f"<{tag}>{inner}</{tag}>"

    return RichText(half("en"), half("es"), half("fr"))


def ul(*items: Text) -> RichText:
    return _list("ul", items)


def ol(*items: Text) -> RichText:
    return _list("ol", items)


def html(*parts: RichText) -> RichText:
    """Join paragraphs and lists into one rich text value."""
    result = RichText("", "", "", neutral=True)
    for part in parts:
        result += part
    return result


def iter_texts(value) -> Iterable[Text | RichText]:
    """Every demo text inside nested dicts, lists and tuples."""
    if isinstance(value, Text | RichText):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from iter_texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from iter_texts(item)
    elif hasattr(value, "bilingual_content"):
        yield from iter_texts(value.bilingual_content())


def languages_of(value) -> tuple[str, ...]:
    """The target languages every text inside value is written in (Spanish always).

    An optional language counts only when all non-neutral texts have it: a page
    that reuses a French text of the site (a testimonial) is not French for that.
    """
    texts = [text for text in iter_texts(value) if not text.neutral]
    optional = tuple(
        language
        for language in OPTIONAL_LANGUAGES
        if texts and not texts_without(value, language)
    )
    return REQUIRED_LANGUAGES + optional


def texts_without(value, language: str) -> list[str]:
    """The start of each non-neutral text inside value with no version in language."""
    return [
        text.en[:60]
        for text in iter_texts(value)
        if not text.neutral and getattr(text, language) is None
    ]


def translated_strings(value, language: str) -> dict[str, str]:
    """English segment string -> its translation, for every text inside value."""
    strings: dict[str, str] = {}
    for text in iter_texts(value):
        for en, other in text.segments(language):
            if strings.setdefault(en, other) != other:
                raise ValueError(
                    f"Two {language!r} versions of {en!r}: {strings[en]!r}, {other!r}"
                )
    return strings


def spanish_strings(value) -> dict[str, str]:
    """English segment string -> Spanish, for every text inside value."""
    return translated_strings(value, "es")
