"""Editorial pages of the learning catalogue: programmes, modules and session topics."""

from typing import Any
from zoneinfo import available_timezones

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.query import PageQuerySet
from wagtail.search import index

from learning.core import conf
from learning.core.preview import HeadlessPreviewMixin

from .blocks import (
    BodyBlock,
    ForumQuestionsBlock,
    MaterialsBlock,
    ObjectivesBlock,
    SubTopicsBlock,
    TargetGroupsBlock,
)
from .enums import CertificateLanguages, ProgrammeFormat
from .fields import LanguageListField
from .forms import ModulePageForm

# The formats whose programmes are made of modules.
MODULE_FORMATS = frozenset({ProgrammeFormat.ONLINE_SESSIONS, ProgrammeFormat.SEMINAR})


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(available_timezones())]


class ProgrammeIndexPage(Page):
    """The list of programmes a site offers."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    parent_page_types = conf.catalogue_parent_page_models()
    subpage_types = ["catalogue.ProgrammePage"]
    template = "pages/programme_index_page.html"

    class Meta:
        verbose_name = _("programme index page")
        verbose_name_plural = _("programme index pages")

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["programmes"] = (
            ProgrammePage.objects.child_of(self).live().public().specific()
        )
        return context


class ProgrammePage(HeadlessPreviewMixin, Page):
    """A learning offer, e.g. the Mutual Learning Program."""

    introduction = models.TextField(_("introduction"), blank=True)
    programme_format = models.CharField(
        _("format"),
        max_length=32,
        choices=ProgrammeFormat.choices,
        default=ProgrammeFormat.ONLINE_SESSIONS,
    )
    languages = LanguageListField(
        _("languages"), blank=True, help_text=_("Languages the programme is given in.")
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default="UTC",
        help_text=_("The zone the programme plans its meetings in."),
    )
    objectives_intro = models.CharField(
        _("objectives lead-in"),
        max_length=255,
        blank=True,
        help_text=_('E.g. "At the end of the seminar, participants will be able to:"'),
    )
    objectives = StreamField(
        ObjectivesBlock(), blank=True, verbose_name=_("objectives")
    )
    target_groups_intro = models.CharField(
        _("target participants lead-in"),
        max_length=255,
        blank=True,
        help_text=_('E.g. "The seminar is designed for the following participants:"'),
    )
    target_groups = StreamField(
        TargetGroupsBlock(),
        blank=True,
        verbose_name=_("target participants"),
        help_text=_(
            "Registrations record the group a person belongs to: reword a group "
            "rather than delete it and add a new one."
        ),
    )
    philosophy = StreamField(BodyBlock(), blank=True, verbose_name=_("philosophy"))
    method = StreamField(BodyBlock(), blank=True, verbose_name=_("method"))
    preparation = StreamField(BodyBlock(), blank=True, verbose_name=_("preparation"))
    what_you_get = StreamField(BodyBlock(), blank=True, verbose_name=_("what you get"))
    certificate_rule = models.TextField(
        _("certificate rule"),
        blank=True,
        help_text=_("How participants earn the certificate, in plain words."),
    )
    certificate_attendance_threshold = models.PositiveSmallIntegerField(
        _("attendance needed for the certificate (%)"),
        default=75,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    certificate_languages = models.CharField(
        _("certificate languages"),
        max_length=16,
        choices=CertificateLanguages.choices,
        default=CertificateLanguages.PARTICIPANT,
        help_text=_("Print certificates in the participant's language or in both."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("more"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("programme_format"),
                        FieldPanel(
                            "time_zone",
                            # Said here, not on the field: the panel needs no
                            # migration. An edition's zone is its own.
                            help_text=_(
                                "New editions and info sessions start in this "
                                "zone; an edition keeps its own, changed on the "
                                "edition."
                            ),
                        ),
                    ]
                ),
                FieldPanel("languages"),
            ],
            heading=_("Format"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("objectives_intro"),
                FieldPanel("objectives"),
                FieldPanel("target_groups_intro"),
                FieldPanel("target_groups"),
            ],
            heading=_("Objectives and target participants"),
            # Every format may state them; a seminar's registration asks for
            # one of its target groups.
            help_text=_(
                "Shown on the programme page when filled in. Seminars need "
                "their target groups: people registering say which one they "
                "belong to."
            ),
        ),
        FieldPanel("philosophy"),
        FieldPanel("method"),
        FieldPanel("preparation"),
        FieldPanel("what_you_get"),
        MultiFieldPanel(
            [
                FieldPanel("certificate_rule"),
                FieldPanel("certificate_attendance_threshold"),
                FieldPanel("certificate_languages"),
            ],
            heading=_("Certificate"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("objectives"),
        index.SearchField("target_groups"),
        index.SearchField("philosophy"),
        index.SearchField("method"),
        index.SearchField("preparation"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("introduction"),
        APIField("programme_format"),
        APIField("languages"),
        APIField("time_zone"),
        APIField("objectives_intro"),
        APIField("objectives"),
        APIField("target_groups_intro"),
        APIField("target_groups"),
        APIField("philosophy"),
        APIField("method"),
        APIField("preparation"),
        APIField("what_you_get"),
        APIField("certificate_rule"),
        APIField("certificate_attendance_threshold"),
        APIField("certificate_languages"),
        APIField("body"),
    ]

    parent_page_types = ["catalogue.ProgrammeIndexPage"]
    # Each format's pages say under which formats they may be created.
    subpage_types = [
        "catalogue.ModulePage",
        "events.LearningEventPage",
        "proposals.CallForProposalsPage",
    ]
    template = "pages/programme_page.html"

    class Meta:
        verbose_name = _("programme page")
        verbose_name_plural = _("programme pages")

    @property
    def modules(self) -> PageQuerySet:
        """The programme's live modules in their order."""
        return (
            ModulePage.objects.child_of(self)
            .live()
            .public()
            .order_by("module_number", "path")
        )


class ModulePage(HeadlessPreviewMixin, Page):
    """One module of a programme, made of session topics."""

    module_number = models.PositiveSmallIntegerField(
        _("module number"), validators=[MinValueValidator(1)]
    )
    number_of_sessions = models.PositiveSmallIntegerField(
        _("number of sessions"), default=3, validators=[MinValueValidator(1)]
    )
    duration_weeks = models.PositiveSmallIntegerField(
        _("duration in weeks"), null=True, blank=True
    )
    is_required_first = models.BooleanField(
        _("required first"),
        default=False,
        help_text=_(
            "Every participant takes this module first, whatever else they choose."
        ),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel(
            [
                FieldPanel("module_number"),
                FieldPanel("number_of_sessions"),
                FieldPanel("duration_weeks"),
            ]
        ),
        FieldPanel("is_required_first"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("module_number"),
    ]
    api_fields = [
        APIField("module_number"),
        APIField("number_of_sessions"),
        APIField("duration_weeks"),
        APIField("is_required_first"),
        APIField("introduction"),
        APIField("body"),
    ]

    base_form_class = ModulePageForm
    parent_page_types = ["catalogue.ProgrammePage"]
    subpage_types = ["catalogue.SessionTopicPage"]
    template = "pages/module_page.html"

    class Meta:
        verbose_name = _("module page")
        verbose_name_plural = _("module pages")

    @classmethod
    def can_create_at(cls, parent: Page) -> bool:
        # Modules belong to the formats that run a programme of modules.
        return super().can_create_at(parent) and (
            getattr(parent.specific, "programme_format", None) in MODULE_FORMATS
        )

    @property
    def session_topics(self) -> PageQuerySet:
        """The module's live session topics in tree order."""
        return SessionTopicPage.objects.child_of(self).live().public()


class SessionTopicPage(HeadlessPreviewMixin, Page):
    """One planned session of a module: its topic, materials and forum questions."""

    summary = models.TextField(_("summary"), blank=True)
    sub_topics = StreamField(SubTopicsBlock(), blank=True, verbose_name=_("sub-topics"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    materials = StreamField(
        MaterialsBlock(),
        blank=True,
        verbose_name=_("materials to review"),
        help_text=_("What participants review before the meeting."),
    )
    forum_questions = StreamField(
        ForumQuestionsBlock(),
        blank=True,
        verbose_name=_("forum questions"),
        help_text=_("Participants answer these in the forum before the meeting."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("sub_topics"),
        FieldPanel("body"),
        FieldPanel("materials"),
        FieldPanel("forum_questions"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("sub_topics"),
        index.SearchField("body"),
        index.SearchField("forum_questions"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("sub_topics"),
        APIField("body"),
        APIField("materials"),
        APIField("forum_questions"),
    ]

    parent_page_types = ["catalogue.ModulePage"]
    subpage_types: list[str] = []
    template = "pages/session_topic_page.html"

    class Meta:
        verbose_name = _("session topic page")
        verbose_name_plural = _("session topic pages")
