"""What public sign-up pages say while the translation gate holds a sign-up."""

from django import template

from learning.core.openings import OPENING_HELD_MESSAGE

register = template.Library()


@register.simple_tag
def opening_held_message() -> str:
    """The sentence shown instead of a sign-up form the gate holds."""
    return str(OPENING_HELD_MESSAGE)
