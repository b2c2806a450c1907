"""Posts as one reader reads them: in the reader's language where a machine
translation exists, the original otherwise.

Callers: the thread page (views/reading.py), the API's post lists and the
facilitators' digest (tasks.py). A page of posts costs one query for its
translations, whatever its size.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from learning.core import conf

from ..models import Post, PostTranslation
from ..rendering import post_body_html
from .post_pages import PostRow


@dataclass(frozen=True)
class PostReading:
    """A post's text for one reader: what to show, and the original beside it."""

    html: SafeString
    original_html: SafeString
    # The post's language; "" for posts whose language is unknown.
    source_language: str
    # html is a machine translation of original_html.
    is_translated: bool = False
    # The reader's language differs and no translation exists yet (or the
    # translator failed): html is the original, shown with a note.
    is_untranslated: bool = False


def language_offered(code: str) -> str:
    """`code` (or its base, "es" for "es-419") when the site offers it, else ""."""
    offered = {language for language, _name in settings.LANGUAGES}
    if code in offered:
        return code
    base = code.split("-")[0]
    return base if base in offered else ""


def forum_translation_enabled() -> bool:
    """Whether posts are machine-translated: a translator is configured and the
    site has not turned forum translation off (LEARNING_FORUM_TRANSLATION)."""
    configured = getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None)
    return bool(configured) and conf.forum_translation()


def post_needs_translation(*, post: Post | PostRow, language: str) -> bool:
    """Whether a reader in `language` should read the post translated."""
    target = language_offered(language)
    return (
        bool(post.language and target)
        and post.erased_at is None
        and target != language_offered(post.language)
        and forum_translation_enabled()
    )


def post_translations_for(
    *, posts: Sequence[Post | PostRow], languages: Iterable[str]
) -> dict[int, dict[str, str]]:
    """Post id → {language: translated HTML} for the languages asked, where made."""
    codes = {language_offered(code) for code in languages} - {""}
    found: dict[int, dict[str, str]] = defaultdict(dict)
    wanted = [
        post.pk
        for post in posts
        if any(post_needs_translation(post=post, language=code) for code in codes)
    ]
    if not wanted:
        return {}
    rows = PostTranslation.objects.filter(post_id__in=wanted, language__in=codes)
    for post_id, language, html in rows.values_list("post_id", "language", "body_html"):
        found[post_id][language] = html
    return dict(found)


def post_readings(*, posts: Sequence[Post], language: str) -> dict[int, PostReading]:
    """Post id → how a reader in `language` reads it."""
    language = language_offered(language)
    translations = post_translations_for(posts=posts, languages=[language])
    readings = {}
    for post in posts:
        # Both come out of the sanitiser (cooked, or translated then cleaned).
        original = mark_safe(post_body_html(post=post))  # noqa: S308
        translated = translations.get(post.pk, {}).get(language)
        needed = post_needs_translation(post=post, language=language)
        readings[post.pk] = PostReading(
            html=original if translated is None else mark_safe(translated),  # noqa: S308
            original_html=original,
            # An erased post's note is in the reader's language, not the author's.
            source_language=post.language if post.erased_at is None else "",
            is_translated=translated is not None,
            is_untranslated=needed and translated is None,
        )
    return readings
