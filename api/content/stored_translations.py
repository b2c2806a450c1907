"""Each page's `translations` (its translations' ids, URLs and states), stored
beside its representation (api.content.stored) and made on the first read after
a change, so that a list or a detail does not compute the translation report's
states on every request.

They follow other objects than the page's own revision: its translations'
publish state and URLs, their review workflow, the translators' strings
(wagtail-localize), view restrictions and the programme's languages. A change to
any of them clears the stored text of the pages it concerns
(api.content.freshness.translations_changed), in the change's own transaction.
Clearing also gives the row a new token: a read stores what it made only if the
token it read before making it is still the row's, so a text made from data
older than a change is served once but never stored.
"""

import json
from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.db import transaction
from django.http import HttpRequest

from .models import StoredRepresentation
from .queries import translations_map
from .stored import json_text, page_type

Entry = dict[str, dict[str, Any]]


def _tokens(pages: list[Any]) -> dict[int, UUID]:
    """The rows' tokens: as read with the pages (with_stored), else in one
    query (rows made during this request)."""
    tokens = {
        page.pk: page.stored_token
        for page in pages
        if getattr(page, "stored_token", None) is not None
    }
    unread = [page.pk for page in pages if page.pk not in tokens]
    if unread:
        tokens.update(
            StoredRepresentation.objects.filter(
                content_type=page_type(), object_id__in=unread
            ).values_list("object_id", "translations_token")
        )
    return tokens


def _store(texts: dict[int, str], tokens: dict[int, UUID]) -> None:
    with transaction.atomic():
        for pk, text in texts.items():
            if pk in tokens:
                StoredRepresentation.objects.filter(
                    content_type=page_type(),
                    object_id=pk,
                    translations_token=tokens[pk],
                ).update(translations=text)


def stored_translations(pages: Iterable[Any]) -> dict[int, str]:
    """{page id: JSON text of its `translations`} for pages read with
    with_stored: each stored text, and for pages that have none, the text made
    now (translations_map) and stored unless a change happened meanwhile."""
    pages = list(pages)
    texts: dict[int, str] = {}
    missing = []
    for page in pages:
        text = getattr(page, "stored_translations", None)
        if text is None:
            missing.append(page)
        else:
            texts[page.pk] = text
    if missing:
        tokens = _tokens(missing)  # before making: see the module's docstring
        # Made without the request: what is stored must not depend on it.
        made = translations_map(missing, request=None)
        fresh = {page.pk: json_text(made.get(page.pk, {})) for page in missing}
        _store(fresh, tokens)
        texts.update(fresh)
    return texts


def own_url(page: Any, translations_text: str, *, request: HttpRequest) -> str | None:
    """The page's URL, as its translations entry in its own language gives it
    (the same `get_full_url`), else made now."""
    entry: Entry = json.loads(translations_text)
    own = entry.get(page.locale.language_code)
    if own and own.get("id") == page.pk:
        return own.get("url")
    return page.get_full_url(request)
