from django import template
from django.utils.safestring import SafeString, mark_safe

from learning.forum.rendering import markdown_render

register = template.Library()


@register.filter
def forum_markdown(text: str) -> SafeString:
    """A post's text as sanitised HTML (the sanitiser's output is safe to show)."""
    return mark_safe(markdown_render(text=text or ""))  # noqa: S308
