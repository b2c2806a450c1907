"""What a change makes stale among the stored page parts (cms.core.stored_parts),
by the API's rule for its stored representations.

A change deletes the rows it makes stale in its own transaction, and again when
it commits (a page read between the two, from the data as it was, may have
stored a row again). The next read of each page makes its rows again.
"""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Model, Q
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_slug_changed, post_page_move

from .content_changes import is_shown_object, live_content_kept
from .models import StoredPagePart


def _delete(pages: Q | None) -> None:
    rows = StoredPagePart.objects.all()
    if pages is not None:
        rows = rows.filter(page__in=Page.objects.filter(pages).values("pk"))
    rows.delete()


def parts_delete(pages: Q | None) -> None:
    """Delete the rows of the pages `pages` selects (None: every row), now and
    when the transaction commits."""
    _delete(pages)
    transaction.on_commit(lambda: _delete(pages))


def _showing(model: type[Model], ids: Iterable[Any]) -> Q:
    """Pages whose content references one of these objects (Wagtail's
    ReferenceIndex: links in rich text, choosers, documents, images)."""
    base_type = ReferenceIndex._get_base_content_type(model)
    page_type = ReferenceIndex._get_base_content_type(Page)
    holders = ReferenceIndex.objects.filter(
        base_content_type=page_type,
        to_content_type=base_type,
        to_object_id__in=[str(pk) for pk in ids],
    ).values_list("object_id", flat=True)
    return Q(pk__in=[int(pk) for pk in holders])


def page_changed(*, page: Page) -> None:
    """A page was published, unpublished, saved live, restricted or deleted:
    the rows of its translations (a translation shows its source's choices),
    of their parents (cards of child pages) and descendants (breadcrumbs), and
    of every page that references one of them."""
    group = list(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "pk", "path"
        )
    )
    ids = {pk for pk, _ in group} | {page.pk}
    paths = {path for _, path in group} | {page.path}
    wanted = Q(pk__in=ids) | _showing(Page, ids)
    for path in paths:
        wanted |= Q(path=path[: -Page.steplen]) | Q(path__startswith=path)
    parts_delete(wanted)


def object_changed(*, instance: Model) -> None:
    """An image (or one of its renditions), a document or a snippet changed:
    the rows of every page that shows it."""
    parts_delete(_showing(type(instance), [instance.pk]))


def all_changed() -> None:
    """A site, a locale or a page's place in the tree changed (every URL may
    have): every row."""
    parts_delete(None)


def _changed(instance: Model) -> None:
    if isinstance(instance, Page):
        page_changed(page=instance)
    elif isinstance(instance, PageViewRestriction):
        # A restricted child leaves its parent's cards (.public()).
        page_changed(page=instance.page)
    elif isinstance(instance, Site | Locale):
        all_changed()
    elif is_shown_object(instance):
        object_changed(instance=instance)
    elif isinstance(instance, get_image_model().get_rendition_model()):
        object_changed(instance=get_image_model()(pk=instance.image_id))


def on_saved(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if live_content_kept(**kwargs):
        return
    _changed(instance)


def on_deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    _changed(instance)


def on_moved(sender: type[Model], **kwargs: Any) -> None:
    all_changed()


def connect() -> None:
    # Any model: snippets are registered after this app may be ready, and a
    # page's save is sent with its specific class.
    post_save.connect(on_saved, dispatch_uid="stored_parts_saved")
    post_delete.connect(on_deleted, dispatch_uid="stored_parts_deleted")
    post_page_move.connect(on_moved, dispatch_uid="stored_parts_moved")
    page_slug_changed.connect(on_moved, dispatch_uid="stored_parts_slug")
