"""StreamField values for demo specs, in the shapes Wagtail accepts on assignment."""

from .bilingual import RichText, Text
from .specs import Ref


def heading(text: Text):
    return ("heading", {"text": text, "level": "h2"})


def paragraph(text: RichText):
    return ("paragraph", text)


def stream(items) -> list:
    """Headings given as ("heading", Text) and rich texts as paragraphs."""
    return [
        heading(item[1]) if isinstance(item, tuple) else paragraph(item)
        for item in items
    ]


def call_to_action(text: Text, page_key: str):
    return ("call_to_action", {"text": text, "page": Ref(page_key), "url": ""})
