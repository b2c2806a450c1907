"""Who translates and who reviews each content language."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Workflow


class LocaleTeam(models.Model):
    """The translator and reviewer groups of one content language, and its workflow.

    Members of these groups act on snippets of this locale only (see
    permissions.LocalePermissionPolicy); their page permissions sit on the locale's
    home page.
    """

    locale = models.OneToOneField(
        Locale,
        on_delete=models.CASCADE,
        related_name="team",
        verbose_name=_("locale"),
    )
    translators = models.OneToOneField(
        Group,
        on_delete=models.CASCADE,
        related_name="translator_team",
        verbose_name=_("translators"),
    )
    reviewers = models.OneToOneField(
        Group,
        on_delete=models.CASCADE,
        related_name="reviewer_team",
        verbose_name=_("reviewers"),
    )
    workflow = models.ForeignKey(
        Workflow,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("review workflow"),
    )

    class Meta:
        verbose_name = _("locale team")
        verbose_name_plural = _("locale teams")

    def __str__(self) -> str:
        return str(self.locale)


class LocaleWorkflowMixin:
    """For snippets: use the review workflow of the instance's locale, if any."""

    def get_workflow(self):
        team = (
            LocaleTeam.objects.filter(locale_id=self.locale_id, workflow__active=True)
            .select_related("workflow")
            .first()
        )
        if team is not None:
            return team.workflow
        return super().get_workflow()


class InboxAlert(models.Model):
    """An alert sent to a language's translators: once per page (or snippet),
    language and needed-by date, so that a new date alerts again."""

    translation_key = models.UUIDField(_("translation key"))
    locale = models.ForeignKey(
        Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("locale")
    )
    need_by = models.DateTimeField(_("needed by"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("translation alert")
        verbose_name_plural = _("translation alerts")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "locale", "need_by"],
                name="inbox_alert_once_per_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.translation_key} {self.locale_id} {self.need_by:%Y-%m-%d}"
