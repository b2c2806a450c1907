"""Start a new content generation when anything a content response or a cached
site page shows changes (cms.core.generation).

They show pages (publish, unpublish, move, delete, and saves of the live row),
their view restrictions, locales and sites (URLs), images and documents
(titles, renditions, URLs), snippets (testimonials, menus, topics, any snippet a
block chooses), site settings (the organisation's name in every header), each
translation's status, which follows the review workflow (submit, approve,
reject, cancel), the translator's strings and the sync of a source, and, on
programme pages, the learning data of LEARNING_DATA_APPS (editions, meetings,
places left, info sessions, seminar runs, the opening gate's decisions).
Scheduled publishing and expiry go through publish()/unpublish(), so they send
the publish signals too. Page locks and redirects are shown by no response, so
they bump nothing.
"""

from functools import cache
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
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

from .generation import content_generation_bump

# Apps whose rows the site's programme pages show (editions and their meetings,
# places left and waitlists, info sessions, seminar runs, and the opening gate's
# decisions: learning_core's Opening holds or opens a sign-up). Their writes are
# rare next to reads; a forum post or an attendance mark bumps nothing.
LEARNING_DATA_APPS = frozenset(
    {"editions", "enrolments", "infosessions", "registrations", "learning_core"}
)


@cache
def shown_models() -> tuple[type[Model], ...]:
    """Models whose rows a content response or a site page shows (snippets aside)."""
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
        BaseSiteSetting,
        BaseGenericSetting,
    )


def content_changed(**kwargs: Any) -> None:
    """Bump the content generation now, and again when the transaction commits:
    a response computed between the change and the commit, from the data as it
    was, would otherwise stay cached under the new generation."""
    content_generation_bump()
    transaction.on_commit(content_generation_bump)


def _is_shown(sender: type[Model], instance: Model) -> bool:
    return (
        isinstance(instance, shown_models())
        or sender._meta.app_label in LEARNING_DATA_APPS
        or sender in get_snippet_models()
    )


def on_saved_or_deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # fixtures being loaded
    if kwargs.get("created") and isinstance(
        instance, (BaseSiteSetting, BaseGenericSetting)
    ):
        # Wagtail makes a settings row, with its defaults, the first time a page
        # reads it: what pages showed before. Editing it (a save) is news.
        return
    if _is_shown(sender, instance):
        content_changed()


def connect() -> None:
    for signal, uid in (
        (page_published, "content_page_published"),
        (page_unpublished, "content_page_unpublished"),
        (post_page_move, "content_page_moved"),
        (published, "content_published"),
        (unpublished, "content_unpublished"),
    ):
        signal.connect(content_changed, dispatch_uid=uid)
    # Any model: snippets are registered after this app may be ready, and a
    # page's save is sent with its specific class.
    post_save.connect(on_saved_or_deleted, dispatch_uid="content_saved")
    post_delete.connect(on_saved_or_deleted, dispatch_uid="content_deleted")
