"""Reads of what to review before a meeting, review progress and shared materials.

Callers: the materials pages (views.py) and, later, the API. Every read of an
edition's rows is scoped by `learning.enrolments.membership`: a user who is not a
member of the edition gets `DoesNotExist`, which views turn into a 404.
"""

from .content import (
    KIND_LABELS,
    MaterialItem,
    material_keys_for_topic,
    session_topic_materials_by_topic,
    session_topic_materials_for_reader,
)
from .reviews import (
    MaterialProgress,
    MeetingMaterials,
    MeetingProgress,
    meeting_materials_for_member,
    review_progress_for_edition,
    review_progress_for_meeting,
)
from .shared_materials import (
    STAFF_ROLES,
    MemberEdition,
    member_edition_list,
    shared_material_can_moderate,
    shared_material_get_for_user,
    shared_material_list_for_user,
    shared_material_page_for_user,
)

__all__ = [
    "KIND_LABELS",
    "STAFF_ROLES",
    "MaterialItem",
    "MaterialProgress",
    "MeetingMaterials",
    "MeetingProgress",
    "MemberEdition",
    "material_keys_for_topic",
    "meeting_materials_for_member",
    "member_edition_list",
    "review_progress_for_edition",
    "review_progress_for_meeting",
    "session_topic_materials_by_topic",
    "session_topic_materials_for_reader",
    "shared_material_can_moderate",
    "shared_material_get_for_user",
    "shared_material_list_for_user",
    "shared_material_page_for_user",
]
