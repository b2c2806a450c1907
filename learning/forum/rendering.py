"""Post text → safe HTML: a Markdown subset, then an allowlist sanitiser (nh3).

A post's HTML is "cooked" when it is written or edited and stored with it, as
Discourse does, so a thread page does no Markdown work. The sanitiser is the
last step, so whatever the Markdown converter (or a machine translator) lets
through, only the tags and attributes below reach a reader: no script, no event
handler, no style, no SVG, and links only to http, https and mailto addresses.

COOK_VERSION names these rules: raise it whenever they change (tags, attributes,
Markdown extensions), then `manage.py forum_cook_posts` re-cooks older posts.
"""

import html
from typing import TYPE_CHECKING

import markdown
import nh3
from django.utils.html import format_html
from django.utils.translation import gettext

if TYPE_CHECKING:
    from datetime import datetime

    from .models import Post

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "em", "a", "ul", "ol", "li", "code", "pre", "blockquote"}
)
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener ugc"
# Removed with their content, not just unwrapped.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "svg", "math", "template"})
# Stored with each post and translation; 0 means "never cooked".
COOK_VERSION = 1


def markdown_render(*, text: str) -> str:
    """The post's text as sanitised HTML, safe to mark safe in a template."""
    # Raw HTML is shown as text, not interpreted: escape it before Markdown sees it
    # (">" stays so that quotes still work; alone it opens no tag).
    escaped = html.escape(text, quote=False).replace("&gt;", ">")
    converted = markdown.markdown(escaped, extensions=["nl2br", "sane_lists"])
    return html_sanitise(markup=converted)


def html_sanitise(*, markup: str) -> str:
    """HTML reduced to the allowed tags, attributes and link schemes."""
    return nh3.clean(
        markup,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        url_relative="deny",
        link_rel=LINK_REL,
        strip_comments=True,
    )


def markdown_quote(*, text: str) -> str:
    """The text as a Markdown quote, to start a reply that quotes it."""
    return "\n".join(f"> {line}" for line in text.splitlines()) + "\n\n"


def post_cook(*, post: "Post") -> None:
    """Store the post's sanitised HTML on it, under today's rules (not saved)."""
    post.body_html = markdown_render(text=post.body_markdown)
    post.cooked_version = COOK_VERSION


def post_body_html(*, post: "Post") -> str:
    """The post's cooked HTML; an erased post's neutral note in the reader's
    language (its text is gone, so the note is rendered, never stored)."""
    return post_served_html(
        body_html=post.body_html,
        body_markdown=post.body_markdown,
        cooked_version=post.cooked_version,
        erased_at=post.erased_at,
    )


def post_served_html(
    *,
    body_html: str,
    body_markdown: str,
    cooked_version: int,
    erased_at: "datetime | None",
) -> str:
    """What a reader is served of a post, from its stored columns (callers that
    read rows, not Post instances, pass them as they are)."""
    if erased_at is not None:
        return erased_note()
    if not cooked_version:
        # Written around the cooking (bulk loads, factories): render it now.
        return markdown_render(text=body_markdown)
    return body_html


def erased_note() -> str:
    """What readers see instead of an erased post's text."""
    return format_html(
        '<p class="muted" data-erased>{}</p>',
        gettext("Removed at the author's request."),
    )
