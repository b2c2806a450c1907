"""What a change makes stale among the stored representations (api.content.stored).

A change deletes, in its own transaction, the rows it makes stale (the changed
page's own and those of every page that shows it), so no read after the commit
can serve them; a task made on commit stores them again.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Model, Q
from wagtail.models import Page

from learning.catalogue.models import ProgrammePage

from .models import RepresentationDependency, StoredRepresentation
from .stored import holder_type, page_type, stored_models
from .tasks import representations_refresh


def _dependents(targets: Iterable[tuple[int, str]]) -> set[tuple[int, int]]:
    by_type: dict[int, set[str]] = defaultdict(set)
    for type_id, object_id in targets:
        by_type[type_id].add(str(object_id))
    if not by_type:
        return set()
    wanted = Q()
    for type_id, object_ids in by_type.items():
        wanted |= Q(target_type_id=type_id, target_id__in=sorted(object_ids))
    return set(
        RepresentationDependency.objects.filter(wanted).values_list(
            "holder_type_id", "holder_id"
        )
    )


def representations_invalidate(
    *,
    holders: Iterable[tuple[int, int]] = (),
    targets: Iterable[tuple[int, str]] = (),
) -> set[tuple[int, int]]:
    """Delete the stored rows of holders ((base content type id, id)) and of
    every object whose representation shows one of `targets` (same pairs);
    refresh them after the commit."""
    stale = set(holders) | _dependents(targets)
    by_type: dict[int, list[int]] = defaultdict(list)
    for type_id, object_id in stale:
        by_type[type_id].append(object_id)
    for type_id, ids in by_type.items():
        StoredRepresentation.objects.filter(
            content_type_id=type_id, object_id__in=ids
        ).delete()
        RepresentationDependency.objects.filter(
            holder_type_id=type_id, holder_id__in=ids
        ).delete()
    if stale:
        pairs = [list(pair) for pair in sorted(stale)]
        transaction.on_commit(lambda: representations_refresh.enqueue(holders=pairs))
    return stale


def _page_targets(pages: Iterable[Page]) -> set[tuple[int, str]]:
    # A link shows the linked page's translation in the holder's language
    # (rich text's `page.localized`), so a page's translations count as it.
    keys = {page.translation_key for page in pages}
    ids = Page.objects.filter(translation_key__in=keys).values_list("pk", flat=True)
    return {(page_type().pk, str(pk)) for pk in ids}


def translations_changed(*, keys: Iterable[object] = (), every: bool = False) -> None:
    """Clear the stored `translations` of the pages of these translation keys
    (or of every page), with a new token (api.content.stored_translations)."""
    rows = StoredRepresentation.objects.all()
    if not every:
        keys = {str(key) for key in keys}
        if not keys:
            return
        rows = rows.filter(translation_key__in=sorted(keys))
    # Rows already cleared too: a read may be making them from older data.
    rows.update(translations=None, translations_token=uuid.uuid4())


def page_changed(*, page: Page) -> set[tuple[int, int]]:
    """A page was published, unpublished, saved live or deleted: its own row and
    every row that shows it (its title, URL, or whether it is live), and its
    translations' `translations` (a programme's languages: every page's)."""
    translations_changed(
        keys=[page.translation_key], every=isinstance(page, ProgrammePage)
    )
    return representations_invalidate(
        holders=[(page_type().pk, page.pk)], targets=_page_targets([page])
    )


def subtree_moved(*, page: Page) -> set[tuple[int, int]]:
    """The page and its descendants have new URLs (a move or a slug change):
    every row that links to one of them."""
    path = Page.objects.filter(pk=page.pk).values_list("path", flat=True).first()
    if path is None:
        return set()
    pages = list(Page.objects.filter(path__startswith=path).only("translation_key"))
    translations_changed(keys=[page.translation_key for page in pages])
    return representations_invalidate(targets=_page_targets(pages))


def object_changed(*, instance: Model) -> set[tuple[int, int]]:
    """An image (its renditions), a document or a snippet changed: every row that
    shows it, and the snippet's own row (a testimonial)."""
    type_id = holder_type(type(instance)).pk
    own = [(type_id, instance.pk)] if type(instance) in stored_models() else []
    return representations_invalidate(
        holders=own, targets=[(type_id, str(instance.pk))]
    )


def all_changed() -> None:
    """Sites or locales changed (every URL may have): drop every row; reads and
    `rebuild_representations` make them again."""
    StoredRepresentation.objects.all().delete()
    RepresentationDependency.objects.all().delete()
