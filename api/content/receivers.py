"""Keep stored representations fresh (api.content.freshness): a page's publish,
unpublish, save of its live row, move or deletion; a change to an image, its
renditions, a document or a snippet that a representation shows; a site or a
locale. A view restriction changes no representation: reads leave restricted
pages out (api.content.queries.visible_pages); it clears, as a review workflow,
a wagtail-localize translation, source or translator's string does, the stored
`translations` of the pages concerned (api.content.stored_translations)."""

from typing import Any, Protocol, TypeGuard

from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site, WorkflowState
from wagtail.signals import page_slug_changed, post_page_move
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.core.content_changes import is_shown_object, live_content_kept

from . import freshness
from .stored import page_type


class _Rendition(Protocol):
    """An image's rendition (Wagtail's classes are Any to mypy)."""

    @property
    def image_id(self) -> int: ...


def _is_rendition(instance: Model) -> TypeGuard[_Rendition]:
    return isinstance(instance, get_image_model().get_rendition_model())


def _translation_keys(instance: Model) -> list[Any] | None:
    """The translation keys whose pages' `translations` (their states) a change
    to this review workflow, translation or translator's string makes stale;
    None for other objects."""
    if isinstance(instance, WorkflowState):
        if instance.base_content_type_id != page_type().pk:
            return []
        pages = Page.objects.filter(pk=int(instance.object_id))
        return list(pages.values_list("translation_key", flat=True))
    if isinstance(instance, TranslationSource):
        return [instance.object_id]
    if isinstance(instance, Translation):
        sources = TranslationSource.objects.filter(pk=instance.source_id)
        return list(sources.values_list("object_id", flat=True))
    if isinstance(instance, StringTranslation):
        segments = StringSegment.objects.filter(
            string_id=instance.translation_of_id, context_id=instance.context_id
        )
        return list(segments.values_list("source__object_id", flat=True))
    return None


def _translations_changed(instance: Model) -> bool:
    """Clear the stored `translations` this change makes stale; whether it was
    one of those objects."""
    if isinstance(instance, PageViewRestriction):
        freshness.translations_changed(every=True)
        return True
    keys = _translation_keys(instance)
    if keys is None:
        return False
    freshness.translations_changed(keys=keys)
    return True


def on_saved(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if not kwargs.get("raw") and _translations_changed(instance):
        return
    if live_content_kept(**kwargs):
        return
    if isinstance(instance, Page):
        freshness.page_changed(page=instance)
    elif isinstance(instance, Site | Locale):
        freshness.all_changed()
    elif is_shown_object(instance):
        freshness.object_changed(instance=instance)


def on_deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if _translations_changed(instance):
        return
    if isinstance(instance, Page):
        freshness.page_changed(page=instance)
    elif isinstance(instance, Site | Locale):
        freshness.all_changed()
    elif is_shown_object(instance):
        freshness.object_changed(instance=instance)
    elif _is_rendition(instance):
        # A rendition is shown as part of its image; a deleted one (an image's
        # file or focal point replaced) is made again with another URL. A new
        # rendition changes nothing stored: it is made while rendering.
        freshness.object_changed(instance=get_image_model()(pk=instance.image_id))


def on_moved(sender: type[Model], instance: Page, **kwargs: Any) -> None:
    freshness.subtree_moved(page=instance)


def connect() -> None:
    # Any model: snippets are registered after this app may be ready, and a
    # page's save is sent with its specific class.
    post_save.connect(on_saved, dispatch_uid="representations_saved")
    post_delete.connect(on_deleted, dispatch_uid="representations_deleted")
    post_page_move.connect(on_moved, dispatch_uid="representations_moved")
    page_slug_changed.connect(on_moved, dispatch_uid="representations_slug")
