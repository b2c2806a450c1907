"""What every format shares in the database: the opening of a sign-up (the gate)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class OpeningState(models.TextChoices):
    OPEN = "open", _("open")
    BLOCKED = "blocked", _("blocked")


class Opening(models.Model):
    """The gate's decision for one edition, event or information session.

    BLOCKED holds sign-ups until the opening checks (learning.core.openings) pass;
    OPEN is final: a later change of the pages closes nothing. A subject without a
    row predates the gate and opens by its dates alone.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    state = models.CharField(_("state"), max_length=16, choices=OpeningState.choices)
    decided_at = models.DateTimeField(_("decided at"))
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("overridden by"),
    )
    override_reason = models.TextField(_("reason for the override"), blank=True)
    # When a page the subject needs changed after opening: shown to coordinators
    # until every language is up to date again.
    outdated_since = models.DateTimeField(_("translation outdated since"), null=True)

    class Meta:
        verbose_name = _("opening")
        verbose_name_plural = _("openings")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="opening_one_per_subject"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} {self.state}"
