"""Reads of what to review before a meeting, review progress and shared materials.

Callers: the materials pages (views.py) and, later, the API. Every read of an
edition's rows is scoped by `learning.editions.membership`: a user who is not a
member of the edition gets `DoesNotExist`, which views turn into a 404.
"""

from dataclasses import dataclass, field, replace
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page

from learning.catalogue.models import SessionTopicPage
from learning.editions.membership import (
    EditionRole,
    edition_get_for_member,
    edition_list_for_member,
    edition_role_for_user,
    participant_list_members,
    user_is_coordinator,
)
from learning.editions.models import Edition, Meeting

from .models import MaterialReview, SharedMaterial

STAFF_ROLES = (EditionRole.FACILITATOR, EditionRole.COORDINATOR)
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


@dataclass
class MeetingMaterials:
    """A meeting and what to review before it."""

    meeting: Meeting
    title: str
    session_topic: SessionTopicPage
    materials: list[MaterialItem] = field(default_factory=list)


@dataclass(frozen=True)
class MaterialProgress:
    """How many of the edition's participants reviewed one material."""

    material: MaterialItem
    reviewed: int
    total: int

    @property
    def percent(self) -> int:
        """The share of participants who reviewed it, in whole percent."""
        return round(100 * self.reviewed / self.total) if self.total else 0


@dataclass
class MeetingProgress:
    """Review progress of each material of one meeting."""

    meeting: Meeting
    title: str
    participants: int
    materials: list[MaterialProgress] = field(default_factory=list)


@dataclass(frozen=True)
class MemberEdition:
    """An edition the user belongs to, and whether they moderate its materials."""

    edition: Edition
    can_moderate: bool


def member_edition_list(*, user: AbstractBaseUser | None) -> list[MemberEdition]:
    """The editions whose materials the user may open, newest first."""
    editions = list(edition_list_for_member(user=user).order_by("-starts_on", "pk"))
    if not editions:
        return []
    coordinator = user_is_coordinator(user=user)
    facilitated = set(
        Edition.objects.filter(facilitators=user).values_list("pk", flat=True)
    )
    return [MemberEdition(e, coordinator or e.pk in facilitated) for e in editions]


# --- Session topic materials --------------------------------------------------


def session_topic_materials_for_reader(
    *, session_topic: SessionTopicPage, language: str
) -> list[MaterialItem]:
    """The topic's materials, each in `language` when a live variant exists."""
    return _materials_by_topic([session_topic], language=language)[session_topic.pk]


def meeting_materials_for_member(
    *, user: AbstractBaseUser | None, edition_id: int, language: str
) -> tuple[Edition, list[MeetingMaterials]]:
    """The edition; each meeting with its topic's materials and the user's marks.

    Raises `Edition.DoesNotExist` when the user is not a member of the edition.
    """
    edition = edition_get_for_member(user=user, pk=edition_id)
    meetings = _topic_meetings(edition)
    topics = _distinct_topics(meetings)
    by_topic = _materials_by_topic(topics, language=language)
    titles = _topic_titles(topics, language=language)
    reviewed = set(
        MaterialReview.objects.filter(user=user, edition=edition).values_list(
            "session_topic_id", "material_key"
        )
    )
    result = []
    for meeting in meetings:
        topic = meeting.session_topic
        materials = [
            _with_review(item, (topic.pk, item.key) in reviewed)
            for item in by_topic[topic.pk]
        ]
        title = meeting.title or titles.get(topic.pk, topic.title)
        result.append(MeetingMaterials(meeting, title, topic, materials))
    return edition, result


def review_progress_for_edition(
    *, user: AbstractBaseUser | None, edition_id: int, language: str
) -> tuple[Edition, list[MeetingProgress]]:
    """Per meeting, how many participants reviewed each material (N of M).

    For the edition's facilitators and coordinators: `Edition.DoesNotExist` for
    non-members, `PermissionDenied` for participants.
    """
    edition = edition_get_for_member(user=user, pk=edition_id)
    if edition_role_for_user(user=user, edition=edition) not in STAFF_ROLES:
        raise PermissionDenied("not_a_facilitator")
    meetings = _topic_meetings(edition)
    return edition, _meeting_progress(edition, meetings, language=language)


def review_progress_for_meeting(
    *, user: AbstractBaseUser | None, meeting_id: int, language: str
) -> MeetingProgress:
    """Review progress of one meeting's materials; scoped as the edition's."""
    meeting = Meeting.objects.select_related("session_topic__locale", "edition").get(
        pk=meeting_id,
        edition__in=edition_list_for_member(user=user),
        session_topic__isnull=False,
    )
    if edition_role_for_user(user=user, edition=meeting.edition) not in STAFF_ROLES:
        raise PermissionDenied("not_a_facilitator")
    (progress,) = _meeting_progress(meeting.edition, [meeting], language=language)
    return progress


def material_keys_for_topic(*, session_topic: SessionTopicPage) -> set[str]:
    """The identifiers of the topic's materials (its StreamField block ids)."""
    return {block["id"] for block in _raw_blocks(session_topic)}


# --- Shared materials ---------------------------------------------------------


def shared_material_list_for_user(
    *, user: AbstractBaseUser | None, edition_id: int
) -> tuple[Edition, Any]:
    """The edition and its shared materials the user may see, newest first.

    Hidden ones only for facilitators and coordinators. Raises
    `Edition.DoesNotExist` when the user is not a member.
    """
    edition = edition_get_for_member(user=user, pk=edition_id)
    materials = SharedMaterial.objects.filter(edition=edition).select_related(
        "shared_by", "hidden_by"
    )
    if edition_role_for_user(user=user, edition=edition) not in STAFF_ROLES:
        materials = materials.visible()
    return edition, materials


def shared_material_get_for_user(
    *, user: AbstractBaseUser | None, pk: int
) -> SharedMaterial:
    """The material when the user may see it; `SharedMaterial.DoesNotExist` otherwise.

    Members of its edition see it unless hidden; facilitators and coordinators
    also see hidden ones.
    """
    material = SharedMaterial.objects.select_related("edition", "shared_by").get(
        pk=pk, edition__in=edition_list_for_member(user=user)
    )
    if material.is_hidden and not shared_material_can_moderate(
        user=user, edition=material.edition
    ):
        raise SharedMaterial.DoesNotExist
    return material


def shared_material_can_moderate(
    *, user: AbstractBaseUser | None, edition: Edition
) -> bool:
    """Whether the user may hide and restore the edition's shared materials."""
    return edition_role_for_user(user=user, edition=edition) in STAFF_ROLES


# --- Helpers ------------------------------------------------------------------


def _topic_meetings(edition: Edition) -> list[Meeting]:
    return list(
        Meeting.objects.filter(edition=edition, session_topic__isnull=False)
        .select_related("session_topic__locale")
        .order_by("starts_at", "pk")
    )


def _distinct_topics(meetings: list[Meeting]) -> list[SessionTopicPage]:
    return list({m.session_topic_id: m.session_topic for m in meetings}.values())


def _with_review(item: MaterialItem, reviewed: bool) -> MaterialItem:
    return replace(item, reviewed=reviewed)


def _meeting_progress(
    edition: Edition, meetings: list[Meeting], *, language: str
) -> list[MeetingProgress]:
    topics = _distinct_topics(meetings)
    by_topic = _materials_by_topic(topics, language=language)
    titles = _topic_titles(topics, language=language)
    members = participant_list_members(edition=edition).values("user_id")
    total = members.distinct().count()
    counts = {
        (row["session_topic_id"], row["material_key"]): row["reviewed"]
        for row in MaterialReview.objects.filter(edition=edition, user__in=members)
        .values("session_topic_id", "material_key")
        .annotate(reviewed=Count("user", distinct=True))
    }
    result = []
    for meeting in meetings:
        topic = meeting.session_topic
        progress = MeetingProgress(
            meeting, meeting.title or titles.get(topic.pk, topic.title), total
        )
        for item in by_topic[topic.pk]:
            count = counts.get((topic.pk, item.key), 0)
            progress.materials.append(MaterialProgress(item, count, total))
        result.append(progress)
    return result


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
    for topic, source, shown, shown_language in plans:
        block = shown or source
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


def _pages_for_reader(blocks: list[dict[str, Any]], *, language: str) -> dict:
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


def _documents(blocks: list[dict[str, Any]]) -> dict:
    ids = {b["value"].get("document") for b in blocks if b["type"] != "page"}
    ids.discard(None)
    if not ids:
        return {}
    return {d.pk: d for d in get_document_model().objects.filter(pk__in=ids)}


def _item(
    block: dict[str, Any],
    *,
    key: str,
    pages: dict,
    documents: dict,
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
