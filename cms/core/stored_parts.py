"""Parts of a site page rendered once per live revision and language, stored,
and joined into the page on reads (the `{% stored_part %}` template tag).

A page's body (its StreamFields and rich text, the cards of its child pages,
its breadcrumbs) depends only on its live revision and on the pages, images,
documents and snippets it shows. Rendering it is most of a page's work when the
page cache (cms.core.page_cache) misses: after a publish, on a new process, for
a page rarely read, or with SITE_PAGE_CACHE off. A template marks such a part
with `{% stored_part "name" %}…{% endstored_part %}`; the first read of the
page in a language renders and stores it (one row per page, language and
part), every later read reads the page's rows in one query. What depends on a
person, the request or the clock stays outside the parts: the header, CSRF
tokens and messages are rendered per request; open or closed enrolment,
upcoming dates and places left are kept until their next change by
learning.core.kept_blocks. A part whose rendering asked for a CSRF token is not
stored.

Freshness, as the API's stored representations (cms.core.stored_parts_freshness
deletes what a change makes stale): a row holds the revision and the code and
templates' version (`version()`) it was made from, and a read ignores a row
made from another. `manage.py rebuild_site_parts` makes every row again.
`SITE_STORED_PARTS = False` renders every part afresh.
"""

import hashlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from .models import StoredPagePart

logger = logging.getLogger(__name__)

# Raise when the code that renders parts changes in a way templates do not show.
FORMAT = 1
CSRF_USED = "CSRF_COOKIE_NEEDS_UPDATE"


# Switched off for one block of code (the benchmark's reference serving).
_disabled: ContextVar[bool] = ContextVar("stored_parts_disabled", default=False)


def stored_parts_enabled() -> bool:
    return getattr(settings, "SITE_STORED_PARTS", True) and not _disabled.get()


@contextmanager
def stored_parts_off() -> Iterator[None]:
    """Render every part afresh inside this block (the benchmark's reference)."""
    token = _disabled.set(True)
    try:
        yield
    finally:
        _disabled.reset(token)


@cache
def version() -> str:
    """FORMAT and a digest of the site's templates: a deploy that changes a
    template makes every row made by the old ones stale."""
    digest = hashlib.sha256(str(FORMAT).encode())
    for directory in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(Path(directory).rglob("*.html")):
            digest.update(str(path.relative_to(directory)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _storing_page(context: Any) -> tuple[HttpRequest, Page] | None:
    """The request and the live page it is served, when this rendering may use
    stored parts: not a preview (a draft), not a page that is not live."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page) or not stored_parts_enabled():
        return None
    if getattr(request, "is_preview", False) or not page.live:
        return None
    return request, page


def _revision(page: Page) -> int:
    # A page published by code without a revision (a data import) has none:
    # its saves delete its rows (cms.core.stored_parts_freshness).
    return page.live_revision_id or 0


def _rows(request: HttpRequest, page: Page, language: str) -> dict[str, str]:
    """The page's current parts in the language, {name: html}; one query per
    request and page."""
    memo = request.__dict__.setdefault("_stored_page_parts", {})
    key = (page.pk, language)
    if key not in memo:
        rows = StoredPagePart.objects.filter(
            page_id=page.pk,
            language_code=language,
            revision_id=_revision(page),
            version=version(),
        ).values_list("name", "html")
        memo[key] = dict(rows)
    return memo[key]


def _store(page: Page, language: str, name: str, html: str) -> None:
    row = StoredPagePart(
        page_id=page.pk,
        language_code=language,
        name=name,
        revision_id=_revision(page),
        version=version(),
        html=html,
    )
    try:
        with transaction.atomic():
            StoredPagePart.objects.bulk_create(
                [row],
                update_conflicts=True,
                unique_fields=["page", "language_code", "name"],
                update_fields=["revision_id", "version", "html", "made_at"],
            )
    except DatabaseError:
        # A read-only or busy database: the page is still served, rendered.
        logger.warning("stored page part not saved", exc_info=True)


def _render_watching_csrf(request: HttpRequest, render: Any) -> tuple[str, bool]:
    """render(), and whether it asked for the CSRF token (a form: the part is
    someone's)."""
    before = request.META.pop(CSRF_USED, False)
    html = render()
    used = bool(request.META.get(CSRF_USED))
    if before or used:
        request.META[CSRF_USED] = True
    return html, used


def part_render(context: Any, name: str, render: Any) -> SafeString | str:
    """The part `name` of the context's page: stored, or rendered by render()
    and stored when it holds nothing personal."""
    found = _storing_page(context)
    if found is None:
        return render()
    request, page = found
    language = get_language() or settings.LANGUAGE_CODE
    rows = _rows(request, page, language)
    if name in rows:
        return mark_safe(rows[name])  # noqa: S308 (our own rendering, stored)
    html, personal = _render_watching_csrf(request, render)
    if not personal:
        _store(page, language, name, html)
        rows[name] = html
    return html


# Page types whose templates hold stored parts (pages/<type>.html): the pages
# `parts_rebuild` renders.
STORED_PAGE_MODELS = (
    "catalogue.programmepage",
    "catalogue.modulepage",
    "catalogue.sessiontopicpage",
)


def _pages_to_store() -> QuerySet[Page]:
    types = [
        ContentType.objects.get_by_natural_key(*label.split("."))
        for label in STORED_PAGE_MODELS
    ]
    return Page.objects.live().filter(content_type__in=types).order_by("path")


def parts_count() -> int:
    return _pages_to_store().count()


def parts_rebuild() -> Iterator[int]:
    """Delete every stored part and make those of every live page of
    STORED_PAGE_MODELS again, by reading each page as a visitor would (past
    the page cache); yields 1 per page. A page that asks visitors to sign in
    makes its rows when a member first reads it."""
    # Django's test client is the one in-process visitor that goes through every
    # middleware; imported here, the site's requests never load it.
    from django.test import Client
    from django.test.utils import override_settings

    StoredPagePart.objects.all().delete()
    clients: dict[int, Client] = {}
    with override_settings(SITE_PAGE_CACHE=False):
        for page in _pages_to_store().iterator():
            site_id, root_url, path = page.get_url_parts() or (None, None, None)
            if site_id is not None and path:
                if site_id not in clients:
                    host = urlsplit(root_url).netloc or "localhost"
                    clients[site_id] = Client(HTTP_HOST=host)
                response = clients[site_id].get(path)
                if response.status_code != 200:
                    logger.info("%s answered %s", path, response.status_code)
            yield 1
