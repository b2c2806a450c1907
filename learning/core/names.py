"""People's and organisations' names: one normal form, and never an invisible one.

Every service or model that stores a name passes it through `name_normalise`, so
that the site's forms, the admin and the API accept and refuse the same names.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Joiners change how a word is drawn (Persian, Indic scripts, emoji sequences):
# kept between two visible characters, dropped anywhere else.
_JOINERS = frozenset({"\u200c", "\u200d"})
# Letters that draw nothing: fillers some scripts use for "empty".
_BLANK_LETTERS = frozenset({"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"})
_WHITESPACE = re.compile(r"\s+")


def name_normalise(value: str, *, field: str | None = None) -> str:
    """The name in NFC, without format or control characters, spaces collapsed.

    Blank input gives "" (the caller decides whether a name is required); input
    with no visible character left raises `name_invisible`, on `field` if given.
    """
    text = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", value or ""))
    if not text.strip():
        return ""
    kept = _drop_invisible(text)
    cleaned = _WHITESPACE.sub(" ", kept).strip()
    if not any(_is_visible(char) for char in cleaned):
        error = ValidationError(
            _("A name needs at least one visible character."), code="name_invisible"
        )
        raise ValidationError({field: error}) if field else error
    return cleaned


def _drop_invisible(text: str) -> str:
    kept = []
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if category == "Cc":
            continue
        if category == "Cf" and not _joins_visible(text, index):
            continue
        kept.append(char)
    return "".join(kept)


def _joins_visible(text: str, index: int) -> bool:
    if text[index] not in _JOINERS or index == 0 or index == len(text) - 1:
        return False
    return _is_visible(text[index - 1]) and _is_visible(text[index + 1])


def _is_visible(char: str) -> bool:
    if char in _BLANK_LETTERS:
        return False
    return unicodedata.category(char)[0] in "LNPS"
