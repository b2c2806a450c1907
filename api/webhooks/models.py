"""Webhook endpoints of apps, their deliveries, and the last edition status
announced (edition status is computed, never stored, so changes are found by
comparing with what was last sent)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .signing import secret_generate


class Event(models.TextChoices):
    PAGE_PUBLISHED = "page.published", _("Page published")
    PAGE_UNPUBLISHED = "page.unpublished", _("Page unpublished")
    TRANSLATION_PUBLISHED = "translation.published", _("Translation published")
    EDITION_STATUS_CHANGED = "edition.status_changed", _("Edition status changed")
    CERTIFICATE_ISSUED = "certificate.issued", _("Certificate issued")


class WebhookEndpoint(models.Model):
    """Where an app wants events sent, and which ones."""

    name = models.CharField(_("name"), max_length=150)
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        default=secret_generate,
        editable=False,
        help_text=_("Shown once, when the endpoint is created."),
    )
    events = models.JSONField(_("events"), default=list)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    SUCCEEDED = "succeeded", _("delivered")
    FAILED = "failed", _("failed")


class WebhookDelivery(models.Model):
    """One event sent (or to send) to one endpoint, with its last attempt."""

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("endpoint"),
    )
    event = models.CharField(_("event"), max_length=40, choices=Event.choices)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True)
    last_response_code = models.PositiveSmallIntegerField(_("response code"), null=True)
    last_error = models.CharField(_("error"), max_length=255, blank=True)
    # The status line only: what an endpoint answers is not ours to keep.
    last_status_line = models.CharField(_("status line"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint}"


class EditionStatusAnnounced(models.Model):
    edition = models.OneToOneField(
        "editions.Edition", on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(max_length=20)

    def __str__(self) -> str:
        return f"{self.edition_id}: {self.status}"
