"""Public pages for registering for a seminar run and cancelling from the link."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from learning.catalogue.enums import ProgrammeFormat
from learning.catalogue.selectors import programme_target_groups
from learning.core.consent import consent_label
from learning.core.forms import form_errors_add
from learning.editions.models import Edition

from .enums import RegistrationStatus
from .forms import RegistrationForm
from .links import registration_from_token
from .selectors import registration_state
from .services import registration_cancel, registration_submit

# Where each service error is shown; the rest go above the form.
FIELD_OF_CODE = {
    "consent_required": "consent",
    "name_required": "name",
    "invalid": "email",
    "unknown_target_group": "target_group",
}


@csrf_protect
@require_http_methods(["GET", "POST"])
def registration_form(request: HttpRequest, edition_id: int) -> HttpResponse:
    """Register for a seminar run: who one is and one's target group.

    Access: public (anonymous visitors allowed); the POST is CSRF-protected.
    """
    edition = _edition_get(edition_id)
    programme = _programme(edition)
    form = RegistrationForm(
        request.POST or None,
        initial={"language": translation.get_language()},
        consent_label=consent_label(),
        target_groups=programme_target_groups(programme=programme),
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = registration_submit(edition=edition, **form.service_data())
        except ValidationError as error:
            form_errors_add(form=form, error=error, field_of_code=FIELD_OF_CODE)
        else:
            # What the visitor typed, never the stored registration: a repeat
            # must not show who registered with that address first.
            request.session[_session_key(edition.pk)] = {
                "name": result.name,
                "email": result.email,
                "waitlisted": result.waitlisted,
            }
            return redirect("registrations:done", edition_id=edition.pk)
    return render(
        request,
        "learning/registrations/register_form.html",
        {**_context(edition, programme), "form": form},
    )


@require_http_methods(["GET"])
def registration_done(request: HttpRequest, edition_id: int) -> HttpResponse:
    """The confirmation after registering.

    Access: public, but only the browser session that registered sees it.
    """
    edition = _edition_get(edition_id)
    registered = request.session.get(_session_key(edition.pk))
    if not isinstance(registered, dict):
        return redirect("registrations:register", edition_id=edition.pk)
    return render(
        request,
        "learning/registrations/register_done.html",
        {**_context(edition, _programme(edition)), "registered": registered},
    )


@csrf_protect
@require_http_methods(["GET", "POST"])
def registration_cancel_page(request: HttpRequest, token: str) -> HttpResponse:
    """See one's registration and cancel it, from the link in its email.

    Access: whoever holds the signed link (no account); a forged or outdated
    link is a 404. The POST is CSRF-protected; the service refuses once the
    run has started.
    """
    registration = registration_from_token(token=token)
    if registration is None or not registration.edition.programme.live:
        raise Http404
    error = None
    if request.method == "POST":
        try:
            registration = registration_cancel(registration=registration)
        except ValidationError as refused:
            error = refused.messages[0]
        else:
            return redirect("registrations:cancel", token=token)
    edition = registration.edition
    return render(
        request,
        "learning/registrations/cancel.html",
        {
            **_context(edition, _programme(edition)),
            "registration": registration,
            "cancelled": registration.status == RegistrationStatus.CANCELLED,
            "waitlisted": registration.status == RegistrationStatus.WAITLISTED,
            "error": error,
        },
    )


def _edition_get(edition_id: int) -> Edition:
    edition = get_object_or_404(
        Edition.objects.select_related("programme"), pk=edition_id
    )
    programme = edition.programme
    if not programme.live or programme.programme_format != ProgrammeFormat.SEMINAR:
        raise Http404
    return edition


def _programme(edition: Edition) -> Any:
    localized = edition.programme.localized
    return localized if localized.live else edition.programme


def _context(edition: Edition, programme: Any) -> dict[str, Any]:
    return {
        "edition": edition,
        "programme": programme,
        "state": registration_state(edition=edition),
    }


def _session_key(edition_id: int) -> str:
    return f"registrations:edition:{edition_id}"
