"""The site's body blocks: the plugin's editorial blocks plus site-only ones."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from learning.catalogue.blocks import BodyBlock


class PageCardBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page"))
    text = blocks.TextBlock(label=_("text"), required=False)
    image = ImageChooserBlock(label=_("image"), required=False)

    class Meta:
        icon = "doc-empty"
        label = _("Card")


class CardsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    cards = blocks.ListBlock(PageCardBlock(), label=_("cards"))

    class Meta:
        icon = "table"
        label = _("Cards")
        template = "components/blocks/cards_block.html"


class TestimonialsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    testimonials = blocks.ListBlock(
        SnippetChooserBlock("testimonials.Testimonial"), label=_("testimonials")
    )

    class Meta:
        icon = "openquote"
        label = _("Testimonials")
        template = "components/blocks/testimonials_block.html"


class SiteBodyBlock(BodyBlock):
    cards = CardsBlock()
    testimonials = TestimonialsBlock()
