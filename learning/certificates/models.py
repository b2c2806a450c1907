"""Certificates: one per participant and edition, verifiable by a public code."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from learning.core.storage import private_storage
from learning.editions.models import Edition
from learning.enrolments.models import Participant

from .enums import CertificateStatus


def certificate_upload_to(instance: "Certificate", filename: str) -> str:
    # The service gives a random name; the folder keeps editions apart.
    return f"certificates/{instance.edition_id}/{filename}"


class CertificateQuerySet(models.QuerySet["Certificate"]):
    def valid(self) -> "CertificateQuerySet":
        return self.filter(revoked_at__isnull=True)


class Certificate(models.Model):
    """A participant's certificate of an edition, with what it prints frozen."""

    participant = models.ForeignKey(
        Participant,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("participant"),
    )
    edition = models.ForeignKey(
        Edition,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("edition"),
    )
    # sha256 of the verification code; the code itself is only printed and linked.
    code_hash = models.CharField(
        _("verification code hash"), max_length=64, unique=True, editable=False
    )
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
        help_text=_("Empty when issued automatically at the end of the edition."),
    )
    issue_reason = models.TextField(_("reason for issuing"), blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)
    languages = models.JSONField(
        _("languages"), default=list, help_text=_("Languages the PDF is printed in.")
    )
    pdf = models.FileField(
        _("PDF"),
        storage=private_storage,
        upload_to=certificate_upload_to,
        max_length=255,
    )
    # What the certificate says, as it was on the day it was issued.
    holder_name = models.CharField(_("name"), max_length=255)
    organisation_name = models.CharField(_("organisation"), max_length=255)
    programme_titles = models.JSONField(
        _("programme"), default=dict, help_text=_("Title by language code.")
    )
    edition_title = models.CharField(
        _("edition"),
        max_length=255,
        blank=True,
        help_text=_("The edition's title when issued; empty: named by its month."),
    )
    modules_completed = models.JSONField(
        _("modules completed"),
        default=list,
        help_text=_("One title by language code per module."),
    )
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1)
    name_corrected_at = models.DateTimeField(
        _("name corrected at"),
        null=True,
        blank=True,
        help_text=_("When a coordinator last corrected the printed name."),
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "edition"],
                condition=Q(revoked_at__isnull=True),
                name="certificate_one_valid_per_participant",
                violation_error_code="certificate_exists",
                violation_error_message=_(
                    "This participant already has a valid certificate for this edition."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder_name} · {self.edition_label}"

    @property
    def edition_label(self) -> str:
        """The title as issued, else the start month in the active language."""
        return self.edition_title or self.edition.label

    @property
    def status(self) -> CertificateStatus:
        if self.revoked_at is None:
            return CertificateStatus.VALID
        return CertificateStatus.REVOKED

    def get_status_display(self) -> str:
        return str(self.status.label)

    def pdf_is_pending(self) -> bool:
        """Is the name corrected but the PDF not yet printed again with it?"""
        if self.name_corrected_at is None:
            return False
        return not self.replaced_codes.filter(
            replaced_at__gte=self.name_corrected_at
        ).exists()

    def programme_title(self, language: str) -> str:
        """The programme's title in `language`, else in any language it has."""
        titles = self.programme_titles or {}
        return titles.get(language) or next(iter(titles.values()), "")


class ReplacedCode(models.Model):
    """A certificate's earlier verification code, replaced when its PDF was redone.

    The database keeps only hashes, so a regenerated PDF gets a new code; the
    old one still answers on the verify page, as "replaced".
    """

    certificate = models.ForeignKey(
        Certificate,
        on_delete=models.CASCADE,
        related_name="replaced_codes",
        verbose_name=_("certificate"),
    )
    code_hash = models.CharField(
        _("verification code hash"), max_length=64, unique=True, editable=False
    )
    replaced_at = models.DateTimeField(_("replaced at"))

    class Meta:
        verbose_name = _("replaced verification code")
        verbose_name_plural = _("replaced verification codes")
        ordering = ["-replaced_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.certificate} · {self.replaced_at:%Y-%m-%d}"
