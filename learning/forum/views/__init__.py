"""Site pages of an edition's forum: the thread list, a thread, and its actions.

Every page needs a signed-in user (others go to the sign-in page). Non-members of
the edition get a 404, so they cannot tell it from one that does not exist. Every
change is a POST with a CSRF token; moderation (pin, lock, mode, hide, restore)
and opening a free-standing thread are for the edition's facilitators and
coordinators, which the services enforce. One-click actions share one view
(actions.ForumActionView).
"""

from .moderation import (
    post_hide_view,
    post_restore_view,
    thread_create_view,
    thread_lock_view,
    thread_mode_view,
    thread_pin_view,
)
from .posting import (
    post_edit_view,
    post_flag_view,
    post_reply,
    thread_follow_view,
    thread_unfollow_view,
)
from .reading import forum_index, thread_detail

__all__ = [
    "forum_index",
    "post_edit_view",
    "post_flag_view",
    "post_hide_view",
    "post_reply",
    "post_restore_view",
    "thread_create_view",
    "thread_detail",
    "thread_follow_view",
    "thread_lock_view",
    "thread_mode_view",
    "thread_pin_view",
    "thread_unfollow_view",
]
