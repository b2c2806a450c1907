"""Writes of a member's side of a call: drafts, submission, withdrawal, answers.

A member proposes for their organisation: colleagues of one organisation share
its proposals (whoever is available edits, answers or withdraws), so every rule
here checks the organisation, not the person who started the draft.
"""

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Field
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from learning.core import conf

from .emails import proposal_answer_email, proposal_submitted_email
from .enums import DECIDED_STATUSES, ProposalStatus
from .models import CallForProposalsPage, Membership, Proposal, ProposalQuestion
from .selectors import call_is_open, call_source, membership_for

# What a member may write in a draft; the rest is the workflow's.
DRAFT_FIELDS = (
    "language",
    "title",
    "summary",
    "lessons_learned",
    "results",
    "partners",
    "session_languages",
    "preferred_month",
)
# What the secretariat needs to judge a proposal.
REQUIRED_TO_SUBMIT = (
    "title",
    "summary",
    "lessons_learned",
    "results",
    "session_languages",
    "preferred_month",
)


def proposal_draft_save(
    *,
    call: CallForProposalsPage,
    user: Any,
    data: Mapping[str, Any],
    proposal: Proposal | None = None,
) -> Proposal:
    """Start a draft for the member's organisation, or change `proposal` (a draft)."""
    with transaction.atomic():
        if proposal is None:
            membership = _member_validate(user=user, call=call)
            draft = _draft_new(call=call, membership=membership)
        else:
            draft = _locked(proposal)
            _organisation_validate(user=user, proposal=draft)
            _draft_validate(draft)
        _open_validate(draft.call)
        _draft_apply(draft, data)
        draft.full_clean()
        draft.save()
    return draft


def proposal_submit(
    *, proposal: Proposal, user: Any, alignment_confirmed: bool
) -> Proposal:
    """Send a complete draft to the secretariat while the call is open."""
    with transaction.atomic():
        # Locked: two clicks on "Submit" make one submission and one email.
        locked = _locked(proposal)
        _organisation_validate(user=user, proposal=locked)
        _draft_validate(locked)
        _open_validate(locked.call)
        _complete_validate(locked, alignment_confirmed=alignment_confirmed)
        now = timezone.now()
        locked.status = ProposalStatus.SUBMITTED
        locked.alignment_confirmed_at = locked.submitted_at = now
        locked.save(update_fields=_WORKFLOW_FIELDS)
        proposal_submitted_email(proposal=locked)
    return locked


def proposal_withdraw(*, proposal: Proposal, user: Any) -> Proposal:
    """Take back a draft or a submitted proposal that is not decided yet."""
    with transaction.atomic():
        locked = _locked(proposal)
        _organisation_validate(user=user, proposal=locked)
        if locked.status in DECIDED_STATUSES:
            raise ValidationError(
                _("The secretariat has already decided on this proposal."),
                code="proposal_decided",
            )
        if locked.status != ProposalStatus.WITHDRAWN:  # withdrawing twice: done
            locked.status = ProposalStatus.WITHDRAWN
            locked.save(update_fields=["status", "updated_at"])
    return locked


def question_answer(
    *, question: ProposalQuestion, user: Any, answer: str
) -> ProposalQuestion:
    """Answer the secretariat's question on the organisation's proposal, once."""
    with transaction.atomic():
        locked = ProposalQuestion.objects.select_for_update().get(pk=question.pk)
        _organisation_validate(user=user, proposal=locked.proposal)
        if locked.answered_at is not None:
            raise ValidationError(
                _("This question has already been answered."),
                code="question_answered",
            )
        locked.answer = (answer or "").strip()
        if not locked.answer:
            raise ValidationError(_("Write an answer."), code="answer_required")
        locked.answered_at = timezone.now()
        locked.full_clean()
        locked.save(update_fields=["answer", "answered_at"])
        proposal_answer_email(question=locked)
    return locked


_WORKFLOW_FIELDS = [
    "status",
    "alignment_confirmed_at",
    "submitted_at",
    "updated_at",
]


def _field_label(name: str) -> StrOrPromise:
    field = Proposal._meta.get_field(name)
    assert isinstance(field, Field)  # noqa: S101 (the proposal's own fields are named)
    return field.verbose_name


def _draft_new(*, call: CallForProposalsPage, membership: Membership) -> Proposal:
    return Proposal(
        call=call_source(call=call),
        proposer=membership.user,
        organisation=membership.organisation,
        language=_language_default(membership.user),
    )


def _language_default(user: Any) -> str:
    known = {code for code, _name in conf.delivery_languages()}
    preferred = getattr(user, "preferred_language", "")
    return preferred if preferred in known else next(iter(known), "en")


def _draft_apply(draft: Proposal, data: Mapping[str, Any]) -> None:
    for name in DRAFT_FIELDS:
        if name in data:
            setattr(draft, name, _cleaned(name, data[name]))


def _cleaned(name: str, value: Any) -> Any:
    if name == "preferred_month" and isinstance(value, date):
        return value.replace(day=1)  # a month is kept as its first day
    if name == "session_languages":
        return list(dict.fromkeys(value or []))
    if isinstance(value, str):
        return value.strip()
    return value


def _locked(proposal: Proposal) -> Proposal:
    return (
        Proposal.objects.select_for_update()
        .select_related("call", "organisation")
        .get(pk=proposal.pk)
    )


def _member_validate(*, user: Any, call: CallForProposalsPage) -> Membership:
    membership = membership_for(user=user, call=call)
    if membership is None:
        raise ValidationError(
            _("Only members of the programme may propose sessions."),
            code="not_member",
        )
    return membership


def _organisation_validate(*, user: Any, proposal: Proposal) -> None:
    membership = membership_for(user=user, call=proposal.call)
    if membership is None or membership.organisation_id != proposal.organisation_id:
        raise ValidationError(
            _("Only members of the proposing organisation may change this proposal."),
            code="not_member",
        )


def _draft_validate(proposal: Proposal) -> None:
    if proposal.status != ProposalStatus.DRAFT:
        raise ValidationError(
            _("Only a draft can be changed or submitted."), code="proposal_not_draft"
        )


def _open_validate(call: CallForProposalsPage) -> None:
    if not call_is_open(call=call):
        raise ValidationError(
            _("The call is not open: it takes proposals only between its dates."),
            code="call_not_open",
        )


def _complete_validate(proposal: Proposal, *, alignment_confirmed: bool) -> None:
    # Every missing piece at once, by field, so that a form marks each one.
    errors = {
        name: ValidationError(
            _("Fill in “%(field)s” to submit the proposal."),
            code="proposal_incomplete",
            params={"field": _field_label(name)},
        )
        for name in REQUIRED_TO_SUBMIT
        if not getattr(proposal, name)
    }
    if not alignment_confirmed:
        errors["alignment_confirmed_at"] = ValidationError(
            _("Confirm that the session is aligned with the call."),
            code="alignment_not_confirmed",
        )
    if errors:
        raise ValidationError(errors)
