"""The blocks of a learning event's page: questions, objectives, documents."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class BackgroundDocumentKind(blocks.ChoiceBlock):
    choices = [
        ("learning_note", _("Draft learning note")),
        ("agenda", _("Draft agenda")),
        ("report", _("Report")),
        ("other", _("Other document")),
    ]


class BackgroundDocumentBlock(blocks.StructBlock):
    kind = BackgroundDocumentKind(label=_("kind"), default="other")
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title"),
        required=False,
        help_text=_("Leave empty to show the document's own title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Background document")


class BackgroundDocumentsBlock(blocks.StreamBlock):
    document = BackgroundDocumentBlock()


class KeyQuestionsBlock(blocks.StreamBlock):
    question = blocks.TextBlock(label=_("Question"), icon="help")


class ObjectivesBlock(blocks.StreamBlock):
    objective = blocks.TextBlock(label=_("Objective"), icon="tick")
