"""Seminar registration endpoints: registering a person for a seminar run, and
a run's registrations for coordinators.

Who may call: registering, anyone, no account needed (throttled per address;
a key must carry `learning:write`); the list, coordinators only (signed-in
people, never an app's key). Cancelling is done from the link in the email.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response

from learning.catalogue.enums import ProgrammeFormat
from learning.editions.models import Edition
from learning.enrolments.membership import user_is_coordinator
from learning.registrations.models import Registration
from learning.registrations.selectors import (
    registration_group_counts,
    registration_list,
    registration_state,
    registration_target_group_names,
)
from learning.registrations.services import registration_submit

from ..pagination import ApiPagination
from ..throttling import AddressRateThrottle
from . import serializers_registrations as s
from .shared import (
    IDEMPOTENCY,
    LIST_PAGE,
    NOT_COORDINATOR,
    SignUpView,
    person_answers,
    request_values,
)

TAGS = ["learning"]
ID_PATH = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="Edition (seminar run) id."
)
NOT_FOUND = OpenApiResponse(
    description="No such edition, not a seminar's run, or its programme not live."
)


class RegistrationThrottle(AddressRateThrottle):
    """Anonymous seminar registrations, per address
    (API_SEMINAR_REGISTRATION_RATE): each one sends an email."""

    scope = "seminar_registration"


def _run(pk: int) -> Edition:
    """The edition when it is a run of a live seminar programme; else 404."""
    edition = get_object_or_404(Edition.objects.select_related("programme"), pk=pk)
    programme = edition.programme
    if not programme.live or programme.programme_format != ProgrammeFormat.SEMINAR:
        raise exceptions.NotFound()
    return edition


class EditionRegistrationsView(SignUpView):
    """POST: register a person for a seminar run: a place, or the waitlist when
    every place is taken; a confirmation email follows (with the run's days
    as a calendar file when a place is theirs, and a cancel link). Anyone, no
    account needed (throttled per address); a key needs `learning:write`. The
    answer echoes the request (normalised): the same email again changes
    nothing, answers like the first time and emails that person their link.

    GET: the run's registrations with counts per target group.

    Access: POST anyone (a key needs `learning:write`); GET coordinators only
    (signed-in people; others 403 `coordinator_required`, an app's key 403
    `person_required`)."""

    signup_throttle = RegistrationThrottle

    @extend_schema(
        tags=TAGS,
        operation_id="editions_registrations_list",
        parameters=[ID_PATH, *LIST_PAGE],
        responses={
            200: s.SeminarRegistrationListSerializer,
            403: NOT_COORDINATOR,
            404: NOT_FOUND,
        },
    )
    def get(self, request: Request, id: int) -> Response:
        if not user_is_coordinator(user=request.user):
            raise exceptions.PermissionDenied(
                _("Only coordinators see a seminar run's registrations."),
                code="coordinator_required",
            )
        edition = _run(id)
        paginator = ApiPagination()
        rows = paginator.page(registration_list(edition=edition), request, view=self)
        names = registration_target_group_names(edition=edition)
        state = registration_state(edition=edition)
        body = {
            "edition": {
                "id": edition.pk,
                "title": edition.label,
                "places": state.places,
                "places_left": state.places_left,
            },
            "groups": [
                vars(group) for group in registration_group_counts(edition=edition)
            ],
            "count": paginator.count,
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            "results": [_row(row, names) for row in rows],
        }
        return Response(s.SeminarRegistrationListSerializer(body).data)

    @extend_schema(
        tags=TAGS,
        operation_id="editions_registrations_create",
        request=s.SeminarRegistrationRequestSerializer,
        parameters=[ID_PATH, IDEMPOTENCY],
        responses={
            201: s.SeminarRegistrationReceivedSerializer,
            400: OpenApiResponse(
                description="Invalid input, or a rule refused the registration: "
                "`registration_not_open`, `registration_closed`, "
                "`unknown_target_group`, `consent_required`, `name_required`."
            ),
            404: NOT_FOUND,
            409: OpenApiResponse(description="Same key, still in progress."),
            422: OpenApiResponse(description="Same key, another body."),
            429: OpenApiResponse(
                description="Too many registrations from this address."
            ),
        },
    )
    def post(self, request: Request, id: int) -> Response:
        return super().post(request, id)

    def sign_up(self, request: Request, id: int) -> Response:
        edition = _run(id)
        values = request_values(s.SeminarRegistrationRequestSerializer, request)
        result = registration_submit(
            edition=edition,
            target_group=values["target_group"],
            **person_answers(values),
        )
        body = {
            "edition": edition.pk,
            "name": result.name,
            "email": result.email,
            "language": result.language,
            "waitlisted": result.waitlisted,
        }
        data = s.SeminarRegistrationReceivedSerializer(body).data
        return Response(data, status=status.HTTP_201_CREATED)


def _row(registration: Registration, names: dict[str, str]) -> dict:
    return {
        "id": registration.pk,
        "status": registration.status,
        "name": registration.name,
        "email": registration.email,
        "institution": registration.institution,
        "country": registration.country,
        "language": registration.language,
        "target_group": registration.target_group,
        "target_group_name": names.get(registration.target_group, ""),
        "registered_at": registration.created_at,
        "cancelled_at": registration.cancelled_at,
    }
