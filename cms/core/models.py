from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField


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
    organisation_name = models.CharField(
        _("organisation name"), max_length=200, default="Mutual Learning Program"
    )
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
            [FieldPanel("organisation_name"), FieldPanel("contact_email")],
            heading=_("Organisation"),
        ),
        FieldPanel("social_links"),
        FieldPanel("default_social_image"),
    ]

    class Meta:
        verbose_name = _("site settings")
