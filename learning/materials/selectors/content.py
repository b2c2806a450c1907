"""What a session topic asks to review: its materials, each in the reader's
language when a live variant exists; reads pages and documents only."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.models import Page

from learning.catalogue.models import SessionTopicPage

KIND_LABELS = {
    "presentation": _("Presentation"),
    "document": _("Document"),
}


@dataclass
class MaterialItem:
    """One material of a session topic, in the reader's language when it exists."""

    key: str
    kind: str
    type_label: str
    title: str
    url: str
    note: str
    language: str
    is_fallback: bool
    reviewed: bool = False


def session_topic_materials_for_reader(
    *, session_topic: SessionTopicPage, language: str
) -> list[MaterialItem]:
    """The topic's materials, each in `language` when a live variant exists."""
    return _materials_by_topic([session_topic], language=language)[session_topic.pk]


def session_topic_materials_by_topic(
    *, session_topics: list[SessionTopicPage], language: str
) -> dict[int, list[MaterialItem]]:
    """Each topic's materials (by topic id) in `language`; queries flat in count.

    Callers: the preparation for a meeting (the next-meeting card, readiness).
    """
    return _materials_by_topic(session_topics, language=language)


def material_keys_for_topic(*, session_topic: SessionTopicPage) -> set[str]:
    """The identifiers of the topic's materials (its StreamField block ids)."""
    return {block["id"] for block in _raw_blocks(session_topic)}


def _raw_blocks(topic: SessionTopicPage) -> list[dict[str, Any]]:
    return [dict(block) for block in topic.materials.raw_data]


def _translations(
    topics: list[SessionTopicPage], *, language: str
) -> dict[object, SessionTopicPage]:
    """The topics' live translations in `language`, by translation key."""
    keys = [t.translation_key for t in topics if t.locale.language_code != language]
    if not keys:
        return {}
    found = (
        SessionTopicPage.objects.live()
        .filter(translation_key__in=keys, locale__language_code=language)
        .select_related("locale")
    )
    return {page.translation_key: page for page in found}


def _topic_titles(topics: list[SessionTopicPage], *, language: str) -> dict[int, str]:
    translated = _translations(topics, language=language)
    return {
        t.pk: translated[t.translation_key].title
        for t in topics
        if t.translation_key in translated
    }


def _materials_by_topic(
    topics: list[SessionTopicPage], *, language: str
) -> dict[int, list[MaterialItem]]:
    """Materials of each topic; a constant number of queries for any count."""
    translated = _translations(topics, language=language)
    plans = []
    for topic in topics:
        variant = translated.get(topic.translation_key)
        shown = {b["id"]: b for b in _raw_blocks(variant)} if variant else {}
        topic_language = variant.locale.language_code if variant else None
        for block in _raw_blocks(topic):
            plans.append((topic, block, shown.get(block["id"]), topic_language))
    pages = _pages_for_reader(
        [p[2] or p[1] for p in plans if p[1]["type"] == "page"], language=language
    )
    documents = _documents([p[2] or p[1] for p in plans])
    result: dict[int, list[MaterialItem]] = {topic.pk: [] for topic in topics}
    for topic, source, shown_block, shown_language in plans:
        block = shown_block or source
        item = _item(
            block,
            key=source["id"],
            pages=pages,
            documents=documents,
            language=shown_language or topic.locale.language_code,
            reader_language=language,
        )
        if item is not None:
            result[topic.pk].append(item)
    return result


def _pages_for_reader(
    blocks: list[dict[str, Any]], *, language: str
) -> dict[int, Page]:
    """Chosen page id -> the live page to show (the reader's variant if any)."""
    ids = {b["value"].get("page") for b in blocks} - {None}
    if not ids:
        return {}
    chosen = {p.pk: p for p in Page.objects.filter(pk__in=ids).select_related("locale")}
    variants = {
        p.translation_key: p
        for p in Page.objects.live()
        .filter(
            translation_key__in=[p.translation_key for p in chosen.values()],
            locale__language_code=language,
        )
        .select_related("locale")
    }
    shown = {}
    for pk, page in chosen.items():
        variant = variants.get(page.translation_key)
        if variant is not None:
            shown[pk] = variant
        elif page.live:
            shown[pk] = page
    return shown


def _documents(blocks: list[dict[str, Any]]) -> dict[int, AbstractDocument]:
    ids = {b["value"].get("document") for b in blocks if b["type"] != "page"}
    ids.discard(None)
    if not ids:
        return {}
    return {d.pk: d for d in get_document_model().objects.filter(pk__in=ids)}


def _item(
    block: dict[str, Any],
    *,
    key: str,
    pages: dict[int, Page],
    documents: dict[int, AbstractDocument],
    language: str,
    reader_language: str,
) -> MaterialItem | None:
    value = block["value"]
    if block["type"] == "page":
        page = pages.get(value.get("page"))
        if page is None:
            return None
        page_language = page.locale.language_code
        return MaterialItem(
            key=key,
            kind="page",
            type_label=str(page.specific_class._meta.verbose_name).capitalize(),
            title=page.title,
            url=page.get_url() or "",
            note=value.get("note") or "",
            language=page_language,
            is_fallback=page_language != reader_language,
        )
    document = documents.get(value.get("document"))
    url = document.url if document is not None else value.get("url") or ""
    title = value.get("title") or (document.title if document else "")
    if not url or not title:
        return None
    return MaterialItem(
        key=key,
        kind=block["type"],
        type_label=str(KIND_LABELS.get(block["type"], "")),
        title=title,
        url=url,
        note=value.get("description") or "",
        language=language,
        is_fallback=language != reader_language,
    )
