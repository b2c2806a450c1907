"""Background tasks that send the proposal emails; they take ids.

The proposer reads them in their own language (their account's, else the
proposal's); the secretariat member who asked a question reads the answer in
theirs. Links are absolute and point at the page in that language.
"""

from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django_tasks import task
from wagtail.admin.admin_url_finder import AdminURLFinder

from learning.notifications.emails import email_language, email_send, site_url

from .enums import ProposalStatus
from .models import Proposal, ProposalQuestion


@task()
def proposal_submitted_notify(*, proposal_id: int) -> None:
    """Tell the proposer the proposal was received and what happens next."""
    proposal = _proposal_get(proposal_id)
    _send_to_proposer(proposal, "proposal_submitted", {})


@task()
def proposal_question_notify(*, question_id: int) -> None:
    """Send the proposer the secretariat's question, with a link to answer it."""
    question = _question_get(question_id)
    _send_to_proposer(question.proposal, "proposal_question", {"question": question})


@task()
def proposal_answer_notify(*, question_id: int) -> None:
    """Tell the person who asked that the answer arrived, linking the proposal."""
    question = _question_get(question_id)
    asker = question.asked_by
    if asker is None or not asker.email:
        return  # the account was removed since: nobody to tell
    email_send(
        template="proposal_answer",
        to=[asker.email],
        language=asker.preferred_language or "",
        context={
            "question": question,
            "proposal": question.proposal,
            "recipient_name": _name(asker),
            "admin_url": _admin_url(question.proposal, user=asker),
        },
    )


@task()
def proposal_decision_notify(*, proposal_id: int) -> None:
    """Tell the proposer the decision, its message and, if accepted, what is next."""
    proposal = _proposal_get(proposal_id)
    if proposal.status not in (ProposalStatus.ACCEPTED, ProposalStatus.DECLINED):
        return  # withdrawn or reopened since the decision was queued
    accepted = proposal.status == ProposalStatus.ACCEPTED
    _send_to_proposer(proposal, "proposal_decision", {"accepted": accepted})


def proposer_language(*, proposal: Proposal) -> str:
    """The proposer's email language: their account's, else the proposal's."""
    proposer = proposal.proposer
    preferred = getattr(proposer, "preferred_language", "") if proposer else ""
    return email_language(language=preferred or proposal.language)


def _send_to_proposer(
    proposal: Proposal, template: str, context: dict[str, Any]
) -> None:
    proposer = proposal.proposer
    if proposer is None or not proposer.email:
        return  # the account was removed since: nobody to tell
    language = proposer_language(proposal=proposal)
    email_send(
        template=template,
        to=[proposer.email],
        language=language,
        context={**_proposal_context(proposal, language), **context},
    )


def _proposal_context(proposal: Proposal, language: str) -> dict[str, Any]:
    with translation.override(language):
        call = proposal.call.localized
        return {
            "proposal": proposal,
            "recipient_name": _name(proposal.proposer),
            "call_title": call.title,
            "call_url": _absolute(call.url),
            "proposal_url": _proposal_url(proposal),
            "session_url": _session_url(proposal),
        }


def _proposal_url(proposal: Proposal) -> str:
    """The proposal's page in "My proposals", in the active language."""
    try:
        path = reverse("proposals:detail", kwargs={"pk": proposal.pk})
    except NoReverseMatch:
        return ""  # a site that installs the plugin without its public pages
    return site_url() + path


def _session_url(proposal: Proposal) -> str:
    page = proposal.session_page
    if page is None or not page.live:
        return ""  # drafted but not yet published: nothing to point at
    localized = page.localized
    return _absolute((localized if localized.live else page).url)


def _admin_url(proposal: Proposal, *, user: Any) -> str:
    # Whatever admin view shows proposals to this user (edit or inspect).
    url = AdminURLFinder(user).get_edit_url(proposal) or reverse("wagtailadmin_home")
    return _absolute(url)


def _name(user: Any) -> str:
    if user is None:
        return ""
    return str(user.get_full_name().strip() or user.email)


def _proposal_get(proposal_id: int) -> Proposal:
    return Proposal.objects.select_related(
        "call", "proposer", "organisation", "session_page"
    ).get(pk=proposal_id)


def _question_get(question_id: int) -> ProposalQuestion:
    return ProposalQuestion.objects.select_related(
        "asked_by", "proposal__call", "proposal__proposer", "proposal__organisation"
    ).get(pk=question_id)


def _absolute(url: str | None) -> str:
    if not url:
        return ""
    return url if url.startswith("http") else site_url() + url
