"""The pages an offered organisation answers its offer on, from the email's links."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from .models import Enrolment
from .offers import (
    enrolment_offer_get,
    offer_deadline,
    offer_has_lapsed,
    offer_is_open,
)
from .services import enrolment_offer_accept, enrolment_offer_decline

OFFER_ANSWERS: dict[str, Callable[..., Enrolment]] = {
    "accept": enrolment_offer_accept,
    "decline": enrolment_offer_decline,
}
# What the page says when the service refuses the answer, by the error's code.
REFUSED_STATES = {"not_offered": "answered", "offer_expired": "lapsed"}


@csrf_protect
@require_http_methods(["GET", "POST"])
def offer_answer(request: HttpRequest, token: str, answer: str) -> HttpResponse:
    """Accept or decline an offered place: GET asks, POST answers.

    Access: whoever holds the signed link from the offer email (no account).
    Mail scanners that open links only GET, so they never answer.
    """
    enrolment = enrolment_offer_get(token=token)
    if enrolment is None:
        return _render(request, state="invalid", status=404)
    if offer_has_lapsed(enrolment=enrolment):
        return _render(request, enrolment=enrolment, answer=answer, state="lapsed")
    if not offer_is_open(enrolment=enrolment):
        return _render(request, enrolment=enrolment, answer=answer, state="answered")
    if request.method == "POST":
        try:
            enrolment = OFFER_ANSWERS[answer](enrolment=enrolment)
        except ValidationError as error:
            if error.code not in REFUSED_STATES:
                raise
            # Answered in another tab or by another representative meanwhile, or
            # the deadline passed while the page was open.
            state = REFUSED_STATES[str(error.code)]
            return _render(request, enrolment=enrolment, answer=answer, state=state)
        return _render(request, enrolment=enrolment, answer=answer, state="done")
    return _render(request, enrolment=enrolment, answer=answer, state="ask")


def _render(
    request: HttpRequest,
    *,
    state: str,
    enrolment: Enrolment | None = None,
    answer: str = "",
    status: int = 200,
) -> HttpResponse:
    context: dict[str, Any] = {
        "state": state,
        "answer": answer,
        "enrolment": enrolment,
    }
    if enrolment is not None:
        context.update(
            edition=enrolment.edition,
            programme=enrolment.edition.programme.localized,
            deadline=offer_deadline(enrolment=enrolment),
            time_zone=enrolment.edition.time_zone,
        )
    return render(
        request, "learning/enrolments/offer_answer.html", context, status=status
    )
