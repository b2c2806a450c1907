"""Declarative descriptions of the demo objects and how their references resolve.

Content modules describe pages and snippets with bilingual texts and symbolic
references (Ref, Img, Doc, Snip); the builders resolve those against the objects
made so far, so the content never needs a database id.
"""

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps

from .bilingual import RichText, Text

# Demo objects get translation keys derived from their demo key, so a second run
# finds them again even after an editor renamed them or changed their slug.
DEMO_NAMESPACE = uuid.UUID("6f4f8e1c-3b7e-4d59-9f49-2a0d6c1b5e10")


def demo_translation_key(key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, key)


@dataclass(frozen=True)
class Ref:
    """A demo page by its key."""

    key: str


@dataclass(frozen=True)
class Img:
    """A generated Wagtail image by its key."""

    key: str


@dataclass(frozen=True)
class Doc:
    """A generated Wagtail document by its key."""

    key: str


@dataclass(frozen=True)
class Snip:
    """A demo snippet (testimonial, topic) by its key."""

    key: str


@dataclass(frozen=True)
class Rows:
    """Inline child rows of a page (form fields, captions, topic links)."""

    model: str
    rows: tuple[dict[str, Any], ...]

    def bilingual_content(self):
        return self.rows


@dataclass(frozen=True)
class PageSpec:
    """A demo page. late_fields are set once every page they point at exists."""

    key: str
    model: str
    fields: dict[str, Any]
    late_fields: dict[str, Any] = field(default_factory=dict)
    children: tuple["PageSpec", ...] = ()

    @property
    def slug(self) -> str:
        return self.fields["slug"].en

    def bilingual_content(self):
        return [self.fields, self.late_fields]

    def walk(self):
        """This spec and all its descendants, parents first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class SnippetSpec:
    """A translatable demo snippet."""

    key: str
    model: str
    fields: dict[str, Any]

    def bilingual_content(self):
        return self.fields


class References:
    """The demo objects made so far, by kind and key."""

    def __init__(self):
        self.pages: dict[str, Any] = {}
        self.images: dict[str, Any] = {}
        self.documents: dict[str, Any] = {}
        self.snippets: dict[str, Any] = {}

    def resolve(self, value):
        """The value with English texts and live objects in place of references."""
        if isinstance(value, Text | RichText):
            return value.en
        if isinstance(value, Ref):
            return self.pages[value.key]
        if isinstance(value, Img):
            return self.images[value.key]
        if isinstance(value, Doc):
            return self.documents[value.key]
        if isinstance(value, Snip):
            return self.snippets[value.key]
        if isinstance(value, Rows):
            model = apps.get_model(value.model)
            return [model(**self.resolve(row)) for row in value.rows]
        if isinstance(value, dict):
            return {key: self.resolve(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self.resolve(item) for item in value)
        return value
