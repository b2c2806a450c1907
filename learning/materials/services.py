"""Writes: review marks, sharing a material with an edition, hiding it.

A shared file is stored and its row saved together: a file that cannot be
stored leaves no row, and a row that cannot be saved leaves no file.
"""

import re
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from learning.catalogue.models import SessionTopicPage
from learning.core import conf
from learning.core.storage import StorageUnavailable, storage_guard
from learning.core.types import AuthUser
from learning.editions.models import Edition, Meeting
from learning.enrolments.membership import EditionRole, edition_role_for_user
from learning.participants.selectors import (
    meeting_expects_modules,
    participant_module_paths,
)

from .models import MaterialReview, SharedMaterial
from .selectors import material_keys_for_topic, shared_material_can_moderate
from .sniffing import FileType, file_type_for_name, file_type_sniff

ORPHAN_GRACE = timedelta(hours=1)
MATERIALS_FOLDER = "materials"


def material_max_bytes() -> int:
    """The largest file a member may share (setting LEARNING_MATERIAL_MAX_BYTES)."""
    return conf.material_max_bytes()


# --- Review marks -------------------------------------------------------------


def material_mark_reviewed(
    *,
    user: AuthUser,
    edition: Edition,
    session_topic: SessionTopicPage,
    material_key: str,
    now: datetime | None = None,
) -> MaterialReview:
    """Mark one of a meeting's materials as reviewed by the user (idempotent)."""
    _review_validate(
        user=user, edition=edition, session_topic=session_topic, key=material_key
    )
    review, _created = MaterialReview.objects.get_or_create(
        user=user,
        edition=edition,
        session_topic=session_topic,
        material_key=material_key,
        defaults={"reviewed_at": now or timezone.now()},
    )
    return review


def material_unmark_reviewed(
    *,
    user: AuthUser,
    edition: Edition,
    session_topic: SessionTopicPage,
    material_key: str,
) -> None:
    """Take back the user's mark on a material (nothing happens without one)."""
    _member_check(user=user, edition=edition)
    MaterialReview.objects.filter(
        user=user,
        edition=edition,
        session_topic=session_topic,
        material_key=material_key,
    ).delete()


def _member_check(*, user: AuthUser, edition: Edition) -> EditionRole:
    role = edition_role_for_user(user=user, edition=edition)
    if role is None:
        raise PermissionDenied("not_a_member")
    return role


def _review_validate(
    *,
    user: AuthUser,
    edition: Edition,
    session_topic: SessionTopicPage,
    key: str,
) -> None:
    role = _member_check(user=user, edition=edition)
    meetings = list(
        Meeting.objects.filter(
            edition=edition, session_topic=session_topic
        ).select_related("session_topic")
    )
    if not meetings:
        raise ValidationError(
            _("This edition has no meeting on that session topic."),
            code="unknown_session_topic",
        )
    if role == EditionRole.PARTICIPANT:
        _module_chosen_check(user=user, edition=edition, meetings=meetings)
    if key not in material_keys_for_topic(session_topic=session_topic):
        raise ValidationError(
            _("This material is not on the session topic."), code="unknown_material"
        )


def _module_chosen_check(
    *, user: AuthUser, edition: Edition, meetings: list[Meeting]
) -> None:
    # A participant reviews for the meetings they are expected at, the only ones
    # "Before the meeting" shows them; a mark elsewhere would count nowhere.
    chosen = participant_module_paths(edition=edition, user=user)
    if not any(
        meeting_expects_modules(meeting=meeting, module_paths=chosen)
        for meeting in meetings
    ):
        raise ValidationError(
            _("This meeting is for the organisations that chose its module."),
            code="module_not_chosen",
        )


# --- Shared materials ---------------------------------------------------------


def shared_material_create(
    *,
    user: AuthUser,
    edition: Edition,
    title: str,
    language: str,
    description: str = "",
    file: "File[Any] | None" = None,
    url: str = "",
) -> SharedMaterial:
    """Share a file or a link with the edition's members."""
    _member_check(user=user, edition=edition)
    url = (url or "").strip()
    material = SharedMaterial(
        edition=edition,
        shared_by=user,
        title=(title or "").strip(),
        description=(description or "").strip(),
        language=language,
        url=url,
    )
    _source_validate(material=material, file=file)
    if file is None:
        material.full_clean()
        with transaction.atomic():
            material.save()
        return material
    file_type = _file_validate(file=file)
    material.content_type = file_type.content_type
    material.size = file.size or 0
    material.file_name = _download_name(file.name or "", file_type)
    material.full_clean(exclude=["file"])
    return _file_material_save(material=material, file=file, file_type=file_type)


def shared_material_hide(
    *, material: SharedMaterial, user: AuthUser, now: datetime | None = None
) -> SharedMaterial:
    """Hide a shared material from the edition's participants (logged)."""
    return _visibility_set(material=material, user=user, hidden=True, now=now)


def shared_material_restore(
    *, material: SharedMaterial, user: AuthUser
) -> SharedMaterial:
    """Show a hidden shared material to the edition's participants again (logged)."""
    return _visibility_set(material=material, user=user, hidden=False, now=None)


def shared_material_orphans_delete(*, now: datetime | None = None) -> int:
    """Delete stored files that no row names (left by an outer rollback); a count.

    Files younger than an hour are kept: their row may not be committed yet.
    """
    storage = SharedMaterial._meta.get_field("file").storage
    now = now or timezone.now()
    if not storage.exists(MATERIALS_FOLDER):
        return 0
    named = set(SharedMaterial.objects.exclude(file="").values_list("file", flat=True))
    deleted = 0
    for folder in storage.listdir(MATERIALS_FOLDER)[0]:
        prefix = f"{MATERIALS_FOLDER}/{folder}"
        for file_name in storage.listdir(prefix)[1]:
            name = f"{prefix}/{file_name}"
            if name in named or now - storage.get_modified_time(name) < ORPHAN_GRACE:
                continue
            storage.delete(name)
            deleted += 1
    return deleted


def _source_validate(*, material: SharedMaterial, file: "File[Any] | None") -> None:
    if not material.title:
        raise ValidationError(_("Give the material a title."), code="title_required")
    if file is None and not material.url:
        raise ValidationError(
            _("Choose a file or enter a link."), code="file_or_url_required"
        )
    if file is not None and material.url:
        raise ValidationError(
            _("Share either a file or a link, not both."), code="file_and_url"
        )
    if material.url:
        try:
            URLValidator(schemes=["http", "https"])(material.url)
        except ValidationError as error:
            raise ValidationError(
                _("Enter a web address that starts with http:// or https://."),
                code="url_not_allowed",
            ) from error


def _file_validate(*, file: "File[Any]") -> FileType:
    size = file.size or 0
    if size == 0:
        raise ValidationError(_("The file is empty."), code="file_empty")
    if size > material_max_bytes():
        raise ValidationError(
            _("The file is too large: the limit is %(limit)s."),
            code="file_too_large",
            params={"limit": filesizeformat(material_max_bytes())},
        )
    sniffed = file_type_sniff(file=file)
    if sniffed is None:
        raise ValidationError(
            _(
                "This kind of file cannot be shared. Share a PDF, an image, an "
                "office document, a text file or a video (MP4)."
            ),
            code="file_type_not_allowed",
        )
    named = file_type_for_name(sniffed=sniffed, name=_last_part(file.name or ""))
    if named is None:
        raise ValidationError(
            _("The file's name does not match its content."),
            code="file_name_mismatch",
        )
    return named


def _last_part(name: str) -> str:
    # Only the last part of whatever path a client sent counts, with either
    # separator: "..\\..\\x.png" and "/etc/x.png" are both "x.png".
    return re.split(r"[\\/]", name or "")[-1]


def _download_name(name: str, file_type: FileType) -> str:
    # As get_valid_filename, which raises on "" and "..": no path, no leading
    # dots (a download is never a hidden file), only word characters, "-" and ".".
    base = _last_part(name).strip().replace(" ", "_")
    base = re.sub(r"(?u)[^-\w.]", "", base).lstrip(".")
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = base or "material", file_type.extension
    return f"{stem[:200] or 'material'}.{extension.lower()}"


def _file_material_save(
    *, material: SharedMaterial, file: "File[Any]", file_type: FileType
) -> SharedMaterial:
    stored = ""
    try:
        with transaction.atomic():
            try:
                with storage_guard():
                    material.file.save(
                        f"upload.{file_type.extension}", file, save=False
                    )
            except (OSError, StorageUnavailable) as error:
                raise ValidationError(
                    _("The file could not be stored. Please try again later."),
                    code="file_not_stored",
                ) from error
            stored = material.file.name or ""
            material.save()
    except BaseException:
        # Whatever stopped the row also removes the file.
        if stored:
            material.file.storage.delete(stored)
        raise
    return material


def _visibility_set(
    *,
    material: SharedMaterial,
    user: AuthUser,
    hidden: bool,
    now: datetime | None,
) -> SharedMaterial:
    if not shared_material_can_moderate(user=user, edition=material.edition):
        raise PermissionDenied("not_a_facilitator")
    with transaction.atomic():
        material = SharedMaterial.objects.select_for_update().get(pk=material.pk)
        if material.is_hidden == hidden:
            return material
        material.is_hidden = hidden
        material.hidden_by = user if hidden else None
        material.hidden_at = (now or timezone.now()) if hidden else None
        material.save(update_fields=["is_hidden", "hidden_by", "hidden_at"])
        log(
            instance=material,
            action="materials.hide" if hidden else "materials.restore",
            user=user,
            data={"edition": material.edition_id, "title": material.title},
        )
    return material
