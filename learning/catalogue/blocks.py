"""StreamField blocks for editorial bodies.

They live in the plugin so that learning pages can use them without importing the
site; the site composes its own body from the same blocks (cms.core.blocks).
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from learning.core import conf

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=120)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external URL"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "components/blocks/call_to_action_block.html"

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            error = ValidationError(
                _("Choose a page or enter an external URL, not both."),
                code="one_target",
            )
            raise blocks.StructBlockValidationError(block_errors={"url": error})
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title"), required=False, help_text=_("Defaults to the document title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "components/blocks/document_link_block.html"


class BodyBlock(blocks.StreamBlock):
    """The rich body of editorial pages; deliberately no raw HTML block."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Paragraph"),
        template="components/blocks/paragraph_block.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(
        label=_("Embed"),
        help_text=_("A video or other media by its URL."),
        template="components/blocks/embed_block.html",
    )
    document_link = DocumentLinkBlock()


# --- Session topic: what to review before the meeting -----------------------------


class PageMaterialBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(
        label=_("page"),
        # The site names its publication and video page types in this setting.
        page_type=conf.material_page_models(),
    )
    note = blocks.CharBlock(label=_("note"), required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Publication or video")

    def clean(self, value: Any) -> Any:
        # The chooser only offers these types, but a page id can still arrive by
        # another way (a pasted or copied block, an old value, an import): the
        # model behind a multi-type chooser is Page, so any page would pass.
        value = super().clean(value)
        page = value.get("page")
        allowed = self.child_blocks["page"].target_models
        if page is None or not allowed:
            return value
        page = page.specific_deferred
        if not isinstance(page, tuple(allowed)):
            error = ValidationError(
                _("Choose a %(types)s: “%(title)s” is a %(type)s."),
                code="page_type",
                params={
                    "types": get_text_list(
                        [str(model._meta.verbose_name) for model in allowed]
                    ),
                    "title": page.title,
                    "type": page._meta.verbose_name,
                },
            )
            raise blocks.StructBlockValidationError(block_errors={"page": error})
        return value


class PresentationMaterialBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    document = DocumentChooserBlock(label=_("file"), required=False)
    url = blocks.URLBlock(label=_("link"), required=False)
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "media"
        label = _("Tailor-made presentation or video")


class DocumentMaterialBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")


class MaterialsBlock(blocks.StreamBlock):
    page = PageMaterialBlock()
    presentation = PresentationMaterialBlock()
    document = DocumentMaterialBlock()


class ForumQuestionsBlock(blocks.StreamBlock):
    question = blocks.TextBlock(label=_("Question"), icon="help")


class SubTopicsBlock(blocks.StreamBlock):
    sub_topic = blocks.CharBlock(label=_("Sub-topic"), icon="list-ul")


# --- Programme: what participants achieve, and who it is for -----------------------


class ObjectivesBlock(blocks.StreamBlock):
    objective = blocks.TextBlock(label=_("Objective"), icon="tick-inverse")


class TargetGroupsBlock(blocks.StreamBlock):
    """Who a programme is for; each block's id names the group in every language."""

    # A registration stores the block id, which translations through
    # wagtail-localize keep (they copy the source's blocks and replace the text).
    target_group = blocks.CharBlock(
        label=_("Target group"), max_length=255, icon="group"
    )
