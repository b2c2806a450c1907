"""A person's shared materials and review marks, for privacy."""

from typing import Any

from learning.core.personal_data import (
    Person,
    PersonalDataKind,
    export_rows,
    field_columns,
    files_delete_on_commit,
    personal_data_register,
    verbose_plural,
)

from .models import MaterialReview, SharedMaterial

SHARED_FIELDS = (
    "edition__label",
    "title",
    "description",
    "file_name",
    "url",
    "size",
    "is_hidden",
    "created_at",
)
REVIEW_FIELDS = (
    "edition__label",
    "session_topic__title",
    "material_key",
    "reviewed_at",
)


def shared_materials_export(person: Person) -> list[dict[str, Any]]:
    """Files and links the person shared with an edition (file names, not files)."""
    rows = SharedMaterial.objects.filter(person.q(user="shared_by"))
    return export_rows(
        rows.select_related("edition").order_by("created_at", "pk"), SHARED_FIELDS
    )


def shared_materials_erase(person: Person) -> int:
    # What the person shared is theirs: the rows go, and their files once the
    # erasure is committed (a rollback keeps both). A file whose deletion fails
    # names no row any more, so shared_material_orphans_delete removes it later.
    rows = SharedMaterial.objects.filter(person.q(user="shared_by"))
    files = list(rows.exclude(file="").values_list("file", flat=True))
    deleted, _by_model = rows.delete()
    if files:
        storage = SharedMaterial._meta.get_field("file").storage
        files_delete_on_commit(storage=storage, names=files)
    return deleted


def reviews_export(person: Person) -> list[dict[str, Any]]:
    """The materials the person marked as reviewed."""
    rows = MaterialReview.objects.filter(person.q(user="user"))
    return export_rows(
        rows.select_related("edition", "session_topic").order_by("reviewed_at", "pk"),
        REVIEW_FIELDS,
    )


def reviews_erase(person: Person) -> int:
    # Kept: a mark holds a material's key, a time and the (closed, renamed)
    # account; review progress of the meeting keeps its numbers.
    return 0


personal_data_register(
    PersonalDataKind(
        key="shared_materials",
        label=verbose_plural(SharedMaterial),
        columns=field_columns(SharedMaterial, SHARED_FIELDS),
        export=shared_materials_export,
        erase=shared_materials_erase,
    ),
    PersonalDataKind(
        key="material_reviews",
        label=verbose_plural(MaterialReview),
        columns=field_columns(MaterialReview, REVIEW_FIELDS),
        export=reviews_export,
        erase=reviews_erase,
    ),
)
