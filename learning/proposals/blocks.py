"""The blocks of a call's page: its rubric, one block per criterion."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# Weights say how much a criterion counts beside the others; 1-10 keeps the
# weighted mean readable.
CRITERION_WEIGHT_MAX = 10


class CriterionBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("criterion"), max_length=255)
    description = blocks.TextBlock(label=_("what reviewers look for"), required=False)
    weight = blocks.IntegerBlock(
        label=_("weight"), default=1, min_value=1, max_value=CRITERION_WEIGHT_MAX
    )

    class Meta:
        icon = "tick"
        label = _("Criterion")


class RubricBlock(blocks.StreamBlock):
    """The call's criteria; each block's id names the criterion in every language."""

    # A review stores its scores by block id, which translations through
    # wagtail-localize keep (they copy the source's blocks and replace the text),
    # as the seminar's target groups do.
    criterion = CriterionBlock()
