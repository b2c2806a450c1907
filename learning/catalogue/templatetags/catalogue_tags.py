"""Catalogue reads for the site's templates."""

from django import template

from learning.catalogue.models import ProgrammePage
from learning.catalogue.selectors import TargetGroup, programme_target_groups

register = template.Library()


@register.simple_tag
def target_groups(programme: ProgrammePage) -> list[TargetGroup]:
    """The programme's target groups, in the page's language: `{% ... as groups %}`."""
    return programme_target_groups(programme=programme)
