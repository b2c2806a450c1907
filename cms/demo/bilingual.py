"""Demo texts written in English and Spanish side by side.

The English half builds the source objects; the Spanish half becomes the
wagtail-localize string translations of the same objects. Keeping both halves in one
value means a text cannot be added to the site without its translation.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from wagtail_localize.strings import StringValue, extract_strings


@dataclass(frozen=True)
class Text:
    """A plain text (CharField, TextField, CharBlock...) in English and Spanish."""

    en: str
    es: str

    def in_language(self, language: str) -> str:
        return {"en": self.en, "es": self.es}[language]

    def segment_pairs(self) -> list[tuple[str, str]]:
        """The (English, Spanish) segment strings wagtail-localize extracts."""
        if not self.en:
            return []
        return [
            (
                StringValue.from_plaintext(self.en).data,
                StringValue.from_plaintext(self.es).data,
            )
        ]

    def format(self, **values: "Text") -> "Text":
        """Fill named placeholders with the matching half of other texts."""
        return Text(
            self.en.format(**{name: value.en for name, value in values.items()}),
            self.es.format(**{name: value.es for name, value in values.items()}),
        )


@dataclass(frozen=True)
class RichText:
    """An HTML fragment (RichTextField, RichTextBlock) in English and Spanish."""

    en: str
    es: str

    def in_language(self, language: str) -> str:
        return {"en": self.en, "es": self.es}[language]

    def __add__(self, other: "RichText") -> "RichText":
        return RichText(self.en + other.en, self.es + other.es)

    def segment_pairs(self) -> list[tuple[str, str]]:
        """Pairs the block-level strings of both halves, in document order."""
        _template, en_strings = extract_strings(self.en)
        _template, es_strings = extract_strings(self.es)
        if len(en_strings) != len(es_strings):
            raise ValueError(
                f"The Spanish HTML has {len(es_strings)} blocks, the English "
                f"{len(en_strings)}: {self.en[:80]!r}"
            )
        return [
            (en.data, es.data)
            for (en, _en_attrs), (es, _es_attrs) in zip(
                en_strings, es_strings, strict=True
            )
        ]


# Short, so that content files read like two columns of text.
T = Text


def same(text: str) -> Text:
    """A text that reads the same in both languages (an address, a name)."""
    return Text(text, text)


def p(en: str, es: str) -> RichText:
    """One paragraph; inline <b>, <i> and <a href> tags are allowed."""
    return RichText(f"<p>{en}</p>", f"<p>{es}</p>")


def _list(tag: str, items: Iterable[Text]) -> RichText:
    items = list(items)
    return RichText(
        f"<{tag}>" + "".join(f"<li>{item.en}</li>" for item in items) + f"</{tag}>",
        f"<{tag}>" + "".join(f"<li>{item.es}</li>" for item in items) + f"</{tag}>",
    )


def ul(*items: Text) -> RichText:
    return _list("ul", items)


def ol(*items: Text) -> RichText:
    return _list("ol", items)


def html(*parts: RichText) -> RichText:
    """Join paragraphs and lists into one rich text value."""
    result = RichText("", "")
    for part in parts:
        result += part
    return result


def iter_texts(value) -> Iterable[Text | RichText]:
    """Every bilingual text inside nested dicts, lists and tuples."""
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


def spanish_strings(value) -> dict[str, str]:
    """English segment string -> Spanish, for every text inside value."""
    strings: dict[str, str] = {}
    for text in iter_texts(value):
        for en, es in text.segment_pairs():
            if strings.setdefault(en, es) != es:
                raise ValueError(
                    f"Two Spanish versions of {en!r}: {strings[en]!r}, {es!r}"
                )
    return strings
