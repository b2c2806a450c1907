"""The secretariat's reads: proposals with their reviews and weighted scores."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet

from .enums import ProposalStatus
from .models import CallForProposalsPage, Proposal, ProposalReview
from .selectors import Criterion, call_rubric


@dataclass(frozen=True)
class ReviewerScore:
    """One reviewer's weighted mean over the rubric (None: nothing to weigh)."""

    reviewer: Any
    score: float | None


def proposals_for_review(
    *, call: CallForProposalsPage | None = None, status: str | None = None
) -> QuerySet[Proposal]:
    """Proposals sent for review (never drafts), with reviews and reviewers fetched.

    Callers: the admin's proposal list and inspect view. A page of 20 or 100
    costs the same queries; weigh scores with `proposal_reviewer_scores`.
    """
    reviews = ProposalReview.objects.select_related("reviewer").order_by(
        "created_at", "pk"
    )
    proposals = (
        Proposal.objects.exclude(status=ProposalStatus.DRAFT)
        .select_related("call", "organisation", "proposer", "decided_by")
        .prefetch_related(Prefetch("reviews", queryset=reviews))
    )
    if call is not None:
        proposals = proposals.filter(call=call)
    if status:
        proposals = proposals.filter(status=status)
    return proposals


def review_weighted_score(
    *, review: ProposalReview, criteria: Sequence[Criterion]
) -> float | None:
    """The review's scores weighted by the criteria's weights (only those scored)."""
    weighed = [
        (criterion.weight, review.scores[criterion.id])
        for criterion in criteria
        if criterion.id in review.scores
    ]
    total_weight = sum(weight for weight, _score in weighed)
    if not total_weight:
        return None
    weighted: float = sum(weight * score for weight, score in weighed) / total_weight
    return weighted


def proposal_reviewer_scores(
    *, proposal: Proposal, criteria: Sequence[Criterion]
) -> list[ReviewerScore]:
    """Each reviewer's weighted score, side by side, in the order they reviewed."""
    return [
        ReviewerScore(
            reviewer=review.reviewer,
            score=review_weighted_score(review=review, criteria=criteria),
        )
        for review in proposal.reviews.all()
    ]


def proposal_weighted_score(
    *, proposal: Proposal, criteria: Sequence[Criterion]
) -> float | None:
    """The mean of the reviewers' weighted means (None before any review)."""
    return scores_mean(
        reviewer.score
        for reviewer in proposal_reviewer_scores(proposal=proposal, criteria=criteria)
    )


def scores_mean(scores: Iterable[float | None]) -> float | None:
    """The mean of the scores that exist, or None."""
    present = [score for score in scores if score is not None]
    return sum(present) / len(present) if present else None


class RubricCache:
    """Each call's rubric read once, for a list of proposals of several calls."""

    def __init__(self) -> None:
        self._by_call: dict[int, list[Criterion]] = {}

    def criteria(self, call: CallForProposalsPage) -> list[Criterion]:
        """The call's criteria (read from its source page on first use)."""
        if call.pk not in self._by_call:
            self._by_call[call.pk] = list(call_rubric(call=call))
        return self._by_call[call.pk]
