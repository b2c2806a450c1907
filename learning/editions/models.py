"""Editions of a programme and their dated meetings."""

from datetime import UTC, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from learning.catalogue.fields import LanguageListField
from learning.catalogue.models import ProgrammePage, SessionTopicPage, time_zone_choices
from learning.core.occurrence import (
    OCCURRENCE_CALENDAR_FIELDS,
    OCCURRENCE_MAX_MINUTES,
    DatedOccurrence,
)
from learning.core.signup import parent_lock

from .places import places_taken_annotation


class EditionQuerySet(models.QuerySet["Edition"]):
    def with_places_taken(self) -> "EditionQuerySet":
        """Annotate `places_taken`: enrolments that hold a place, in the same query."""
        return self.annotate(places_taken=places_taken_annotation())

    def lock(self, *, pk: int) -> "Edition":
        """The edition, its row locked until the transaction ends."""
        # Enrolment decisions of one edition take this lock so that they run one at a
        # time (the sign-ups' parent lock).
        return parent_lock(self, pk=pk)


class Edition(models.Model):
    """One run of a programme, with its dates, places and enrolment window."""

    programme = models.ForeignKey(
        ProgrammePage,
        on_delete=models.PROTECT,
        related_name="editions",
        verbose_name=_("programme"),
        help_text=_("The programme's page in the default language."),
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_(
            "Leave empty to call the edition by its start month in the reader's "
            'language, e.g. "February 2027" or "febrero de 2027".'
        ),
    )
    slug = models.SlugField(_("slug"), max_length=255)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    enrolment_opens_at = models.DateTimeField(_("enrolment opens at"))
    enrolment_closes_at = models.DateTimeField(_("enrolment closes at"))
    places = models.PositiveSmallIntegerField(
        _("places"),
        validators=[MinValueValidator(1)],
        help_text=_("How many organisations can take part."),
    )
    min_representatives = models.PositiveSmallIntegerField(
        _("minimum representatives per organisation"),
        default=2,
        validators=[MinValueValidator(1)],
    )
    max_representatives = models.PositiveSmallIntegerField(
        _("maximum representatives per organisation"),
        default=3,
        validators=[MinValueValidator(1)],
    )
    requires_approval = models.BooleanField(
        _("requires approval"),
        default=False,
        help_text=_("A coordinator confirms each enrolment that finds a place."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        help_text=_("The zone dates are shown in; the programme's zone by default."),
    )
    # Where the run takes place: chosen per run (a seminar travels), or online.
    is_online = models.BooleanField(
        _("online"), default=False, help_text=_("The edition meets online only.")
    )
    venue = models.CharField(
        _("place"),
        max_length=255,
        blank=True,
        help_text=_("The venue's name, e.g. a hotel or a training centre."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="facilitated_editions",
        verbose_name=_("facilitators"),
        help_text=_("People who run this edition's meetings, forum and attendance."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "slug"],
                name="edition_unique_slug_per_programme",
                violation_error_code="duplicate_slug",
                violation_error_message=_(
                    "The programme already has an edition with this slug."
                ),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="edition_ends_after_start",
                violation_error_code="edition_dates",
                violation_error_message=_("The edition cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(enrolment_closes_at__gt=F("enrolment_opens_at")),
                name="edition_enrolment_window",
                violation_error_code="enrolment_window",
                violation_error_message=_("Enrolment must close after it opens."),
            ),
            models.CheckConstraint(
                condition=Q(min_representatives__lte=F("max_representatives")),
                name="edition_representative_limits",
                violation_error_code="representative_limits",
                violation_error_message=_(
                    "The minimum of representatives cannot exceed the maximum."
                ),
            ),
            models.CheckConstraint(
                condition=Q(is_online=False) | Q(venue="", city="", country=""),
                name="edition_online_or_in_a_place",
                violation_error_code="location_online_with_place",
                violation_error_message=_(
                    "An online edition has no place, city or country."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The title given, else the start month in the active language."""
        if self.title:
            return self.title
        # A date-made name is formatted on reading, so that each language has its own.
        return date_format(self.starts_on, "YEAR_MONTH_FORMAT")

    @property
    def location_label(self) -> str:
        """The word "Online", or the place, city and country; empty when unknown."""
        if self.is_online:
            return str(_("Online"))
        return ", ".join(part for part in (self.venue, self.city, self.country) if part)

    # One source for an edition's time zone: its own field, set from the
    # programme's zone when the edition is created (edition_create) and changed
    # on the edition only. Whatever shows or counts the edition's dates and times
    # (pages, emails, "today" for its status) reads `zone` or `zone_name`, never
    # the programme's zone, which only seeds new editions.
    @property
    def zone(self) -> tzinfo:
        """The edition's time zone; UTC when the stored name is unknown."""
        try:
            return ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            return UTC

    @property
    def zone_name(self) -> str:
        """The name of `zone`, for templates' `timezone` tag and filter."""
        return str(self.zone)


class Meeting(DatedOccurrence):
    """One dated online meeting of an edition, usually on a session topic."""

    calendar_fields = OCCURRENCE_CALENDAR_FIELDS | {"session_topic"}

    edition = models.ForeignKey(
        Edition,
        on_delete=models.CASCADE,
        related_name="meetings",
        verbose_name=_("edition"),
    )
    session_topic = models.ForeignKey(
        SessionTopicPage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("session topic"),
        help_text=_("Empty for an introduction or closing meeting."),
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("Defaults to the session topic's title."),
    )
    interpretation_languages = LanguageListField(
        _("interpretation languages"), blank=True
    )
    recording_url = models.URLField(_("recording link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1)
                & Q(duration_minutes__lte=OCCURRENCE_MAX_MINUTES),
                name="meeting_duration_at_most_two_hours",
                violation_error_code="meeting_too_long",
                violation_error_message=_("A meeting lasts at most two hours."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_title

    # The session topic's title in the reader's language, when a selector has looked
    # it up for a whole list at once (meeting_titles_localize).
    topic_title_localized = ""

    @property
    def display_title(self) -> str:
        """The title override, else the session topic's title, else its role."""
        if self.title:
            return self.title
        if self.topic_title_localized:
            return self.topic_title_localized
        if self.session_topic is not None:  # no query when it has none
            return str(self.session_topic.title)
        return str(self.role_label)

    @property
    def role_label(self) -> str:
        """What a meeting without a session topic is, in the active language."""
        # Such a meeting opens or closes the edition (see `session_topic`); its date
        # tells which, so no stored English name is needed.
        day = self.starts_at.astimezone(self.edition.zone).date()
        if day <= self.edition.starts_on:
            return str(_("Introduction session"))
        if day >= self.edition.ends_on:
            return str(_("Closing session"))
        return str(_("Meeting"))
