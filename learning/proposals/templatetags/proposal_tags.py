"""Calls for proposals on the site's pages: the call page and the programme page."""

from typing import Any

from django import template

from learning.catalogue.models import ProgrammePage
from learning.proposals.models import CallForProposalsPage
from learning.proposals.selectors import (
    CallOverview,
    call_overview,
    calls_open_of_programme,
    membership_for,
)

register = template.Library()


@register.simple_tag
def call_state(call: CallForProposalsPage) -> CallOverview:
    """The call's dates (source page), open or not, and rubric in its words."""
    return call_overview(call=call)


@register.simple_tag
def call_visitor(call: CallForProposalsPage, user: Any) -> str:
    """Who reads the call: "member", "not_member" (signed in) or "anonymous"."""
    if not getattr(user, "is_authenticated", False):
        return "anonymous"
    return "member" if membership_for(user=user, call=call) else "not_member"


@register.inclusion_tag("learning/proposals/programme_calls.html")
def programme_calls(programme: ProgrammePage) -> dict[str, Any]:
    """Links to the programme's calls open now, with their closing dates."""
    calls = calls_open_of_programme(programme=programme)
    return {"calls": [(call, call_overview(call=call)) for call in calls]}
