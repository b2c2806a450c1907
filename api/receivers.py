"""Invalidate cached content when what the public sees changes.

Translation sync (cms.translations) publishes through Wagtail's publish(), which
sends page_published / published, so it is covered by the same receivers.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from .caching import content_generation_bump


def connect() -> None:
    for signal, uid in (
        (page_published, "api_page_published"),
        (page_unpublished, "api_page_unpublished"),
        (post_page_move, "api_page_moved"),
        (published, "api_published"),
        (unpublished, "api_unpublished"),
    ):
        signal.connect(content_generation_bump, dispatch_uid=uid)
    post_delete.connect(
        content_generation_bump, sender=Page, dispatch_uid="api_page_deleted"
    )
    # A page made private (or public again) changes what anonymous callers see;
    # a new or removed locale changes every translations map.
    for sender in (PageViewRestriction, Locale):
        for signal in (post_save, post_delete):
            signal.connect(
                content_generation_bump,
                sender=sender,
                dispatch_uid=f"api_{sender.__name__}_{signal is post_save}",
            )
