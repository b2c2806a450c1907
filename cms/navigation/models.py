from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)

from cms.translations.models import LocaleWorkflowMixin


class MenuLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external URL"), required=False)
    label = blocks.CharBlock(
        label=_("label"), required=False, help_text=_("Defaults to the page title.")
    )

    class Meta:
        icon = "link"
        label = _("Link")


class MenuItemBlock(MenuLinkBlock):
    children = blocks.ListBlock(MenuLinkBlock(), label=_("sub-menu"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Menu item")


class NavigationSnippet(
    LocaleWorkflowMixin,
    WorkflowMixin,
    TranslatableMixin,
    DraftStateMixin,
    RevisionMixin,
    models.Model,
):
    """A named list of links in one language; one per site and language is used."""

    name = models.CharField(_("name"), max_length=100)

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def __str__(self):
        return f"{self.name} ({self.locale})"


class MainMenu(NavigationSnippet):
    items = StreamField(
        [("item", MenuItemBlock())], blank=True, verbose_name=_("items")
    )

    panels = [FieldPanel("name"), FieldPanel("items")]
    api_fields = [APIField("name"), APIField("items")]

    class Meta(NavigationSnippet.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")


class Footer(NavigationSnippet):
    text = RichTextField(_("text"), blank=True, features=["bold", "italic", "link"])
    links = StreamField(
        [("link", MenuLinkBlock())], blank=True, verbose_name=_("links")
    )

    panels = [FieldPanel("name"), FieldPanel("text"), FieldPanel("links")]
    api_fields = [APIField("name"), APIField("text"), APIField("links")]

    class Meta(NavigationSnippet.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")
