"""Learning events: a page for each event (translatable), its date and RSVPs (data)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from learning.catalogue.blocks import BodyBlock
from learning.catalogue.enums import ProgrammeFormat
from learning.catalogue.fields import LanguageListField, delivery_language_choices
from learning.catalogue.models import time_zone_choices
from learning.core import conf
from learning.core.localization import language_name
from learning.core.occurrence import DatedOccurrence, duration_field
from learning.core.openings import opening_annotations
from learning.core.person import PersonFields
from learning.core.preview import HeadlessPreviewMixin

from .blocks import BackgroundDocumentsBlock, KeyQuestionsBlock, ObjectivesBlock

# Programme formats whose child pages are events.
EVENT_FORMATS = frozenset(
    {ProgrammeFormat.EVENT_SERIES, ProgrammeFormat.PROPOSAL_SESSIONS}
)


class LearningEventPage(HeadlessPreviewMixin, Page):
    """One event of a programme's series: its theme, questions and documents."""

    introduction = models.TextField(
        _("theme"), blank=True, help_text=_("What the event is about, in a few lines.")
    )
    objectives = StreamField(
        ObjectivesBlock(), blank=True, verbose_name=_("objectives")
    )
    key_questions = StreamField(
        KeyQuestionsBlock(), blank=True, verbose_name=_("key questions")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("more"))
    background_documents = StreamField(
        BackgroundDocumentsBlock(),
        blank=True,
        verbose_name=_("background documents"),
        help_text=_("Sent to the people attending and listed on the page."),
    )
    learning_note = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("learning note"),
        help_text=_(
            "The publication that gathers what the event learned. When it is live, "
            "everyone who attended is told once."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("objectives"),
        FieldPanel("key_questions"),
        FieldPanel("body"),
        FieldPanel("background_documents"),
        PageChooserPanel("learning_note", page_type=conf.event_note_page_models()),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("objectives"),
        index.SearchField("key_questions"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("introduction"),
        APIField("objectives"),
        APIField("key_questions"),
        APIField("body"),
        APIField("background_documents"),
        APIField("learning_note"),
    ]

    parent_page_types = ["catalogue.ProgrammePage"]
    subpage_types: list[str] = []
    template = "pages/learning_event_page.html"

    class Meta:
        verbose_name = _("learning event page")
        verbose_name_plural = _("learning event pages")

    @classmethod
    def can_create_at(cls, parent: Page) -> bool:
        # A series of events, and member-led sessions (each session is an event).
        return super().can_create_at(parent) and (
            getattr(parent.specific, "programme_format", None) in EVENT_FORMATS
        )

    def background_documents_to_send(self) -> list[Any]:
        """The values of the background-document blocks that hold a document."""
        return [
            block.value
            for block in self.background_documents
            if block.value.get("document") is not None
        ]


class EventQuerySet(models.QuerySet["Event"]):
    def with_rsvp_counts(self) -> "EventQuerySet":
        """Annotate `attending_count`, `not_attending_count` and the gate's
        `opening_state` (what event_rsvp_state reads) in the same query."""
        return self.annotate(
            **opening_annotations(Event),
            attending_count=models.Count(
                "rsvps", filter=models.Q(rsvps__attending=True)
            ),
            not_attending_count=models.Count(
                "rsvps", filter=models.Q(rsvps__attending=False)
            ),
        )


class Event(DatedOccurrence):
    """When a learning event happens, until when people RSVP, and its link."""

    page = models.OneToOneField(
        LearningEventPage,
        on_delete=models.PROTECT,
        related_name="occurrence",
        verbose_name=_("event page"),
        help_text=_(
            "The event's source page: the language it was written in first "
            "(translations follow it)."
        ),
    )
    duration_minutes = duration_field(default=90)
    time_zone = models.CharField(
        _("organiser's time zone"),
        max_length=64,
        choices=time_zone_choices,
        default="UTC",
        help_text=_("The RSVP deadline is set and announced in this zone."),
    )
    rsvp_closes_at = models.DateTimeField(
        _("RSVP deadline"),
        help_text=_("People confirm or decline until this moment."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty when any number of people may attend."),
    )
    interpretation_languages = LanguageListField(
        _("live interpretation"),
        blank=True,
        help_text=_(
            "Languages interpreted live, besides the event's own language. Each "
            "may have its recording."
        ),
    )
    learning_note_announced_at = models.DateTimeField(
        _("learning note announced at"), null=True, blank=True, editable=False
    )
    recordings_announced_at = models.DateTimeField(
        _("recordings announced at"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("learning event")
        verbose_name_plural = _("learning events")
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        super().clean()
        if (
            self.rsvp_closes_at
            and self.starts_at
            and self.rsvp_closes_at > self.starts_at
        ):
            raise ValidationError(
                {
                    "rsvp_closes_at": ValidationError(
                        _("The RSVP deadline must not be after the event starts."),
                        code="rsvp_after_start",
                    )
                }
            )

    def learning_note_live(self) -> Page | None:
        """The live learning note set on a live page of the event (any language)."""
        pages = LearningEventPage.objects.filter(
            translation_key=self.page.translation_key, live=True
        ).exclude(learning_note=None)
        for page in pages.select_related("learning_note"):
            if page.learning_note.live:
                return page.learning_note
        return None

    @property
    def label(self) -> str:
        """The event page's title in the active language when it is translated."""
        page = self.page
        localized = page.localized
        return str(localized.title if localized.live else page.title)

    @property
    def floor_language(self) -> str:
        """The language the event is held in: its source page's."""
        return str(self.page.locale.language_code)

    def track_languages(self) -> list[str]:
        """The languages a recording may have: the floor's, then the interpreted."""
        floor = self.floor_language
        interpreted = [code for code in self.interpretation_languages if code != floor]
        return [floor, *interpreted]


class EventRsvp(PersonFields):
    """A person's answer to an event's invitation; one per email address."""

    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        related_name="rsvps",
        verbose_name=_("learning event"),
    )
    attending = models.BooleanField(_("attending"))
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("RSVP")
        verbose_name_plural = _("RSVPs")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                name="events_rsvp_unique_email",
                violation_error_code="duplicate_rsvp",
                violation_error_message=_(
                    "This email address has already answered for the event."
                ),
            ),
        ]


class EventRecording(models.Model):
    """The link to an event's recording in one language track; one per language.

    A link, not a file: recordings are hours of video that live on the video
    service the event ran on (and its captions and access rules stay there).
    """

    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        related_name="recordings",
        verbose_name=_("learning event"),
    )
    language = models.CharField(
        _("language track"), max_length=10, choices=delivery_language_choices
    )
    url = models.URLField(_("recording link"), max_length=500)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")
        ordering = ["event", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "language"],
                name="events_recording_one_per_language",
                violation_error_code="duplicate_track",
                violation_error_message=_(
                    "The event already has a recording in this language."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} ({self.language})"

    @property
    def language_autonym(self) -> str:
        """The track's language named in itself ("Español"), for every reader."""
        return language_name(self.language, language=self.language).capitalize()
