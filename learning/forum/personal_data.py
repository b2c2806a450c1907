"""A person's forum posts, flags and follows, for privacy."""

from typing import Any

from django.utils import timezone

from learning.core.personal_data import (
    Person,
    PersonalDataKind,
    export_rows,
    field_columns,
    personal_data_register,
    verbose_plural,
)

from .models import Post, PostFlag, PostTranslation, ThreadFollow

POST_FIELDS = ("thread__title", "body_markdown", "created_at", "edited_at")
FLAG_FIELDS = ("post", "reason", "created_at")  # columns; reason as its label
FOLLOW_FIELDS = ("thread__title", "created_at")


def posts_export(person: Person) -> list[dict[str, Any]]:
    """What the person wrote, as written (hidden posts too)."""
    rows = Post.objects.filter(person.q(user="author"), erased_at=None)
    return export_rows(
        rows.select_related("thread").order_by("created_at", "pk"), POST_FIELDS
    )


def posts_erase(person: Person) -> int:
    # The posts stay, empty, so that reply counts, digests' numbers and the
    # replies that quote them still hold; readers see a note in their language.
    # Their cooked HTML and machine translations hold the text too: both go.
    rows = Post.objects.filter(person.q(user="author"), erased_at=None)
    PostTranslation.objects.filter(post__in=rows).delete()
    return rows.update(body_markdown="", body_html="", erased_at=timezone.now())


def flags_export(person: Person) -> list[dict[str, Any]]:
    """Posts the person flagged for the facilitators, and why."""
    rows = PostFlag.objects.filter(person.q(user="user"))
    return export_rows(
        rows.select_related("post__thread").order_by("created_at", "pk"),
        ("post", "created_at"),
        reason=lambda flag: flag.get_reason_display(),
    )


def flags_erase(person: Person) -> int:
    # Kept: a flag holds a reason from a list and the (closed, renamed)
    # account, nothing the person wrote; the moderation queue still counts it.
    return 0


def follows_export(person: Person) -> list[dict[str, Any]]:
    """Threads whose replies the person gets by email."""
    rows = ThreadFollow.objects.filter(person.q(user="user"))
    return export_rows(
        rows.select_related("thread").order_by("created_at", "pk"), FOLLOW_FIELDS
    )


def follows_erase(person: Person) -> int:
    deleted, _by_model = ThreadFollow.objects.filter(person.q(user="user")).delete()
    return deleted


personal_data_register(
    PersonalDataKind(
        key="forum_posts",
        label=verbose_plural(Post),
        columns=field_columns(Post, POST_FIELDS),
        export=posts_export,
        erase=posts_erase,
    ),
    PersonalDataKind(
        key="forum_flags",
        label=verbose_plural(PostFlag),
        columns=field_columns(PostFlag, FLAG_FIELDS),
        export=flags_export,
        erase=flags_erase,
    ),
    PersonalDataKind(
        key="forum_follows",
        label=verbose_plural(ThreadFollow),
        columns=field_columns(ThreadFollow, FOLLOW_FIELDS),
        export=follows_export,
        erase=follows_erase,
    ),
)
