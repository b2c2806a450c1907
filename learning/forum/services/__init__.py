"""Writes of an edition's forum: threads, posts, flags, moderation, follows, digests.

Every service checks that the acting user belongs to the thread's edition (the
views have already hidden other editions behind a 404) and logs moderation and
flags in Wagtail's audit log. Emails leave through tasks once the transaction
commits.
"""

from .digests import forum_digest_send
from .moderation import post_flag, post_flags_dismiss, post_hide, post_restore
from .posts import (
    POST_MAX_LENGTH,
    forum_edit_minutes,
    post_can_edit,
    post_create,
    post_edit,
    post_edit_deadline,
)
from .threads import (
    thread_create,
    thread_ensure_for_edition,
    thread_follow,
    thread_lock,
    thread_mode_set,
    thread_pin,
    thread_unfollow,
)

__all__ = [
    "POST_MAX_LENGTH",
    "forum_digest_send",
    "forum_edit_minutes",
    "post_can_edit",
    "post_create",
    "post_edit",
    "post_edit_deadline",
    "post_flag",
    "post_flags_dismiss",
    "post_hide",
    "post_restore",
    "thread_create",
    "thread_ensure_for_edition",
    "thread_follow",
    "thread_lock",
    "thread_mode_set",
    "thread_pin",
    "thread_unfollow",
]
