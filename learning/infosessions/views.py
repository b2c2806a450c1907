"""Public pages for signing up for an information session."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from learning.core.consent import consent_label
from learning.core.forms import form_errors_add

from .forms import InfoSessionSignUpForm
from .models import InfoSession
from .selectors import infosession_signup_state
from .services import infosession_register

# Where each service error is shown; the rest go above the form.
FIELD_OF_CODE = {
    "consent_required": "consent",
    "name_required": "name",
    "invalid": "email",
}


@csrf_protect
@require_http_methods(["GET", "POST"])
def infosession_sign_up(request: HttpRequest, session_id: int) -> HttpResponse:
    """Sign up for an information session.

    Access: public (anonymous visitors allowed); the POST is CSRF-protected.
    """
    session = _session_get(session_id)
    form = InfoSessionSignUpForm(
        request.POST or None,
        initial={"language": translation.get_language()},
        consent_label=consent_label(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = infosession_register(session=session, **form.cleaned_data)
        except ValidationError as error:
            form_errors_add(form=form, error=error, field_of_code=FIELD_OF_CODE)
        else:
            # What the visitor typed, never the stored registration: a repeat
            # must not show who signed up with that address first.
            request.session[_session_key(session.pk)] = {
                "name": result.name,
                "email": result.email,
            }
            return redirect("infosessions:done", session_id=session.pk)
    return render(
        request,
        "learning/infosessions/sign_up_form.html",
        {
            "session": session,
            "programme": session.programme.localized,
            "time_zone": session.programme.time_zone,
            "state": infosession_signup_state(session=session),
            "form": form,
        },
    )


@require_http_methods(["GET"])
def infosession_sign_up_done(request: HttpRequest, session_id: int) -> HttpResponse:
    """The confirmation after signing up.

    Access: public, but only the browser session that signed up sees it.
    """
    session = _session_get(session_id)
    signed_up = request.session.get(_session_key(session.pk))
    if not isinstance(signed_up, dict):
        return redirect("infosessions:sign-up", session_id=session.pk)
    return render(
        request,
        "learning/infosessions/sign_up_done.html",
        {
            "session": session,
            "programme": session.programme.localized,
            "time_zone": session.programme.time_zone,
            "signed_up": signed_up,
        },
    )


def _session_get(session_id: int) -> InfoSession:
    session = get_object_or_404(
        InfoSession.objects.select_related("programme"), pk=session_id
    )
    if not session.programme.live:
        raise Http404
    return session


def _session_key(session_id: int) -> str:
    return f"infosessions:session:{session_id}"
