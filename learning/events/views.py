"""Public pages for answering a learning event's invitation and changing the answer."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from learning.core.consent import consent_label
from learning.core.forms import form_errors_add

from .forms import EventRsvpChangeForm, EventRsvpForm, attending_initial
from .links import rsvp_from_token
from .models import Event, EventRsvp
from .selectors import event_rsvp_state
from .services import rsvp_change, rsvp_submit

# Where each service error is shown; the rest go above the form.
FIELD_OF_CODE = {
    "consent_required": "consent",
    "name_required": "name",
    "invalid": "email",
    "event_full": "attending",
}


@csrf_protect
@require_http_methods(["GET", "POST"])
def event_rsvp(request: HttpRequest, event_id: int) -> HttpResponse:
    """Answer an event's invitation: attending or not, and who is answering.

    Access: public (anonymous visitors allowed); the POST is CSRF-protected.
    """
    event = _event_get(event_id)
    form = EventRsvpForm(
        request.POST or None,
        initial={"language": translation.get_language()},
        consent_label=consent_label(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = rsvp_submit(event=event, **form.cleaned_data)
        except ValidationError as error:
            form_errors_add(form=form, error=error, field_of_code=FIELD_OF_CODE)
        else:
            # What the visitor typed, never the stored answer: a repeat must not
            # show what the first person with that address answered.
            request.session[_session_key(event.pk)] = {
                "name": result.name,
                "email": result.email,
                "attending": result.attending,
            }
            return redirect("events:rsvp-done", event_id=event.pk)
    return render(
        request,
        "learning/events/rsvp_form.html",
        {**_event_context(event), "form": form},
    )


@require_http_methods(["GET"])
def event_rsvp_done(request: HttpRequest, event_id: int) -> HttpResponse:
    """The thanks after answering.

    Access: public, but only the browser session that answered sees it.
    """
    event = _event_get(event_id)
    answered = request.session.get(_session_key(event.pk))
    if not isinstance(answered, dict):
        return redirect("events:rsvp", event_id=event.pk)
    return render(
        request,
        "learning/events/rsvp_done.html",
        {**_event_context(event), "answered": answered},
    )


@csrf_protect
@require_http_methods(["GET", "POST"])
def event_rsvp_change(request: HttpRequest, token: str) -> HttpResponse:
    """See one's answer and switch it, from the link in the confirmation email.

    Access: whoever holds the signed link (no account); a forged or outdated link
    is a 404. The POST is CSRF-protected; the service refuses after the deadline.
    """
    rsvp = rsvp_from_token(token=token)
    if rsvp is None or not rsvp.event.page.live:
        raise Http404
    form = EventRsvpChangeForm(
        request.POST or None, initial={"attending": attending_initial(rsvp.attending)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            rsvp = rsvp_change(rsvp=rsvp, attending=form.cleaned_data["attending"])
        except ValidationError as error:
            form_errors_add(form=form, error=error, field_of_code=FIELD_OF_CODE)
        else:
            request.session[_changed_key(rsvp.pk)] = True
            return redirect("events:rsvp-change", token=token)
    return _change_page(request, rsvp=rsvp, form=form)


def _change_page(
    request: HttpRequest, *, rsvp: EventRsvp, form: EventRsvpChangeForm
) -> HttpResponse:
    changed = request.session.pop(_changed_key(rsvp.pk), False)
    return render(
        request,
        "learning/events/rsvp_change.html",
        {**_event_context(rsvp.event), "rsvp": rsvp, "form": form, "changed": changed},
    )


def _event_get(event_id: int) -> Event:
    event = get_object_or_404(Event.objects.select_related("page"), pk=event_id)
    if not event.page.live:
        raise Http404
    return event


def _event_context(event: Event) -> dict[str, Any]:
    page = event.page.localized
    return {
        "event": event,
        "event_page": page if page.live else event.page,
        "time_zone": event.time_zone,
        "state": event_rsvp_state(event=event),
    }


def _session_key(event_id: int) -> str:
    return f"events:rsvp:{event_id}"


def _changed_key(rsvp_id: int) -> str:
    return f"events:rsvp-changed:{rsvp_id}"
