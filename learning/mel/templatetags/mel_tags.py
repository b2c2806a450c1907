"""Small helpers of the MEL templates."""

from typing import Any

from django import template
from django.utils.translation import gettext as _

from learning.mel.indicators import Level

register = template.Library()


@register.filter
def level_heading(level: str) -> str:
    """The heading of a level's table: "By organisation", "By meeting"..."""
    headings: dict[str, str] = {
        Level.EDITION: _("Whole edition"),
        Level.MODULE: _("By module"),
        Level.MEETING: _("By meeting"),
        Level.ORGANISATION: _("By organisation"),
        Level.QUESTION: _("By question"),
    }
    return headings.get(level, level)


@register.filter
def figure_text(figure: Any) -> str:
    """A figure as the tables show it; a dash where the indicator has none."""
    return "—" if figure is None else str(figure)


@register.filter
def figure_kind(figure: Any) -> str:
    return "" if figure is None else figure.kind
