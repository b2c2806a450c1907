"""An edition's forum: threads (usually one per session-topic question), posts,
flags, follows, and the facilitators' digest per meeting."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from learning.catalogue.models import SessionTopicPage
from learning.editions.models import Edition, Meeting
from learning.enrolments.models import Participant

from .enums import FlagReason, ThreadMode


class Thread(models.Model):
    """A discussion of one edition; `question_key` ties it to a page's question."""

    edition = models.ForeignKey(
        Edition,
        on_delete=models.CASCADE,
        related_name="forum_threads",
        verbose_name=_("edition"),
    )
    session_topic = models.ForeignKey(
        SessionTopicPage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_threads",
        verbose_name=_("session topic"),
    )
    # The id of the question's block on the session topic page; translations of
    # the page keep block ids, so the reader's language finds the same question.
    question_key = models.CharField(_("question key"), max_length=64, blank=True)
    title = models.CharField(_("title"), max_length=500)
    mode = models.CharField(
        _("mode"), max_length=20, choices=ThreadMode.choices, default=ThreadMode.NORMAL
    )
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    reply_count = models.PositiveIntegerField(_("replies"), default=0, editable=False)
    last_activity_at = models.DateTimeField(_("last activity"), db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("forum thread")
        verbose_name_plural = _("forum threads")
        ordering = ["-is_pinned", "-last_activity_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "session_topic", "question_key"],
                condition=~Q(question_key=""),
                name="forum_thread_one_per_question",
                violation_error_code="duplicate_question_thread",
                violation_error_message=_(
                    "The edition already has a thread for this question."
                ),
            ),
        ]
        indexes = [
            models.Index(
                fields=["edition", "is_pinned", "last_activity_at", "id"],
                name="forum_thread_listing",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Post(models.Model):
    """One message in a thread, stored as its author wrote it (Markdown subset)."""

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="posts", verbose_name=_("thread")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="forum_posts",
        verbose_name=_("author"),
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_posts",
        verbose_name=_("participant"),
        help_text=_("Empty when a facilitator or coordinator writes."),
    )
    quote = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("quoted post"),
    )
    body_markdown = models.TextField(_("text"))
    # The sanitised HTML of body_markdown, made when written or edited and served
    # as is; cooked_version names the sanitiser's rules it was made under.
    body_html = models.TextField(_("text as HTML"), blank=True, editable=False)
    cooked_version = models.PositiveSmallIntegerField(
        _("sanitiser version"), default=0, editable=False
    )
    # The language the author wrote in: the site's (or API's) language at the time
    # of writing; readers in another language see a machine translation.
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("created at"), db_index=True)
    # Set once, when written: moving the meeting later does not rewrite history.
    is_late = models.BooleanField(
        _("late"),
        default=False,
        editable=False,
        help_text=_(
            "A participant's answer written after the meeting its question "
            "prepares; it does not count as preparation."
        ),
    )
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hidden by"),
    )

    # Set when the author's personal data was erased: the text is gone, the post
    # stays so that the thread's counts and its replies' quotes still hold.
    erased_at = models.DateTimeField(
        _("removed at the author's request"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("forum post")
        verbose_name_plural = _("forum posts")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["thread", "created_at", "id"], name="forum_post_keyset"
            )
        ]

    def __str__(self) -> str:
        return f"{self.thread} #{self.pk}"


class PostTranslation(models.Model):
    """A post's machine translation into one language, made once by a task.

    Deleted when the post is edited or erased, so it is never older than the text.
    """

    post = models.ForeignKey(
        Post,
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("post"),
    )
    language = models.CharField(_("language"), max_length=10)
    body_html = models.TextField(_("text as HTML"))
    cooked_version = models.PositiveSmallIntegerField(_("sanitiser version"), default=0)
    made_at = models.DateTimeField(_("made at"), auto_now_add=True)

    class Meta:
        verbose_name = _("post translation")
        verbose_name_plural = _("post translations")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "language"], name="forum_translation_once_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.post} ({self.language})"


class PostFlag(models.Model):
    """A reader's report that a post needs a facilitator's look."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="flags", verbose_name=_("post")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="forum_flags",
        verbose_name=_("user"),
    )
    reason = models.CharField(
        _("reason"), max_length=20, choices=FlagReason.choices, default=FlagReason.OTHER
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Set when a moderator hides the post or dismisses its flags: the flag is kept
    # (who reported what), but no longer waits in the moderation queue.
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("post flag")
        verbose_name_plural = _("post flags")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "user"],
                name="forum_flag_once_per_user",
                violation_error_code="already_flagged",
                violation_error_message=_("You have already flagged this post."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.post} ({self.reason})"


class ThreadFollow(models.Model):
    """A member who gets each new reply in the thread by email."""

    thread = models.ForeignKey(
        Thread,
        on_delete=models.CASCADE,
        related_name="follows",
        verbose_name=_("thread"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="forum_follows",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("thread follow")
        verbose_name_plural = _("thread follows")
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "user"], name="forum_follow_once_per_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.thread}"


class MeetingDigest(models.Model):
    """The facilitators' digest of answers sent before a meeting (at most once)."""

    meeting = models.OneToOneField(
        Meeting,
        on_delete=models.CASCADE,
        related_name="forum_digest",
        verbose_name=_("meeting"),
    )
    digested_at = models.DateTimeField(_("digested at"))
    post_count = models.PositiveIntegerField(_("answers"), default=0)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("forum digest")
        verbose_name_plural = _("forum digests")

    def __str__(self) -> str:
        return f"{self.meeting} ({self.digested_at:%Y-%m-%d})"
