"""Organisations, their enrolments in editions and their representatives."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from learning.catalogue.models import ModulePage
from learning.editions.models import Edition

from .enums import ACTIVE_STATUSES, PLACE_HOLDING_STATUSES, EnrolmentStatus


def site_language_choices() -> list[tuple[str, StrOrPromise]]:
    """The site's languages: the ones emails and pages are written in."""
    return list(settings.LANGUAGES)


def site_default_language() -> str:
    return str(settings.LANGUAGE_CODE)


class Organisation(models.Model):
    """An organisation that enrols in editions; one row across editions."""

    name = models.CharField(_("name"), max_length=255)
    normalised_name = models.CharField(
        _("normalised name"), max_length=255, unique=True, editable=False
    )
    domain = models.CharField(
        _("domain"),
        max_length=255,
        blank=True,
        help_text=_("Its website's or its email addresses' domain, e.g. example.org."),
    )
    country = models.CharField(_("country"), max_length=100, blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)
    possible_duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="possible_duplicates",
        verbose_name=_("possible duplicate of"),
        help_text=_(
            "Another organisation with the same domain: a coordinator merges "
            "the two or keeps them apart."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["domain"],
                condition=~Q(domain=""),
                name="organisation_unique_domain",
                violation_error_code="duplicate_organisation",
                violation_error_message=_("An organisation with this domain exists."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class EnrolmentQuerySet(models.QuerySet["Enrolment"]):
    def active(self) -> "EnrolmentQuerySet":
        return self.filter(status__in=ACTIVE_STATUSES)

    def holding_place(self) -> "EnrolmentQuerySet":
        return self.filter(status__in=PLACE_HOLDING_STATUSES)

    def waitlisted(self) -> "EnrolmentQuerySet":
        return self.filter(status=EnrolmentStatus.WAITLISTED).order_by(
            "waitlist_position"
        )


class Enrolment(models.Model):
    """An organisation's place, or its turn on the waitlist, in one edition."""

    edition = models.ForeignKey(
        Edition,
        on_delete=models.PROTECT,
        related_name="enrolments",
        verbose_name=_("edition"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="enrolments",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"), max_length=32, choices=EnrolmentStatus.choices
    )
    waitlist_position = models.PositiveIntegerField(
        _("waitlist position"), null=True, blank=True
    )
    modules = models.ManyToManyField(
        ModulePage,
        related_name="enrolments",
        verbose_name=_("modules"),
        help_text=_("Always includes the module every participant takes first."),
    )
    consent_at = models.DateTimeField(_("privacy consent given at"))
    submitted_by_email = models.EmailField(_("submitted by"), blank=True)
    idempotency_key = models.CharField(
        _("idempotency key"),
        max_length=64,
        blank=True,
        help_text=_("Sent by a client so that a retried submission is not doubled."),
    )
    promoted_at = models.DateTimeField(
        _("moved from the waitlist at"), null=True, blank=True
    )
    status_changed_at = models.DateTimeField(_("status changed at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "organisation"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="enrolment_unique_active_organisation",
                violation_error_code="duplicate_organisation",
                violation_error_message=_(
                    "The organisation is already enrolled in this edition."
                ),
            ),
            models.UniqueConstraint(
                fields=["edition", "waitlist_position"],
                condition=Q(status=EnrolmentStatus.WAITLISTED),
                name="enrolment_unique_waitlist_position",
                violation_error_code="duplicate_waitlist_position",
                violation_error_message=_("This waitlist position is taken."),
            ),
            models.UniqueConstraint(
                fields=["edition", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="enrolment_unique_idempotency_key",
                violation_error_code="duplicate_submission",
                violation_error_message=_("This submission was already received."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(status=EnrolmentStatus.WAITLISTED, waitlist_position__gte=1)
                    | (
                        ~Q(status=EnrolmentStatus.WAITLISTED)
                        & Q(waitlist_position__isnull=True)
                    )
                ),
                name="enrolment_waitlist_position_iff_waitlisted",
                violation_error_code="waitlist_position",
                violation_error_message=_(
                    "Exactly the waitlisted enrolments have a waitlist position."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_status_display()})"


class Participant(models.Model):
    """A person who represents an organisation in an edition."""

    enrolment = models.ForeignKey(
        Enrolment,
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("enrolment"),
    )
    # Copied from the enrolment so that the database can keep a person to one
    # organisation per edition.
    edition = models.ForeignKey(
        Edition,
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("edition"),
        editable=False,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=255)
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=255, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=site_language_choices,
        default=site_default_language,
    )
    is_active = models.BooleanField(_("active"), default=True)
    replaced_at = models.DateTimeField(_("replaced at"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("replaced by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "email"],
                condition=Q(is_active=True),
                name="participant_unique_active_email_per_edition",
                violation_error_code="duplicate_person",
                violation_error_message=_(
                    "This person already represents an organisation in the edition."
                ),
            ),
            models.UniqueConstraint(
                fields=["edition", "user"],
                condition=Q(is_active=True),
                name="participant_unique_active_user_per_edition",
                violation_error_code="duplicate_person",
                violation_error_message=_(
                    "This person already represents an organisation in the edition."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name
