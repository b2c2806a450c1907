"""Calls for proposals: the call (a translatable page), the programme's members,
their proposals, the secretariat's reviews and questions (data).

An accepted proposal becomes a learning event of the programme (learning.events):
member-led sessions are dated, registered for and recorded like any other event.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from learning.catalogue.blocks import BodyBlock
from learning.catalogue.enums import ProgrammeFormat
from learning.catalogue.fields import LanguageListField, delivery_language_choices
from learning.catalogue.models import ProgrammePage, time_zone_choices
from learning.enrolments.models import Organisation

from .blocks import RubricBlock
from .enums import ProposalStatus

# Reviewers score each criterion from 1 to the call's top score.
SCORE_MIN = 1
SCORE_SCALE_DEFAULT = 5
SCORE_SCALE_MAX = 10


class CallForProposalsPage(Page):
    """A programme's call: theme, guidelines, alignment to confirm, dates, rubric.

    Its dates, time zone and rubric are read from the source page (the one in the
    default language): translations reword the rubric but never change it.
    """

    introduction = models.TextField(
        _("theme"), blank=True, help_text=_("What the call is about, in a few lines.")
    )
    guidelines = StreamField(BodyBlock(), blank=True, verbose_name=_("guidelines"))
    alignment_statement = models.TextField(
        _("alignment to confirm"),
        help_text=_(
            "What a member confirms when submitting, e.g. that the session is aligned "
            "with the mission and the accountability framework."
        ),
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default="UTC",
        help_text=_("The call's dates are set and announced in this zone."),
    )
    rubric = StreamField(
        RubricBlock(),
        blank=True,
        verbose_name=_("rubric"),
        help_text=_(
            "Reviews record scores by criterion: reword a criterion rather than "
            "delete it and add a new one once reviews have started."
        ),
    )
    score_scale = models.PositiveSmallIntegerField(
        _("top score"),
        default=SCORE_SCALE_DEFAULT,
        validators=[MinValueValidator(2), MaxValueValidator(SCORE_SCALE_MAX)],
        help_text=_("Reviewers score each criterion from 1 to this number."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("guidelines"),
        FieldPanel("alignment_statement"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("time_zone"),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [FieldPanel("score_scale"), FieldPanel("rubric")], heading=_("Review")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("guidelines"),
    ]
    api_fields = [
        APIField("introduction"),
        APIField("guidelines"),
        APIField("alignment_statement"),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("time_zone"),
        APIField("rubric"),
        APIField("score_scale"),
    ]

    parent_page_types = ["catalogue.ProgrammePage"]
    subpage_types: list[str] = []
    template = "pages/call_for_proposals_page.html"

    class Meta:
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")

    @classmethod
    def can_create_at(cls, parent: Page) -> bool:
        # Only a programme of member-led sessions takes proposals.
        return super().can_create_at(parent) and (
            getattr(parent.specific, "programme_format", None)
            == ProgrammeFormat.PROPOSAL_SESSIONS
        )

    def clean(self) -> None:
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {
                    "closes_at": ValidationError(
                        _("The call must close after it opens."),
                        code="call_closes_before_opening",
                    )
                }
            )


class Membership(models.Model):
    """A person who may propose sessions to a programme, for their organisation."""

    programme = models.ForeignKey(
        ProgrammePage,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("programme"),
        help_text=_("The programme's page in the default language."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="programme_memberships",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["organisation__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "user"],
                name="proposals_membership_unique_user",
                violation_error_code="duplicate_membership",
                violation_error_message=_(
                    "This person is already a member of the programme."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"


class Proposal(models.Model):
    """A member organisation's idea for a session, from draft to decision."""

    call = models.ForeignKey(
        CallForProposalsPage,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("call"),
        help_text=_("The call's page in the default language."),
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="proposals",
        verbose_name=_("proposed by"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ProposalStatus.choices,
        default=ProposalStatus.DRAFT,
    )
    language = models.CharField(
        _("language of the proposal"),
        max_length=10,
        choices=delivery_language_choices,
        help_text=_("The session page is drafted in this language."),
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    lessons_learned = models.TextField(
        _("lessons learned from failures and successes"), blank=True
    )
    results = models.TextField(_("results and impact"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    session_languages = LanguageListField(_("proposed languages"), blank=True)
    preferred_month = models.DateField(
        _("preferred month"),
        null=True,
        blank=True,
        help_text=_("Stored as the first day of the month."),
    )
    alignment_confirmed_at = models.DateTimeField(
        _("alignment confirmed at"), null=True, blank=True
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_message = models.TextField(_("message to the proposer"), blank=True)
    session_page = models.ForeignKey(
        Page,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("session page"),
        help_text=_("The draft page made when the proposal was accepted."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-submitted_at", "-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ProposalStatus.DRAFT)
                | Q(status=ProposalStatus.WITHDRAWN)
                | Q(submitted_at__isnull=False, alignment_confirmed_at__isnull=False),
                name="proposals_submitted_has_date_and_alignment",
                violation_error_code="proposal_not_submitted",
                violation_error_message=_(
                    "A submitted proposal has a date and a confirmed alignment."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ProposalReview(models.Model):
    """One reviewer's scores by rubric criterion and comment on a proposal."""

    proposal = models.ForeignKey(
        Proposal,
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("proposal"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="proposal_reviews",
        verbose_name=_("reviewer"),
    )
    # {criterion block id: score}; the services check ids and range against the
    # call's rubric, which lives in a StreamField the database cannot reference.
    scores = models.JSONField(_("scores"), default=dict)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "reviewer"],
                name="proposals_review_unique_reviewer",
                violation_error_code="duplicate_review",
                violation_error_message=_(
                    "You have already reviewed this proposal; change your review."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.proposal} / {self.reviewer}"


class ProposalQuestion(models.Model):
    """The secretariat's question to the proposer, and the answer."""

    proposal = models.ForeignKey(
        Proposal,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("proposal"),
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("asked by"),
    )
    question = models.TextField(_("question"))
    asked_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["asked_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True, answer="")
                | Q(answered_at__isnull=False) & ~Q(answer=""),
                name="proposals_question_answer_has_date",
                violation_error_code="answer_without_date",
                violation_error_message=_("An answer has a date."),
            ),
        ]

    def __str__(self) -> str:
        return self.question[:60]
