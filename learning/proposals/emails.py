"""The proposal emails, enqueued once the transaction that caused them commits."""

from learning.notifications.services import task_enqueue_on_commit

from .models import Proposal, ProposalQuestion
from .tasks import (
    proposal_answer_notify,
    proposal_decision_notify,
    proposal_question_notify,
    proposal_submitted_notify,
)


def proposal_submitted_email(*, proposal: Proposal) -> None:
    """Acknowledge a submission to the proposer."""
    task_enqueue_on_commit(proposal_submitted_notify, proposal_id=proposal.pk)


def proposal_question_email(*, question: ProposalQuestion) -> None:
    """Send the secretariat's question to the proposer."""
    task_enqueue_on_commit(proposal_question_notify, question_id=question.pk)


def proposal_answer_email(*, question: ProposalQuestion) -> None:
    """Tell the person who asked that the proposer answered."""
    task_enqueue_on_commit(proposal_answer_notify, question_id=question.pk)


def proposal_decision_email(*, proposal: Proposal) -> None:
    """Tell the proposer the secretariat's decision."""
    task_enqueue_on_commit(proposal_decision_notify, proposal_id=proposal.pk)
