"""Credentials of the API: keys of registered apps and people's personal tokens.

Only a SHA-256 digest of each secret is stored; the secret is shown once, when
it is created (api.keys). A short public prefix finds the row without a scan.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .cors import origins_validate


class Scope(models.TextChoices):
    CONTENT_READ = "content:read", _("Read content")
    LEARNING_READ = "learning:read", _("Read learning data")
    LEARNING_WRITE = "learning:write", _("Write learning data")
    # Aggregated indicators of every edition, never personal data: for a
    # partner's or funder's reporting tool.
    MEL_READ = "mel:read", _("Read MEL indicators")


class Credential(models.Model):
    prefix = models.CharField(_("prefix"), max_length=16, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_active(self) -> bool:
        expires_at = getattr(self, "expires_at", None)
        if self.revoked_at is not None:
            return False
        return expires_at is None or expires_at > timezone.now()


class ApiClient(Credential):
    """An external app (a partner's website, a reporting tool) and its key."""

    name = models.CharField(_("name"), max_length=150)
    contact_email = models.EmailField(_("contact email"), blank=True)
    scopes = models.JSONField(_("scopes"), default=list)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    allowed_origins = models.JSONField(
        _("allowed origins"),
        default=list,
        blank=True,
        validators=[origins_validate],
        help_text=_(
            "Web pages on these origins (scheme://host[:port]) may read the API "
            "from the browser; they send this client's key, never cookies."
        ),
    )
    rate_limit = models.CharField(
        _("rate limit"),
        max_length=20,
        default="1000/hour",
        help_text=_("Requests allowed per key, e.g. 1000/hour or 60/minute."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("API client")
        verbose_name_plural = _("API clients")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PersonalToken(Credential):
    """A person's token, e.g. for the participants' mobile app."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="personal_api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("personal token")
        verbose_name_plural = _("personal tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name or self.prefix

    @property
    def scopes(self) -> list[str]:
        return [Scope.CONTENT_READ, Scope.LEARNING_READ, Scope.LEARNING_WRITE]


class IdempotencyRecord(models.Model):
    """The first answer to a write sent with an `Idempotency-Key` header, kept so
    that a retry with the same key and body gets the same answer (api.idempotency)."""

    owner = models.CharField(max_length=40)
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField(null=True)
    body = models.JSONField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "key"], name="api_idempotency_owner_key_unique"
            )
        ]
        indexes = [models.Index(fields=["created_at"])]

    def __str__(self) -> str:
        return f"{self.owner} {self.key}"
