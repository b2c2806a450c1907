"""The participant's own progress card on My programme."""

from typing import Any

from django import template

from learning.editions.models import Edition
from learning.mel.indicators import participant_progress

register = template.Library()


@register.inclusion_tag("learning/mel/my_progress.html", takes_context=True)
def my_progress(context: template.Context, edition: Edition) -> dict[str, Any]:
    """Attendance, materials reviewed, forum and surveys answered, for the
    signed-in member only (nothing for anyone else)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "edition": edition,
        "progress": participant_progress(user=user, edition=edition),
    }
