"""Cooking posts again when the sanitiser's rules change (COOK_VERSION).

Callers: `manage.py forum_cook_posts`. Posts are cooked when written or edited
(services/posts.py); these re-cook the ones stored under older rules, and
re-clean their machine translations under the new ones.
"""

from django.db import transaction
from django.db.models import QuerySet

from .. import rendering
from ..models import Post, PostTranslation
from ..rendering import html_sanitise, post_cook


def post_cook_outdated_list(*, everything: bool = False) -> QuerySet[Post]:
    """Posts cooked under older rules (or never), by id; every post if asked."""
    posts = Post.objects.all()
    if not everything:
        posts = posts.filter(cooked_version__lt=rendering.COOK_VERSION)
    return posts.order_by("pk")


def post_translation_outdated_list() -> QuerySet[PostTranslation]:
    """Translations cleaned under older rules, by id."""
    outdated = PostTranslation.objects.filter(cooked_version__lt=rendering.COOK_VERSION)
    return outdated.order_by("pk")


@transaction.atomic
def posts_recook(*, post_ids: list[int]) -> int:
    """Cook the posts again under today's rules; returns how many."""
    # Locked, so that an edit committing meanwhile is not overwritten with the
    # HTML of its previous text.
    posts = list(Post.objects.select_for_update().filter(pk__in=post_ids))
    for post in posts:
        if post.erased_at is None:
            post_cook(post=post)
        else:
            post.body_html, post.cooked_version = "", rendering.COOK_VERSION
    Post.objects.bulk_update(posts, ["body_html", "cooked_version"])
    return len(posts)


@transaction.atomic
def post_translations_reclean(*, translation_ids: list[int]) -> int:
    """Run stored translations through today's sanitiser; returns how many."""
    locked = PostTranslation.objects.select_for_update()
    rows = list(locked.filter(pk__in=translation_ids))
    for row in rows:
        row.body_html = html_sanitise(markup=row.body_html)
        row.cooked_version = rendering.COOK_VERSION
    PostTranslation.objects.bulk_update(rows, ["body_html", "cooked_version"])
    return len(rows)
