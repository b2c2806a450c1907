"""Public pages for enrolling an organisation in an edition."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from learning.catalogue.selectors import module_list_for_programme
from learning.core.consent import consent_label
from learning.core.forms import form_errors_add
from learning.editions.models import Edition

from .display import ENROLLING_STATUSES, module_choices
from .forms import (
    OrganisationEnrolmentForm,
    representative_formset,
    representatives_of,
)
from .selectors import edition_get_availability
from .services import enrolment_create

# Where each service error is shown; the rest go above the form.
FORM_FIELD_OF_CODE = {
    "consent_required": "consent",
    "organisation_name_required": "organisation_name",
    "unknown_module": "modules",
}
REPRESENTATIVE_CODES = {
    "too_few_representatives",
    "too_many_representatives",
    "duplicate_person",
    "representative_name_required",
    "unknown_language",
    "invalid",
}
FORM_FIELD_OF_MODEL_FIELD = {
    "name": "organisation_name",
    "country": "organisation_country",
    "website": "organisation_website",
}


@csrf_protect
@require_http_methods(["GET", "POST"])
def enrolment_form(request: HttpRequest, edition_id: int) -> HttpResponse:
    """Enrol an organisation in an edition.

    Access: public (anonymous visitors allowed); the POST is CSRF-protected.
    """
    edition = _edition_get(edition_id)
    modules = module_list_for_programme(programme=edition.programme)
    locked = [str(m.pk) for m in modules if m.is_required_first]
    form = OrganisationEnrolmentForm(
        request.POST or None,
        module_choices=module_choices(modules=modules),
        locked_modules=locked,
        consent_label=consent_label(for_organisation=True),
    )
    formset = representative_formset(
        data=request.POST or None,
        maximum=edition.max_representatives,
        language=translation.get_language(),
    )
    representative_errors: list[str] = []
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            enrolment_create(**_service_input(edition, form, formset))
        except ValidationError as error:
            representative_errors = _errors_show(error, form)
        else:
            # New or repeated, the visitor hears the same; details go by email.
            request.session[_session_key(edition.pk)] = True
            return redirect("enrolments:result", edition_id=edition.pk)
    availability = edition_get_availability(edition=edition)
    return render(
        request,
        "learning/enrolments/enrolment_form.html",
        {
            "edition": edition,
            "programme": edition.programme.localized,
            "availability": availability,
            "is_enrolling": availability.status in ENROLLING_STATUSES,
            "form": form,
            "formset": formset,
            "representative_errors": representative_errors,
        },
    )


@require_http_methods(["GET"])
def enrolment_result(request: HttpRequest, edition_id: int) -> HttpResponse:
    """Thanks for a sent form; the same page whatever the edition held before.

    Access: public, but only the browser session that sent the form sees it.
    """
    edition = _edition_get(edition_id)
    if not request.session.get(_session_key(edition.pk)):
        return redirect("enrolments:enrol", edition_id=edition.pk)
    return render(
        request,
        "learning/enrolments/enrolment_result.html",
        {"edition": edition, "programme": edition.programme.localized},
    )


def _edition_get(edition_id: int) -> Edition:
    edition = get_object_or_404(
        Edition.objects.select_related("programme"), pk=edition_id
    )
    if not edition.programme.live:
        raise Http404
    return edition


def _session_key(edition_id: int) -> str:
    return f"enrolments:edition:{edition_id}"


def _service_input(edition: Edition, form: Any, formset: Any) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "edition": edition,
        "organisation_name": data["organisation_name"],
        "organisation_country": data["organisation_country"],
        "organisation_website": data["organisation_website"],
        "representatives": representatives_of(formset),
        "module_ids": [int(pk) for pk in data["modules"]],
        "consent": data["consent"],
        "idempotency_key": data["submission_key"],
    }


def _errors_show(error: ValidationError, form: OrganisationEnrolmentForm) -> list[str]:
    """Put the service's errors on the form; return those about the people."""
    return form_errors_add(
        form=form,
        error=error,
        field_of_code=FORM_FIELD_OF_CODE,
        field_of_name=FORM_FIELD_OF_MODEL_FIELD,
        set_aside=_is_about_people,
    )


def _is_about_people(name: str | None, item: ValidationError) -> bool:
    return item.code in REPRESENTATIVE_CODES or name == "representatives"
