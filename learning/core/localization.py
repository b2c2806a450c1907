"""Names of time zones and languages in the reader's language, from CLDR (Babel)."""

from collections.abc import Iterable

from babel import Locale, UnknownLocaleError
from babel.dates import get_timezone_location
from babel.lists import format_list
from django.conf import settings
from django.utils import translation

# Zones that name no place: Babel calls them "Unknown Region", readers know "UTC".
PLACELESS_ZONES = frozenset({"UTC", "Etc/UTC", "GMT", "Etc/GMT", "Etc/UCT", "UCT"})


def _locale(language: str | None) -> Locale:
    code = language or translation.get_language() or settings.LANGUAGE_CODE
    try:
        return Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError):
        return Locale.parse(settings.LANGUAGE_CODE, sep="-")


def time_zone_name(zone: str, *, language: str | None = None) -> str:
    """The zone as readers say it ("hora de Perú"), in `language` or the active one."""
    if not zone or zone in PLACELESS_ZONES:
        return zone
    try:
        return get_timezone_location(zone, locale=_locale(language))
    except LookupError:
        # A zone unknown to CLDR is still better shown than hidden.
        return zone


def language_name(code: str, *, language: str | None = None) -> str:
    """The language called `code` ("en"), named in `language` or the active one."""
    locale = _locale(language)
    base = code.replace("_", "-").split("-")[0]
    name: str = locale.languages.get(code.replace("-", "_")) or locale.languages.get(
        base, code
    )
    return name


def language_names(codes: Iterable[str], *, language: str | None = None) -> str:
    """The languages named as a list in the active language ("inglés y español")."""
    names = [language_name(code, language=language) for code in codes]
    return format_list(names, locale=_locale(language)) if names else ""
