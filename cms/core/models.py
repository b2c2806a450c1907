from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)

from cms.translations.models import LocaleWorkflowMixin


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        label=_("network"),
        choices=[
            ("linkedin", "LinkedIn"),
            ("facebook", "Facebook"),
            ("instagram", "Instagram"),
            ("youtube", "YouTube"),
            ("x", "X"),
            ("mastodon", "Mastodon"),
            ("bluesky", "Bluesky"),
            ("website", _("Website")),
        ],
    )
    url = blocks.URLBlock(label=_("URL"))

    class Meta:
        icon = "link"
        label = _("Social link")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    # The organisation's name moved to SiteIdentity: settings are per site, not
    # per language, and wagtail-localize cannot translate them.
    contact_email = models.EmailField(_("contact email"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("social links")
    )
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("default social image"),
        help_text=_("Shown when a page is shared and has no image of its own."),
    )

    panels = [
        MultiFieldPanel(
            [
                HelpPanel(
                    _(
                        "The organisation's name is set per language in "
                        "Settings → Organisation name."
                    )
                ),
                FieldPanel("contact_email"),
            ],
            heading=_("Organisation"),
        ),
        FieldPanel("social_links"),
        FieldPanel("default_social_image"),
    ]

    class Meta:
        verbose_name = _("site settings")


class SiteIdentity(
    LocaleWorkflowMixin,
    WorkflowMixin,
    TranslatableMixin,
    DraftStateMixin,
    RevisionMixin,
    models.Model,
):
    """The organisation's name in one language; the live one of the reader's
    language is shown (header, footer, page titles, emails), else the default
    language's (cms.core.selectors.organisation_name)."""

    organisation_name = models.CharField(_("organisation name"), max_length=200)

    panels = [FieldPanel("organisation_name")]
    api_fields = [APIField("organisation_name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation name")
        verbose_name_plural = _("organisation names")

    def __str__(self):
        return self.organisation_name


class StoredPagePart(models.Model):
    """A part of a site page rendered once for its live revision and a language
    (cms.core.stored_parts), joined into the page on reads."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    language_code = models.CharField(max_length=20)
    name = models.CharField(max_length=50)
    # What the part was made from: a later publish, or new code or templates
    # (the version), makes it stale.
    revision_id = models.PositiveBigIntegerField()
    version = models.CharField(max_length=64)
    html = models.TextField()
    made_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("stored page part")
        verbose_name_plural = _("stored page parts")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language_code", "name"],
                name="core_storedpagepart_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_id} {self.language_code} {self.name}"
