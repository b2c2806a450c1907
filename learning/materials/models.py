"""Review marks on a session topic's materials, and materials members share."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from learning.catalogue.models import SessionTopicPage
from learning.core.storage import private_storage
from learning.editions.models import Edition
from learning.enrolments.models import site_default_language, site_language_choices


class MaterialReview(models.Model):
    """A member's mark that they reviewed one material of a session topic."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="material_reviews",
        verbose_name=_("user"),
    )
    edition = models.ForeignKey(
        Edition,
        on_delete=models.CASCADE,
        related_name="material_reviews",
        verbose_name=_("edition"),
    )
    session_topic = models.ForeignKey(
        SessionTopicPage,
        on_delete=models.CASCADE,
        related_name="material_reviews",
        verbose_name=_("session topic"),
        help_text=_("The session topic's page in the default language."),
    )
    material_key = models.CharField(
        _("material"),
        max_length=64,
        help_text=_("The identifier of the material on the session topic's page."),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"))

    class Meta:
        verbose_name = _("material review")
        verbose_name_plural = _("material reviews")
        ordering = ["reviewed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "edition", "session_topic", "material_key"],
                name="material_review_unique",
                violation_error_code="already_reviewed",
                violation_error_message=_("You already marked this as reviewed."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.material_key}"


def shared_material_upload_to(instance: "SharedMaterial", filename: str) -> str:
    """A new unique name under the edition's folder, never the uploader's name."""
    extension = filename.rpartition(".")[2].lower() if "." in filename else "bin"
    return f"materials/{instance.edition_id}/{uuid.uuid4().hex}.{extension}"


class SharedMaterialQuerySet(models.QuerySet["SharedMaterial"]):
    def visible(self) -> "SharedMaterialQuerySet":
        """Materials that participants see (not hidden by a facilitator)."""
        return self.filter(is_hidden=False)


class SharedMaterial(models.Model):
    """A file or link a member shared with their edition."""

    edition = models.ForeignKey(
        Edition,
        on_delete=models.CASCADE,
        related_name="shared_materials",
        verbose_name=_("edition"),
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="shared_materials",
        verbose_name=_("shared by"),
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=site_language_choices,
        default=site_default_language,
    )
    file = models.FileField(
        _("file"),
        storage=private_storage,
        upload_to=shared_material_upload_to,
        max_length=255,
        blank=True,
    )
    file_name = models.CharField(
        _("file name"),
        max_length=255,
        blank=True,
        help_text=_("The name the file is downloaded under."),
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    content_type = models.CharField(_("content type"), max_length=120, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hidden by"),
    )
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = SharedMaterialQuerySet.as_manager()

    class Meta:
        verbose_name = _("shared material")
        verbose_name_plural = _("shared materials")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The shared list pages newest first within an edition (keyset paging).
            models.Index(
                fields=["edition", "-created_at", "-id"],
                name="shared_material_newest",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="shared_material_file_or_link",
                violation_error_code="file_or_url",
                violation_error_message=_("Share either a file or a link."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_file(self) -> bool:
        """Whether the material is a stored file (else a link)."""
        return bool(self.file)
