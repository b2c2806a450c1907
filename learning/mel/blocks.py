"""A survey's questions: each block's id is the question's stable id."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class QuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("question"), max_length=500)

    class Meta:
        icon = "help"


class ScoreQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Score from 1 to 5")
        help_text = _("E.g. How useful was this meeting? (1 = not at all, 5 = very)")


class TextQuestionBlock(QuestionBlock):
    class Meta:
        icon = "edit"
        label = _("Free text")
        help_text = _("E.g. One thing you learned.")


class ObjectiveQuestionBlock(QuestionBlock):
    class Meta:
        icon = "tick"
        label = _("Self-assessment on an objective (1 to 5)")
        help_text = _("E.g. I can plan a dialogue session with families.")


class QuestionsBlock(blocks.StreamBlock):
    # Block names are the QuestionKind values; answers store the block id, which
    # translations keep, so answers given in every language pool by question.
    score = ScoreQuestionBlock()
    text = TextQuestionBlock()
    objective = ObjectiveQuestionBlock()
