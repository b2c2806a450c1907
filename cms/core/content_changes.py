"""What a saved object's signal says about the content shown from it, for the
receivers that keep stored renderings fresh (cms.core.stored_parts_freshness,
api.content.receivers)."""

from typing import Any

from django.db.models import Model
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.snippets.models import get_snippet_models

# A page's or snippet's save with only these fields keeps its live content (a
# draft saved as a revision, a lock): nothing to refresh.
DRAFT_FIELDS = frozenset(
    {
        "comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
    }
)


def live_content_kept(**kwargs: Any) -> bool:
    """A post_save that changes nothing shown: fixtures being loaded, or a save
    of draft or lock fields only."""
    fields = kwargs.get("update_fields")
    return bool(kwargs.get("raw")) or bool(fields and set(fields) <= DRAFT_FIELDS)


def is_shown_object(instance: Model) -> bool:
    """An image, a document or a snippet: pages show them."""
    return (
        isinstance(instance, get_image_model() | get_document_model())
        or type(instance) in get_snippet_models()
    )
