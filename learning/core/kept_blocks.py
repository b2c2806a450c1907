"""Public blocks of learning data kept rendered until what they show changes.

A programme page's editions and information sessions (status, places left,
schedule, "sign up" or "full") cost more than the rest of the page to compute,
yet change only when their learning data is written or when the clock passes
an instant at which a shown state flips (enrolment opens or closes, a session
starts). `kept_block` keeps a block's HTML in the default cache, keyed by the
block's name and what it varies by (page, language, time zone), and serves it
while both hold:

- the learning data generation is the one it was rendered in: any write to the
  data the blocks show (KEPT_BLOCK_DATA_APPS) or a page publish, unpublish,
  move or delete starts a new one, now and again when the transaction commits
  (a block rendered in between, from the data as it was, is not kept past it);
- the clock has not reached the block's `changes_at`, the earliest future
  instant its selectors name.

A kept block is rendered without the request, so it cannot hold a person's
data, a CSRF token or a message: whatever is someone's stays outside it.
LEARNING_KEPT_BLOCKS = False renders every block afresh; at most
LEARNING_KEPT_BLOCKS_SECONDS pass before a block is rendered again anyway.
"""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import conf

GENERATION_KEY = "learning:kept-blocks:generation"
# Apps whose rows the kept blocks show: editions and meetings, enrolments
# (places taken, waitlists), information sessions and their sign-ups, seminar
# registrations, and the opening gate (learning_core's Opening).
KEPT_BLOCK_DATA_APPS = frozenset(
    {"editions", "enrolments", "infosessions", "registrations", "learning_core"}
)

# Switched off for one block of code (the benchmark's reference serving).
_disabled: ContextVar[bool] = ContextVar("kept_blocks_disabled", default=False)


@dataclass(frozen=True)
class KeptRendering:
    """A block's HTML and the next instant its content changes with the clock
    alone (None: it does not)."""

    html: str
    changes_at: datetime | None = None


def kept_blocks_enabled() -> bool:
    return conf.kept_blocks_enabled() and not _disabled.get()


@contextmanager
def kept_blocks_off() -> Iterator[None]:
    """Render every block afresh inside this block of code."""
    token = _disabled.set(True)
    try:
        yield
    finally:
        _disabled.reset(token)


def learning_data_generation_bump(**kwargs: Any) -> None:
    """Start a new generation now and when the transaction commits (a signal
    receiver, hence **kwargs)."""
    learning_data_generation_new()
    transaction.on_commit(learning_data_generation_new)


def learning_data_generation_new() -> None:
    """Start a new generation now: every kept block is rendered again."""
    cache.set(GENERATION_KEY, time.time_ns(), None)


def _block_key(name: str, vary: tuple[Any, ...]) -> str:
    return "learning:kept-blocks:" + "|".join((name, *map(str, vary)))


def kept_block(
    *, name: str, vary: tuple[Any, ...], render: Callable[[], KeptRendering]
) -> SafeString:
    """The block `name` for `vary`, kept or rendered by render() and kept.
    One cache read when kept; render() must use nothing personal."""
    if not kept_blocks_enabled():
        return mark_safe(render().html)  # noqa: S308 (a template's rendering)
    key = _block_key(name, vary)
    found = cache.get_many([GENERATION_KEY, key])
    generation: int | None = found.get(GENERATION_KEY)
    html = _still_kept(found.get(key), generation)
    if html is None:
        rendering = render()
        _keep(key, generation or _generation_start(), rendering)
        html = rendering.html
    return mark_safe(html)  # noqa: S308 (a template's rendering, maybe kept)


def kept_page_block(
    *, name: str, page: Model, render: Callable[[], KeptRendering]
) -> SafeString:
    """kept_block for a block of `page`, in the reader's language and time zone
    (the only things a page's block varies by besides the page)."""
    vary = (page.pk, get_language(), timezone.get_current_timezone_name())
    return kept_block(name=name, vary=vary, render=render)


def _still_kept(entry: dict[str, Any] | None, generation: int | None) -> str | None:
    """The entry's HTML while its generation is current and its time holds."""
    if entry is None or generation is None or entry["generation"] != generation:
        return None
    until = entry["until"]
    if until is not None and timezone.now().timestamp() >= until:
        return None
    return str(entry["html"])


def _generation_start() -> int:
    # The first block after a cache flush: one generation for all processes.
    cache.add(GENERATION_KEY, time.time_ns(), None)
    return int(cache.get(GENERATION_KEY, 0))


def _keep(key: str, generation: int, rendering: KeptRendering) -> None:
    until = rendering.changes_at.timestamp() if rendering.changes_at else None
    entry = {"generation": generation, "until": until, "html": rendering.html}
    cache.set(key, entry, conf.kept_blocks_seconds())


def _on_saved_or_deleted(sender: type[Model], **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # fixtures being loaded
    if sender._meta.app_label in KEPT_BLOCK_DATA_APPS:
        learning_data_generation_bump()


def _on_page_deleted(sender: type[Model], **kwargs: Any) -> None:
    if issubclass(sender, Page):
        learning_data_generation_bump()


def connect() -> None:
    """Keep the blocks fresh: called by the learning core app's ready()."""
    post_save.connect(_on_saved_or_deleted, dispatch_uid="kept_blocks_saved")
    post_delete.connect(_on_saved_or_deleted, dispatch_uid="kept_blocks_deleted")
    # A page's title or place shows in a block (a schedule's module and
    # session topic titles, the programme's translations).
    post_delete.connect(_on_page_deleted, dispatch_uid="kept_blocks_page_deleted")
    for signal, uid in (
        (page_published, "kept_blocks_page_published"),
        (page_unpublished, "kept_blocks_page_unpublished"),
        (post_page_move, "kept_blocks_page_moved"),
    ):
        signal.connect(learning_data_generation_bump, dispatch_uid=uid)
