"""Public information sessions about a programme, and sign-ups for them."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from learning.catalogue.fields import delivery_language_choices
from learning.catalogue.models import ProgrammePage
from learning.core.occurrence import DatedOccurrence, duration_field
from learning.core.openings import opening_annotations
from learning.core.person import PersonFields


class InfoSessionQuerySet(models.QuerySet["InfoSession"]):
    def with_registrations(self) -> "InfoSessionQuerySet":
        """Annotate `registration_count` and the gate's `opening_state` (what
        infosession_signup_state reads) in the same query."""
        return self.annotate(
            registration_count=models.Count("registrations"),
            **opening_annotations(InfoSession),
        )


class InfoSession(DatedOccurrence):
    """An online meeting where people learn about a programme before enrolling."""

    programme = models.ForeignKey(
        ProgrammePage,
        on_delete=models.PROTECT,
        related_name="info_sessions",
        verbose_name=_("programme"),
        help_text=_("The programme's page in the default language."),
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_(
            'Leave empty to call it "Information session" in the reader\'s language.'
        ),
    )
    duration_minutes = duration_field(default=60)
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), validators=[MinValueValidator(1)]
    )
    language = models.CharField(
        _("language"), max_length=10, choices=delivery_language_choices
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = InfoSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("information session")
        verbose_name_plural = _("information sessions")
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The title given, else "Information session" in the active language."""
        return self.title or str(_("Information session"))


class InfoSessionRegistration(PersonFields):
    """A person's sign-up for an information session; one per email address."""

    session = models.ForeignKey(
        InfoSession,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("information session"),
    )
    # The shared person's institution, under the name this format has always used.
    # (None removes an inherited field: Django's way, which the stubs cannot type.)
    institution = None  # type: ignore[assignment]
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("information session registration")
        verbose_name_plural = _("information session registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "email"],
                name="infosession_registration_unique_email",
                violation_error_code="duplicate_registration",
                violation_error_message=_(
                    "This email address is already signed up for the session."
                ),
            ),
        ]
