"""Reads of calls for proposals: open or not, the rubric, members, proposals.

Dates, time zone and rubric are read from the call's source page, so that a
translation rewords a call but never changes when it is open or how it judges.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from learning.catalogue.models import ProgrammePage
from learning.catalogue.selectors import page_source_get

from .models import CallForProposalsPage, Membership, Proposal, ProposalQuestion


@dataclass(frozen=True)
class Criterion:
    """One rubric criterion: `id` is the same in every language, the words are not."""

    id: str
    name: str
    description: str
    weight: int


def call_source(*, call: CallForProposalsPage) -> CallForProposalsPage:
    """The call's page in the default language: it holds dates, zone and rubric."""
    return page_source_get(page=call)


def call_is_open(*, call: CallForProposalsPage, now: datetime | None = None) -> bool:
    """True from the call's opening until (not including) its closing moment."""
    source = call_source(call=call)
    now = now or timezone.now()
    return source.opens_at <= now < source.closes_at


def call_rubric(
    *, call: CallForProposalsPage, source: CallForProposalsPage | None = None
) -> list[Criterion]:
    """The source's criteria, worded as `call` (any translation) words them.

    Callers: the call page, reviews (scores by id) and the API, which passes the
    `source` it already holds so that a list costs no query per call. A
    translation that lacks a criterion still shows it, in the source's words.
    """
    source = source or call_source(call=call)
    words = {block.id: block.value for block in call.rubric}
    return [
        _criterion(block.id, words.get(block.id) or block.value, block.value)
        for block in source.rubric
    ]


def _criterion(block_id: str, value: Any, source_value: Any) -> Criterion:
    return Criterion(
        id=block_id,
        name=value["name"] or source_value["name"],
        description=value["description"] or "",
        weight=int(source_value["weight"]),
    )


def call_programme(*, call: CallForProposalsPage) -> ProgrammePage:
    """The source page of the programme the call belongs to."""
    parent: ProgrammePage = call_source(call=call).get_parent().specific
    return page_source_get(page=parent)


def membership_for(*, user: Any, call: CallForProposalsPage) -> Membership | None:
    """The user's membership of the call's programme (their organisation), if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Membership.objects.select_related("organisation")
        .filter(programme=call_programme(call=call), user=user)
        .first()
    )


def proposals_of_user(*, user: Any) -> QuerySet[Proposal]:
    """Proposals of the organisations the user is a member for, in those programmes.

    Colleagues of one organisation share its proposals: the organisation
    proposes, and whoever of them is available edits, answers or withdraws.
    """
    if not getattr(user, "is_authenticated", False):
        return Proposal.objects.none()
    condition = Q(pk__in=[])
    for membership in Membership.objects.filter(user=user).select_related("programme"):
        condition |= Q(
            organisation_id=membership.organisation_id,
            call__path__startswith=membership.programme.path,
        )
    return _shaped(Proposal.objects.filter(condition))


def _shaped(proposals: QuerySet[Proposal]) -> QuerySet[Proposal]:
    questions = ProposalQuestion.objects.order_by("asked_at", "pk")
    return proposals.select_related(
        "call", "organisation", "proposer", "session_page"
    ).prefetch_related(Prefetch("questions", queryset=questions))


def calls_open_of_programme(
    *, programme: ProgrammePage, now: datetime | None = None
) -> list[CallForProposalsPage]:
    """The programme's live calls (in the programme page's language) open now."""
    calls = CallForProposalsPage.objects.child_of(programme).live().order_by("path")
    return [call for call in calls if call_is_open(call=call, now=now)]


@dataclass(frozen=True)
class CallOverview:
    """What a call's page shows: dates in the call's zone, state, rubric."""

    opens_at: datetime
    closes_at: datetime
    time_zone: str
    is_open: bool
    is_upcoming: bool
    rubric: list[Criterion]
    score_scale: int


def call_overview(
    *, call: CallForProposalsPage, now: datetime | None = None
) -> CallOverview:
    """The call's dates, state and rubric as the source decides them."""
    source = call_source(call=call)
    now = now or timezone.now()
    return CallOverview(
        opens_at=source.opens_at,
        closes_at=source.closes_at,
        time_zone=source.time_zone,
        is_open=source.opens_at <= now < source.closes_at,
        is_upcoming=now < source.opens_at,
        rubric=call_rubric(call=call),
        score_scale=source.score_scale,
    )


def question_of_user_get(*, user: Any, pk: int) -> ProposalQuestion:
    """A question on one of the user's organisations' proposals (DoesNotExist else)."""
    return ProposalQuestion.objects.select_related("proposal__call").get(
        pk=pk, proposal__in=proposals_of_user(user=user).values("pk")
    )
