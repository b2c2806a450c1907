"""The "Your next meeting" card, for any page that lists a person's editions.

My programme (learning/participants) shows it without importing this app: the
site's template loads this library, so the participants layer stays below the
preparation one (see pyproject's import-linter layers).
"""

from typing import Any

from django import template
from django.urls import reverse

from ..selectors import preparation_for_edition

register = template.Library()


@register.inclusion_tag(
    "learning/preparation/next_meeting_card.html", takes_context=True
)
def next_meeting_card(context: template.Context, edition_id: int) -> dict[str, Any]:
    """The signed-in person's next meeting in the edition, and the following ones."""
    request = context["request"]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "preparation": preparation_for_edition(
            user=request.user, edition_id=edition_id
        ),
        "back_url": reverse("participants:home") + f"#next-meeting-{edition_id}",
    }
