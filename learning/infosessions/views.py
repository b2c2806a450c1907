"""Public pages for signing up for an information session."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from learning.enrolments.display import privacy_statement_url

from .forms import InfoSessionSignUpForm
from .models import InfoSession
from .selectors import infosession_places_left
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
        consent_label=_consent_label(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = infosession_register(session=session, **form.cleaned_data)
        except ValidationError as error:
            _errors_show(form, error)
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
            "places_left": infosession_places_left(session=session),
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


def _errors_show(form: InfoSessionSignUpForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, items in error.error_dict.items():
            form.add_error(name if name in form.fields else None, items)
        return
    for item in error.error_list:
        form.add_error(FIELD_OF_CODE.get(item.code or ""), item)


def _session_get(session_id: int) -> InfoSession:
    session = get_object_or_404(
        InfoSession.objects.select_related("programme"), pk=session_id
    )
    if not session.programme.live:
        raise Http404
    return session


def _session_key(session_id: int) -> str:
    return f"infosessions:session:{session_id}"


def _consent_label() -> str:
    url = privacy_statement_url()
    if not url:
        return _("I agree that my data is kept as the privacy statement explains.")
    return format_html(
        _("I agree that my data is kept as the {link} explains."),
        link=format_html('<a href="{}">{}</a>', url, _("privacy statement")),
    )
