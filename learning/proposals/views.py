"""The member's pages of a call: the proposal form, "My proposals", answers, withdrawal.

Members propose for their organisation; colleagues of one organisation share its
proposals, and nobody else learns that a proposal exists (404).
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learning.core.forms import form_errors_add

from .enums import DECIDED_STATUSES, ProposalStatus
from .forms import AnswerForm, ProposalForm
from .models import CallForProposalsPage, Proposal, ProposalQuestion
from .selectors import (
    call_overview,
    membership_for,
    proposals_of_user,
    question_of_user_get,
)
from .services import (
    proposal_draft_save,
    proposal_submit,
    proposal_withdraw,
    question_answer,
)

# Where each service error is shown; the rest go above the form.
FIELD_OF_CODE = {"alignment_not_confirmed": "alignment", "answer_required": "answer"}
SUBMIT = "submit"


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request: HttpRequest, call_id: int) -> HttpResponse:
    """Start a proposal to a call: save it as a draft or submit it.

    Access: signed-in members of the call's programme (others: sign-in, or 403
    with an explanation); the POST is CSRF-protected.
    """
    call = _call_get(call_id)
    if membership_for(user=request.user, call=call) is None:
        return _not_member(request, call)
    return _proposal_form(request, call=call, proposal=None)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change one's organisation's draft, then save it again or submit it.

    Access: signed-in members of the proposing organisation (others: 404).
    """
    proposal = _proposal_get(request, pk)
    if proposal.status != ProposalStatus.DRAFT:
        return redirect("proposals:detail", pk=proposal.pk)
    return _proposal_form(request, call=_localized(proposal.call), proposal=proposal)


@never_cache
@login_required
@require_GET
def proposal_list(request: HttpRequest) -> HttpResponse:
    """ "My proposals": the proposals of the user's organisations, with their status.

    Access: signed-in users; someone who is no member sees an empty list.
    """
    proposals = list(proposals_of_user(user=request.user))
    for proposal in proposals:
        # An attribute for the template only.
        proposal.call_page = _localized(proposal.call)  # type: ignore[attr-defined]
    return render(request, "learning/proposals/list.html", {"proposals": proposals})


@never_cache
@login_required
@require_GET
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One proposal: its status, text, questions to answer and the decision.

    Access: signed-in members of the proposing organisation (others: 404).
    """
    return _detail_page(request, _proposal_get(request, pk))


@never_cache
@login_required
@require_POST
def question_answer_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Answer a question of the secretariat (POST from the proposal's page).

    Access: signed-in members of the proposing organisation (others: 404).
    """
    question = _question_get(request, pk)
    form = AnswerForm(request.POST, question_id=question.pk)
    if form.is_valid():
        try:
            question_answer(
                question=question,
                user=request.user,
                answer=form.cleaned_data["answer"],
            )
        except ValidationError as error:
            form_errors_add(form=form, error=error, field_of_code=FIELD_OF_CODE)
        else:
            messages.success(request, _("Thank you: your answer was sent."))
            return redirect("proposals:detail", pk=question.proposal_id)
    proposal = _proposal_get(request, question.proposal_id)
    return _detail_page(request, proposal, forms={question.pk: form}, status=400)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def proposal_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then withdraw a proposal that is not decided yet.

    Access: signed-in members of the proposing organisation (others: 404); the
    POST is CSRF-protected.
    """
    proposal = _proposal_get(request, pk)
    error = None
    if request.method == "POST":
        try:
            proposal_withdraw(proposal=proposal, user=request.user)
        except ValidationError as raised:
            error = raised
        else:
            messages.success(request, _("The proposal is withdrawn."))
            return redirect("proposals:list")
    return render(
        request,
        "learning/proposals/withdraw.html",
        {"proposal": proposal, "call_page": _localized(proposal.call), "error": error},
        status=400 if error else 200,
    )


def _proposal_form(
    request: HttpRequest, *, call: CallForProposalsPage, proposal: Proposal | None
) -> HttpResponse:
    form = ProposalForm(
        request.POST or None,
        instance=proposal,
        alignment_statement=call.alignment_statement,
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save(request, call=call, proposal=proposal, form=form)
        except ValidationError as error:
            form_errors_add(form=form, error=error, field_of_code=FIELD_OF_CODE)
        else:
            return redirect("proposals:detail", pk=saved.pk)
    context = {
        "call_page": call,
        "overview": call_overview(call=call),
        "form": form,
        "proposal": proposal,
    }
    status = 400 if form.errors else 200
    return render(request, "learning/proposals/form.html", context, status=status)


def _save(
    request: HttpRequest,
    *,
    call: CallForProposalsPage,
    proposal: Proposal | None,
    form: ProposalForm,
) -> Proposal:
    # One transaction: a refused submission leaves no new or changed draft.
    with transaction.atomic():
        saved = proposal_draft_save(
            call=call, user=request.user, data=form.draft_data(), proposal=proposal
        )
        if request.POST.get("action") != SUBMIT:
            messages.success(request, _("Your draft is saved."))
            return saved
        saved = proposal_submit(
            proposal=saved,
            user=request.user,
            alignment_confirmed=form.cleaned_data["alignment"],
        )
    messages.success(
        request, _("Thank you: your proposal is submitted. We sent you a confirmation.")
    )
    return saved


def _detail_page(
    request: HttpRequest,
    proposal: Proposal,
    *,
    forms: dict[int, AnswerForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    forms = forms or {}
    questions = list(proposal.questions.all())
    for question in questions:
        if question.answered_at is None:
            # An attribute for the template only.
            question.form = forms.get(question.pk) or AnswerForm(  # type: ignore[attr-defined]
                question_id=question.pk
            )
    context = {
        "proposal": proposal,
        "call_page": _localized(proposal.call),
        "questions": questions,
        "may_withdraw": proposal.status
        not in {*DECIDED_STATUSES, ProposalStatus.WITHDRAWN},
        "session_page": _session_page(proposal),
    }
    return render(request, "learning/proposals/detail.html", context, status=status)


def _not_member(request: HttpRequest, call: CallForProposalsPage) -> HttpResponse:
    return render(
        request, "learning/proposals/not_member.html", {"call_page": call}, status=403
    )


def _call_get(call_id: int) -> CallForProposalsPage:
    call = get_object_or_404(CallForProposalsPage.objects.live(), pk=call_id)
    return _localized(call)


def _localized(call: CallForProposalsPage) -> CallForProposalsPage:
    """The call in the reader's language when it is published in it."""
    localized = call.localized
    return localized if localized.live else call


def _session_page(proposal: Proposal) -> Any:
    page = proposal.session_page
    if page is None or not page.live:
        return None  # accepted, but the session's page is not published yet
    localized = page.localized
    return localized if localized.live else page


def _proposal_get(request: HttpRequest, pk: int) -> Proposal:
    return get_object_or_404(proposals_of_user(user=request.user), pk=pk)


def _question_get(request: HttpRequest, pk: int) -> ProposalQuestion:
    try:
        return question_of_user_get(user=request.user, pk=pk)
    except ProposalQuestion.DoesNotExist as error:
        raise Http404 from error
