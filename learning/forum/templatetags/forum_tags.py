import html

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from learning.core.localization import language_name
from learning.forum.models import Post
from learning.forum.rendering import markdown_render, post_body_html

register = template.Library()


@register.filter
def forum_markdown(text: str) -> SafeString:
    """A post's text as sanitised HTML (the sanitiser's output is safe to show)."""
    return mark_safe(markdown_render(text=text or ""))  # noqa: S308


@register.filter
def forum_post_body(post: Post) -> SafeString:
    """The post's text as sanitised HTML, or the note that it was removed."""
    return mark_safe(post_body_html(post=post))  # noqa: S308


@register.filter
def forum_language_name(code: str) -> str:
    """{{ "es"|forum_language_name }} → "Spanish" (on an English page), "español"."""
    return language_name(code) if code else ""


@register.filter
def forum_plain(markup: str) -> str:
    """Sanitised HTML as plain text, for the text part of an email."""
    return html.unescape(strip_tags(markup or "")).strip()
