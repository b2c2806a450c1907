"""Invalidate cached content when anything a content response shows changes.

A response shows pages (publish, unpublish, move, delete, and saves of the live
row), their view restrictions, locales and sites (URLs), images and documents
(titles, renditions, URLs), snippets (testimonials, menus, topics, any snippet a
block chooses) and each translation's status, which follows the review workflow
(submit, approve, reject, cancel), the translator's strings and the sync of a
source. Scheduled publishing and expiry go through publish()/unpublish(), so
they send the publish signals too. Page locks and redirects are shown by no
response, so they bump nothing.
"""

from functools import cache
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site, WorkflowState
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from .caching import content_generation_bump


@cache
def shown_models() -> tuple[type[Model], ...]:
    """Models whose rows a content response shows (snippets aside)."""
    return (
        Page,
        PageViewRestriction,
        Locale,
        Site,
        get_image_model(),
        get_document_model(),
        WorkflowState,
        Translation,
        TranslationSource,
        StringTranslation,
    )


def content_changed(**kwargs: Any) -> None:
    """Bump the content generation now, and again when the transaction commits:
    a response computed between the change and the commit, from the data as it
    was, would otherwise stay cached under the new generation."""
    content_generation_bump()
    transaction.on_commit(content_generation_bump)


def on_saved_or_deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # fixtures being loaded
    if isinstance(instance, shown_models()) or sender in get_snippet_models():
        content_changed()


def connect() -> None:
    for signal, uid in (
        (page_published, "api_page_published"),
        (page_unpublished, "api_page_unpublished"),
        (post_page_move, "api_page_moved"),
        (published, "api_published"),
        (unpublished, "api_unpublished"),
    ):
        signal.connect(content_changed, dispatch_uid=uid)
    # Any model: snippets are registered after this app may be ready, and a
    # page's save is sent with its specific class.
    post_save.connect(on_saved_or_deleted, dispatch_uid="api_content_saved")
    post_delete.connect(on_saved_or_deleted, dispatch_uid="api_content_deleted")
