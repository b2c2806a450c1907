"""The participant's survey pages: their open surveys, and one survey to answer."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from learning.core.forms import form_errors_add

from .forms import SurveyAnswerForm, field_name
from .models import SurveyInvitation
from .selectors import (
    invitation_get_by_token,
    invitation_list_open_for_user,
    occasion_of,
    occasion_window,
    survey_answer_state,
    survey_in_language,
)
from .services import survey_answers_save

# The service's errors name no field: they are shown above the form (the form's
# own checks mark their fields).


@login_required
@require_http_methods(["GET"])
def survey_list(request: HttpRequest) -> HttpResponse:
    """The signed-in person's surveys that accept answers now.

    Access: signed-in people; each sees only their own invitations.
    """
    items = invitation_list_open_for_user(user=request.user, now=timezone.now())
    language = _language()
    for item in items:
        item.extra["title"] = survey_in_language(
            survey=item.invitation.survey, language=language
        ).title
        item.extra["occasion"] = occasion_of(item.invitation).label
    return render(request, "learning/mel/survey_list.html", {"items": items})


@csrf_protect
@require_http_methods(["GET", "POST"])
def survey_answer(request: HttpRequest, token: str) -> HttpResponse:
    """Answer one survey on one page; save a draft or send; change until it closes.

    Access: whoever holds the invitation's link (the token is the key, as in the
    email); no account needed. The POST is CSRF-protected.
    """
    invitation = _invitation_get(token)
    state = survey_answer_state(
        invitation=invitation, language=_language(), now=timezone.now()
    )
    form = SurveyAnswerForm(
        request.POST if request.method == "POST" else None,
        questions=state.questions,
        initial={field_name(key): value for key, value in state.answers.items()},
    )
    if request.method == "POST" and state.editable and form.is_valid():
        submit = request.POST.get("action") == "send"
        try:
            survey_answers_save(
                invitation=invitation,
                answers=form.answers(),
                language=_language(),
                submit=submit,
            )
        except ValidationError as error:
            form_errors_add(form=form, error=error)
        else:
            done = "sent" if submit or state.submitted else "saved"
            return redirect(f"{request.path}?done={done}")
    return render(
        request,
        "learning/mel/survey_answer.html",
        {
            "state": state,
            "form": form,
            "done": request.GET.get("done") if request.method == "GET" else "",
        },
    )


def _invitation_get(token: str) -> SurveyInvitation:
    try:
        invitation = invitation_get_by_token(token=token)
        # A survey whose occasion changed (e.g. a meeting moved to another
        # edition) has no window any more: as good as gone.
        occasion_window(survey=invitation.survey, occasion=occasion_of(invitation))
    except (SurveyInvitation.DoesNotExist, ValidationError):
        raise Http404 from None
    return invitation


def _language() -> str:
    return translation.get_language() or "en"
