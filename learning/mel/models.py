"""Feedback surveys: the questions (translatable snippets), who is asked, the answers.

A survey is written once in the default locale and translated with the
translation workflow; every rule (kind, anonymity, how long it stays open) is read
from that source survey. Invitations, responses and answers always point at the
source, and an answer names its question by the block id, which translations
keep: so answers given in English, Spanish and French pool into one result.
"""

import secrets
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from learning.core import conf

from .blocks import QuestionsBlock
from .enums import SCORE_MAX, SCORE_MIN, SurveyKind

DEFAULT_OPEN_DAYS = 14


def invitation_token() -> str:
    """A random, unguessable token for an invitation's answer link."""
    return secrets.token_urlsafe(32)


class Survey(TranslatableMixin, models.Model):
    """A programme's feedback survey for one kind of occasion; a snippet."""

    title = models.CharField(_("title"), max_length=255)
    programme = models.ForeignKey(
        "catalogue.ProgrammePage",
        on_delete=models.CASCADE,
        related_name="surveys",
        verbose_name=_("programme"),
        help_text=_("The programme in its original language."),
    )
    kind = models.CharField(_("asked"), max_length=32, choices=SurveyKind.choices)
    module = models.ForeignKey(
        "catalogue.ModulePage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("module"),
        help_text=_(
            "For a survey before or after a module: only this module. Empty: "
            "every module of the programme."
        ),
    )
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown above the questions.")
    )
    anonymous = models.BooleanField(
        _("anonymous"),
        default=False,
        help_text=_(
            "Answers keep no link to the person, only that they answered. An "
            "anonymous answer cannot be changed once sent."
        ),
    )
    open_days = models.PositiveSmallIntegerField(
        _("days open"),
        default=DEFAULT_OPEN_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("Answers are accepted this many days after the occasion."),
    )
    is_active = models.BooleanField(
        _("send invitations"),
        default=True,
        help_text=_("Untick to stop inviting people; answers already given stay."),
    )
    questions = StreamField(
        QuestionsBlock(),
        verbose_name=_("questions"),
        help_text=_(
            "Reword a question rather than delete it and add a new one: answers "
            "are kept per question."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        FieldPanel("title"),
        PageChooserPanel("programme", page_type="catalogue.ProgrammePage"),
        FieldPanel("kind"),
        PageChooserPanel("module", page_type="catalogue.ModulePage"),
        FieldPanel("introduction"),
        FieldPanel("anonymous"),
        FieldPanel("open_days"),
        FieldPanel("is_active"),
        FieldPanel("questions"),
    ]
    # Rules stay as the source has them; only the wording is translated.
    override_translatable_fields = [
        SynchronizedField("programme"),
        SynchronizedField("kind"),
        SynchronizedField("module"),
        SynchronizedField("anonymous"),
        SynchronizedField("open_days"),
        SynchronizedField("is_active"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("feedback survey")
        verbose_name_plural = _("feedback surveys")
        ordering = ["programme_id", "kind", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def source(self) -> "Survey":
        """The default-locale survey whose rules apply (self when it is the source)."""
        if self.locale_id == Locale.get_default().pk:
            return self
        default = Locale.get_default()
        translation: Survey | None = self.get_translation_or_none(default)
        return translation or self


class Occasion(models.Model):
    """Abstract: what a survey follows: a meeting, a module, an edition or an event."""

    edition = models.ForeignKey(
        "editions.Edition",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("edition"),
    )
    meeting = models.ForeignKey(
        "editions.Meeting",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("meeting"),
    )
    module = models.ForeignKey(
        "catalogue.ModulePage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("module"),
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("event"),
    )
    # "meeting:12", "module:3:5" (module 3 in edition 5), "edition:5", "event:7":
    # one comparable value, so uniqueness holds on every database (NULLs in a
    # unique constraint never collide).
    occasion_key = models.CharField(_("occasion"), max_length=64, editable=False)

    class Meta:
        abstract = True


class SurveyInvitation(Occasion):
    """One person asked once to answer one survey about one occasion."""

    survey = models.ForeignKey(
        Survey,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("survey"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="survey_invitations",
        verbose_name=_("user"),
    )
    email = models.EmailField(_("email address"))
    language = models.CharField(
        _("language"), max_length=10, choices=conf.delivery_languages
    )
    token = models.CharField(
        _("answer link key"),
        max_length=64,
        unique=True,
        default=invitation_token,
        editable=False,
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "occasion_key", "email"],
                name="survey_invitation_once_per_person",
                violation_error_code="already_invited",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} → {self.email}"


class SurveyResponse(Occasion):
    """One person's answers to a survey about one occasion; partial until submitted."""

    survey = models.ForeignKey(
        Survey,
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("survey"),
    )
    # The invitation answered, for a named survey only (never for an anonymous
    # one): how a person without an account finds their answers again.
    invitation = models.OneToOneField(
        SurveyInvitation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="response",
        verbose_name=_("invitation"),
    )
    organisation = models.ForeignKey(
        "enrolments.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    language = models.CharField(_("language answered in"), max_length=10)
    # Always empty for an anonymous survey: nothing leads from the answers to
    # the person (the invitation only records that they answered).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_responses",
        verbose_name=_("user"),
    )
    started_at = models.DateTimeField(_("started at"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["-started_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "occasion_key", "user"],
                condition=Q(user__isnull=False),
                name="survey_response_once_per_person",
                violation_error_code="already_answered",
            ),
        ]
        indexes = [models.Index(fields=["survey", "occasion_key"])]

    def __str__(self) -> str:
        return f"{self.survey} ({self.occasion_key})"


class SurveyAnswer(models.Model):
    """The answer to one question (by its stable id): a score or a text."""

    response = models.ForeignKey(
        SurveyResponse,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("response"),
    )
    question_id = models.CharField(_("question"), max_length=64)
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        ordering = ["response_id", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question_id"],
                name="survey_answer_once_per_question",
                violation_error_code="duplicate_question",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True)
                | Q(score__gte=SCORE_MIN, score__lte=SCORE_MAX),
                name="survey_answer_score_in_range",
                violation_error_code="score_out_of_range",
                violation_error_message=_("A score is a whole number from 1 to 5."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.score if self.score else self.text[:40]}"


class SurveyAnswerTranslation(models.Model):
    """A machine translation of a free-text answer, made once per language."""

    answer = models.ForeignKey(
        SurveyAnswer,
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("answer"),
    )
    language = models.CharField(_("language"), max_length=10)
    text = models.TextField(_("machine translation"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("machine translation of an answer")
        verbose_name_plural = _("machine translations of answers")
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "language"],
                name="survey_answer_translation_once_per_language",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.answer_id} [{self.language}]"


def occasion_fields(**kwargs: Any) -> dict[str, Any]:
    """The occasion columns with their key, from edition/meeting/module/event."""
    key = occasion_key_for(**kwargs)
    return {**kwargs, "occasion_key": key}


def occasion_key_for(
    *,
    edition: Any = None,
    meeting: Any = None,
    module: Any = None,
    event: Any = None,
) -> str:
    """The comparable key of an occasion (see `Occasion.occasion_key`)."""
    if meeting is not None:
        return f"meeting:{meeting.pk}"
    if event is not None:
        return f"event:{event.pk}"
    if module is not None:
        return f"module:{module.pk}:{edition.pk}"
    return f"edition:{edition.pk}"
