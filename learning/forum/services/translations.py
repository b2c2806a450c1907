"""Posts in the reader's language: the language a post is written in, and its
machine translations, made once per post and language by a task.

Translations go through the CMS's machine translator
(WAGTAILLOCALIZE_MACHINE_TRANSLATOR: DeepL when configured, an offline
placeholder in the demo and tests). The translator's answer is HTML from outside,
so it goes through the posts' sanitiser before it is stored. A failure is logged
and never reaches the writer or the reader: they see the original with a note.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.strings import StringValue

from learning.core.types import AuthUser

from .. import rendering
from ..models import Post, PostTranslation
from ..rendering import html_sanitise, post_body_html
from ..selectors.post_pages import PostRow
from ..selectors.readings import language_offered, post_needs_translation
from ..tasks import forum_post_translate

logger = logging.getLogger(__name__)

# A post and language is asked for at most this often while no translation
# exists, so a thread read often while the translator is down does not flood
# the task queue; the next reader after that asks again.
REQUEST_AGAIN_SECONDS = 600


def post_language_choose(*, author: AuthUser, language: str = "") -> str:
    """The language a post is written in: `language` (the site's or the API's
    language while writing) when the site offers it, else the author's preferred
    language, else the site's default."""
    for candidate in (language, getattr(author, "preferred_language", "")):
        code = language_offered(candidate or "")
        if code:
            return code
    return str(settings.LANGUAGE_CODE)


def post_translations_request(*, posts: Iterable[Post | PostRow], language: str) -> int:
    """Ask for the posts' translations into `language` (once a commit happens);
    returns how many were asked for. Callers pass posts that have none yet."""
    language = language_offered(language)
    asked = 0
    for post in posts:
        if not post_needs_translation(post=post, language=language):
            continue
        key = _request_key(post=post, language=language)
        if cache.add(key, 1, REQUEST_AGAIN_SECONDS):
            _enqueue(post_id=post.pk, language=language)
            asked += 1
    return asked


def post_translations_request_all(*, post: Post) -> int:
    """Ask for the post's translation into every other language of the site,
    so readers find it ready (called when a post is written or edited)."""
    return sum(
        post_translations_request(posts=[post], language=code)
        for code, _name in settings.LANGUAGES
    )


def post_translation_make(*, post_id: int, language: str) -> PostTranslation | None:
    """The post's translation into `language`, made now unless it exists.

    None when the post needs none, is gone, was edited meanwhile, or the
    translator failed (logged; the reader sees the original with a note).
    """
    language = language_offered(language)
    post = Post.objects.filter(pk=post_id).first()
    if post is None or not post_needs_translation(post=post, language=language):
        return None
    existing = PostTranslation.objects.filter(post=post, language=language).first()
    if existing is not None:
        return existing
    translated = _machine_translate(
        markup=post_body_html(post=post), source=post.language, target=language
    )
    if translated is None:
        return None
    return _translation_store(post=post, language=language, body_html=translated)


def post_translations_forget(*, post: Post) -> None:
    """Drop the post's translations: its text changed or was erased."""
    PostTranslation.objects.filter(post=post).delete()


@transaction.atomic
def _translation_store(
    *, post: Post, language: str, body_html: str
) -> PostTranslation | None:
    # The lock orders this against an edit: a translation of the text as it was
    # before an edit that committed meanwhile is thrown away, not stored.
    current = Post.objects.select_for_update().filter(pk=post.pk).first()
    if (
        current is None
        or current.erased_at is not None
        or current.edited_at != post.edited_at
        or current.body_markdown != post.body_markdown
    ):
        return None
    translation, _created = PostTranslation.objects.get_or_create(
        post=current,
        language=language,
        defaults={"body_html": body_html, "cooked_version": rendering.COOK_VERSION},
    )
    return translation


def _machine_translate(*, markup: str, source: str, target: str) -> str | None:
    """The HTML translated and sanitised; None when the translator fails."""
    source_locale = Locale(language_code=source)
    target_locale = Locale(language_code=target)
    try:
        translator = get_machine_translator()
        if translator is None or not translator.can_translate(
            source_locale, target_locale
        ):
            return None
        string = StringValue(markup)
        result = translator.translate(source_locale, target_locale, [string])
        return html_sanitise(markup=result[string].data)
    except Exception:
        # Any failure of an outside service (network, quota, a changed answer)
        # must leave the forum working: the original is shown instead.
        logger.warning(
            "Machine translation of a forum post into %s failed", target, exc_info=True
        )
        return None


def _request_key(*, post: Post | PostRow, language: str) -> str:
    # The moments name this version of the text: an edit asks again at once.
    written = post.created_at.timestamp()
    edited = post.edited_at.timestamp() if post.edited_at else 0
    return f"forum:translate:{post.pk}:{written}:{edited}:{language}"


def _enqueue(*, post_id: int, language: str) -> None:
    transaction.on_commit(
        lambda: forum_post_translate.enqueue(post_id=post_id, language=language),
        robust=True,
    )
