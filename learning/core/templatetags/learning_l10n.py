"""Filters that name time zones and languages in the reader's language."""

from collections.abc import Iterable

from django import template

from learning.core.localization import language_names, time_zone_name

register = template.Library()


@register.filter
def zone_name(zone: str) -> str:
    """{{ "America/Lima"|zone_name }} → "hora de Perú" on a Spanish page."""
    return time_zone_name(zone)


@register.filter(name="language_names")
def language_names_filter(codes: Iterable[str] | None) -> str:
    """{{ meeting.interpretation_languages|language_names }} → "inglés y español"."""
    return language_names(codes or [])
