"""Factories for the StreamField blocks of cms and the learning catalogue."""

import factory
import wagtail_factories
from wagtail import blocks
from wagtail.rich_text import RichText

from cms.core.blocks import SiteBodyBlock
from cms.navigation.models import MenuItemBlock, MenuLinkBlock
from learning.catalogue.blocks import (
    BodyBlock,
    CallToActionBlock,
    ForumQuestionsBlock,
    HeadingBlock,
    QuoteBlock,
    SubTopicsBlock,
)


class RichTextBlockFactory(wagtail_factories.blocks.BlockFactory):
    value = "<p>A paragraph of text.</p>"

    class Meta:
        model = blocks.RichTextBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return RichText(kwargs["value"])


class TextBlockFactory(wagtail_factories.blocks.BlockFactory):
    value = factory.Sequence(lambda n: f"Text {n}")

    class Meta:
        model = blocks.TextBlock


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.Sequence(lambda n: f"Heading {n}")
    level = "h2"

    class Meta:
        model = HeadingBlock


class QuoteBlockFactory(wagtail_factories.StructBlockFactory):
    quote = "We learn more from each other than from any manual."
    attribution = "A participant"

    class Meta:
        model = QuoteBlock


class CallToActionBlockFactory(wagtail_factories.StructBlockFactory):
    text = "Read more"
    page = None
    url = "https://example.org/"

    class Meta:
        model = CallToActionBlock


class BodyBlockFactory(wagtail_factories.StreamBlockFactory):
    """The learning pages' body, e.g. ``body__0__heading__text="Method"``."""

    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(RichTextBlockFactory)
    quote = factory.SubFactory(QuoteBlockFactory)
    call_to_action = factory.SubFactory(CallToActionBlockFactory)

    class Meta:
        model = BodyBlock


class SiteBodyBlockFactory(BodyBlockFactory):
    """The site pages' body (the same blocks as far as the factories go)."""

    class Meta:
        model = SiteBodyBlock


class ForumQuestionsBlockFactory(wagtail_factories.StreamBlockFactory):
    question = factory.SubFactory(TextBlockFactory)

    class Meta:
        model = ForumQuestionsBlock


class SubTopicsBlockFactory(wagtail_factories.StreamBlockFactory):
    sub_topic = factory.SubFactory(wagtail_factories.CharBlockFactory)

    class Meta:
        model = SubTopicsBlock


class MenuLinkBlockFactory(wagtail_factories.StructBlockFactory):
    page = None
    url = "https://example.org/"
    label = factory.Sequence(lambda n: f"Link {n}")

    class Meta:
        model = MenuLinkBlock


class MenuItemBlockFactory(MenuLinkBlockFactory):
    children = wagtail_factories.ListBlockFactory(MenuLinkBlockFactory)

    class Meta:
        model = MenuItemBlock
