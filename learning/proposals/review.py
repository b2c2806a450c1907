"""The secretariat's writes: review, ask the proposer, accept or decline.

Accepting turns the proposal into a learning event: a draft event page in the
proposal's language, with its text, and the event's date (learning.events).
"""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Locale, Page

from learning.catalogue.models import ProgrammePage
from learning.catalogue.selectors import page_source_get
from learning.events.models import LearningEventPage
from learning.events.services import event_schedule

from .emails import proposal_decision_email, proposal_question_email
from .enums import DECIDED_STATUSES, ProposalStatus
from .models import SCORE_MIN, Proposal, ProposalQuestion, ProposalReview
from .permissions import user_is_reviewer
from .selectors import call_rubric, membership_for

# Log actions (registered in wagtail_hooks), shown in the proposal's history.
LOG_REVIEWED = "proposals.reviewed"
LOG_ASKED = "proposals.asked"
LOG_ACCEPTED = "proposals.accepted"
LOG_DECLINED = "proposals.declined"

# The proposal's texts that become the session page's body, under these headings.
BODY_SECTIONS = (
    ("lessons_learned", _("Lessons learned from failures and successes")),
    ("results", _("Results and impact")),
    ("partners", _("Partners")),
)


def review_save(
    *,
    proposal: Proposal,
    reviewer: Any,
    scores: Mapping[str, Any],
    comment: str = "",
) -> ProposalReview:
    """Score a submitted proposal on every criterion; saving again changes it."""
    with transaction.atomic():
        proposal = _lock(proposal)
        _secretariat_validate(proposal=proposal, user=reviewer)
        _scores_validate(proposal=proposal, scores=scores)
        review, _created = ProposalReview.objects.update_or_create(
            proposal=proposal,
            reviewer=reviewer,
            defaults={"scores": dict(scores), "comment": comment.strip()},
        )
        log(instance=proposal, action=LOG_REVIEWED, user=reviewer)
    return review


def question_ask(
    *, proposal: Proposal, reviewer: Any, question: str
) -> ProposalQuestion:
    """Ask the proposer a question; they are emailed a link to answer."""
    question = question.strip()
    if not question:
        raise ValidationError(
            {"question": ValidationError(_("Write your question."), code="required")}
        )
    with transaction.atomic():
        proposal = _lock(proposal)
        _reviewer_validate(reviewer)
        _open_validate(proposal)
        asked = ProposalQuestion(
            proposal=proposal, asked_by=reviewer, question=question
        )
        asked.full_clean()
        asked.save()
        log(instance=proposal, action=LOG_ASKED, user=reviewer)
        proposal_question_email(question=asked)
    return asked


def proposal_accept(
    *,
    proposal: Proposal,
    actor: Any,
    starts_at: datetime,
    duration_minutes: int,
    time_zone: str,
    rsvp_closes_at: datetime,
    interpretation_languages: list[str],
    message: str = "",
) -> Proposal:
    """Accept: a draft session page with the proposal's text, and its event."""
    with transaction.atomic():
        proposal = _lock(proposal)
        _secretariat_validate(proposal=proposal, user=actor)
        page = _session_page_create(proposal=proposal, actor=actor)
        event_schedule(
            page=page,
            actor=actor,
            starts_at=starts_at,
            duration_minutes=duration_minutes,
            time_zone=time_zone,
            rsvp_closes_at=rsvp_closes_at,
            interpretation_languages=interpretation_languages,
        )
        proposal.session_page = page
        _decide(proposal=proposal, actor=actor, status=ProposalStatus.ACCEPTED)
        proposal.decision_message = message.strip()
        proposal.full_clean()
        proposal.save()
        log(instance=proposal, action=LOG_ACCEPTED, user=actor)
        proposal_decision_email(proposal=proposal)
    return proposal


def proposal_decline(*, proposal: Proposal, actor: Any, message: str) -> Proposal:
    """Decline with a message to the proposer, who is told in their language."""
    message = message.strip()
    if not message:
        raise ValidationError(
            {
                "message": ValidationError(
                    _("Tell the proposer why: write a message."),
                    code="message_required",
                )
            }
        )
    with transaction.atomic():
        proposal = _lock(proposal)
        _secretariat_validate(proposal=proposal, user=actor)
        _decide(proposal=proposal, actor=actor, status=ProposalStatus.DECLINED)
        proposal.decision_message = message
        proposal.full_clean()
        proposal.save()
        log(instance=proposal, action=LOG_DECLINED, user=actor)
        proposal_decision_email(proposal=proposal)
    return proposal


def reviewer_may_review(*, proposal: Proposal, user: Any) -> bool:
    """Whether `user` may review or decide on `proposal` now (the admin's buttons)."""
    try:
        _secretariat_validate(proposal=proposal, user=user)
    except ValidationError:
        return False
    return True


def _lock(proposal: Proposal) -> Proposal:
    # Two reviewers deciding at once: the second waits, then sees the decision.
    return (
        Proposal.objects.select_for_update().select_related("call").get(pk=proposal.pk)
    )


def _reviewer_validate(user: Any) -> None:
    if not user_is_reviewer(user):
        raise ValidationError(
            _("Only the secretariat reviews proposals."), code="not_reviewer"
        )


def _open_validate(proposal: Proposal) -> None:
    """Only a submitted proposal, not yet decided, is reviewed, asked about, decided."""
    if proposal.status in DECIDED_STATUSES:
        raise ValidationError(
            _("This proposal has been decided already."), code="proposal_decided"
        )
    if proposal.status != ProposalStatus.SUBMITTED:
        raise ValidationError(
            _("This proposal has not been submitted."), code="proposal_not_submitted"
        )


def _secretariat_validate(*, proposal: Proposal, user: Any) -> None:
    """A reviewer, on an open proposal, not of their own organisation."""
    _reviewer_validate(user)
    _open_validate(proposal)
    membership = membership_for(user=user, call=proposal.call)
    # A reviewer never judges their own organisation's proposal.
    own = membership is not None and (
        membership.organisation_id == proposal.organisation_id
    )
    if own:
        raise ValidationError(
            _("You cannot review or decide on your own organisation's proposal."),
            code="own_organisation",
        )


def _scores_validate(*, proposal: Proposal, scores: Mapping[str, Any]) -> None:
    """A whole number from 1 to the call's top score for each criterion, no other."""
    criteria = {criterion.id for criterion in call_rubric(call=proposal.call)}
    if set(scores) - criteria:
        raise ValidationError(
            _("Score only the criteria of the call's rubric."),
            code="unknown_criterion",
        )
    if criteria - set(scores):
        raise ValidationError(
            _("Give a score for every criterion."), code="scores_incomplete"
        )
    top = page_source_get(page=proposal.call).score_scale
    for value in scores.values():
        if type(value) is not int or not SCORE_MIN <= value <= top:
            raise ValidationError(
                _("Give each criterion a score from %(min)s to %(max)s."),
                code="score_out_of_range",
                params={"min": SCORE_MIN, "max": top},
            )


def _decide(*, proposal: Proposal, actor: Any, status: ProposalStatus) -> None:
    proposal.status = status
    proposal.decided_at = timezone.now()
    proposal.decided_by = actor


def _session_page_create(*, proposal: Proposal, actor: Any) -> LearningEventPage:
    """The draft event page, under the programme's page in the proposal's language."""
    parent = _programme_in_language(proposal)
    page = LearningEventPage(
        title=proposal.title,
        slug=find_available_slug(parent, slugify(proposal.title) or "session"),
        introduction=proposal.summary,
        body=_body(proposal),
        live=False,
        owner=actor,
    )
    parent.add_child(instance=page)
    page.save_revision(user=actor, log_action=True)
    return page


def _programme_in_language(proposal: Proposal) -> Page:
    programme = ProgrammePage.objects.get(pk=proposal.call.get_parent().pk)
    locale = Locale.objects.filter(language_code=proposal.language).first()
    parent = programme.get_translation_or_none(locale) if locale else None
    if parent is None:
        raise ValidationError(
            _(
                "The programme has no page in the proposal's language yet: "
                "translate the programme first, then accept."
            ),
            code="programme_not_in_language",
        )
    return parent


def _body(proposal: Proposal) -> list[tuple[str, Any]]:
    """Heading and paragraph per text, the headings in the proposal's language."""
    body: list[tuple[str, Any]] = []
    with translation.override(proposal.language):
        for field, heading in BODY_SECTIONS:
            text = getattr(proposal, field).strip()
            if text:
                body.append(("heading", {"text": str(heading), "level": "h2"}))
                body.append(("paragraph", linebreaks(text, autoescape=True)))
    return body
