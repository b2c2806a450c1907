"""A person's own learning data: who they are, their enrolments, meetings,
attendance and certificates.

Who may call: signed-in people (session or personal token); an app's key gets
403 `person_required`, anonymous callers 401. Each person reads only their own
rows, through learning's selectors.
"""

from django.urls import reverse
from django.utils import timezone, translation
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.permissions import PersonLearning, request_person
from learning.attendance.selectors import attendance_list_for_user
from learning.certificates.selectors import (
    certificate_overview_for_user,
    page_titles_in,
)
from learning.core.types import AuthUser
from learning.enrolments.membership import (
    EditionRole,
    edition_list_facilitated,
    edition_list_for_member,
    user_is_coordinator,
)
from learning.participants.selectors import participant_programme_list
from learning.preparation.selectors import preparation_list_for_user

from . import serializers_me as s

TAGS = ["learning"]


class MemberView(APIView):
    """Base of the person-only endpoints of this module."""

    permission_classes = [PersonLearning]


def _language() -> str:
    return translation.get_language() or "en"


def _name(user: AuthUser) -> str:
    return user.get_full_name() or user.get_short_name() or user.email


class MeView(MemberView):
    """Who am I: name, email, language, roles per edition, and the next meeting
    in each edition with what to prepare for it."""

    @extend_schema(tags=TAGS, responses=s.MeSerializer, operation_id="me_retrieve")
    def get(self, request: Request) -> Response:
        user = request_person(request)
        coordinator = user_is_coordinator(user=user)
        facilitated = list(edition_list_facilitated(user=user))
        roles = [{"edition": e, "role": EditionRole.FACILITATOR} for e in facilitated]
        if not coordinator:
            # Coordinators belong to every edition: their roles list only what
            # they facilitate, `is_coordinator` says the rest.
            seen = {edition.pk for edition in facilitated}
            roles += [
                {"edition": edition, "role": EditionRole.PARTICIPANT}
                for edition in edition_list_for_member(user=user).order_by(
                    "-starts_on", "pk"
                )
                if edition.pk not in seen
            ]
        body = {
            "id": user.pk,
            "email": user.email,
            "name": _name(user),
            "language": getattr(user, "preferred_language", "") or _language(),
            "time_zone": getattr(user, "time_zone", ""),
            "is_coordinator": coordinator,
            "roles": roles,
            "next_meetings": preparation_list_for_user(user=user, language=_language()),
        }
        return Response(s.MeSerializer(body, context={"request": request}).data)


class MyEnrolmentsView(MemberView):
    """The person's participations: edition, organisation, status and modules."""

    @extend_schema(tags=TAGS, responses=s.MyEnrolmentSerializer(many=True))
    def get(self, request: Request) -> Response:
        items = participant_programme_list(
            user=request_person(request), language=_language()
        )
        return Response(s.MyEnrolmentSerializer(items, many=True).data)


class MyMeetingsView(MemberView):
    """The meetings of the person's editions (with a confirmed place), in time
    order; the join link only while it is open."""

    @extend_schema(tags=TAGS, responses=s.MyMeetingSerializer(many=True))
    def get(self, request: Request) -> Response:
        items = participant_programme_list(
            user=request_person(request), language=_language()
        )
        meetings = sorted(
            (meeting for item in items for meeting in [*item.past, *item.upcoming]),
            key=lambda shown: (shown.starts_at, shown.meeting.pk),
        )
        return Response(s.MyMeetingSerializer(meetings, many=True).data)


class MyAttendanceView(MemberView):
    """The person's attendance per edition: each held meeting and each module,
    with the counts the certificate rule uses."""

    @extend_schema(tags=TAGS, responses=s.MyAttendanceSerializer(many=True))
    def get(self, request: Request) -> Response:
        editions = attendance_list_for_user(user=request.user)
        modules = [module.module for item in editions for module in item.modules]
        titles = page_titles_in(pages=modules, language=_language())
        return Response(
            s.MyAttendanceSerializer(
                editions, many=True, context={"module_titles": titles}
            ).data
        )


class MyCertificatesView(MemberView):
    """The person's certificates, or why they have none yet, per edition."""

    @extend_schema(tags=TAGS, responses=s.MyCertificateSerializer(many=True))
    def get(self, request: Request) -> Response:
        items = certificate_overview_for_user(user=request.user, now=timezone.now())
        body = s.MyCertificateSerializer(
            items,
            many=True,
            context={"request": request, "verify_page_url": verify_page_url(request)},
        ).data
        return Response(body)


def verify_page_url(request: Request) -> str:
    """The public verification page's address, to which a printed code is added."""
    path = reverse("certificate_verify:verify", kwargs={"code": "CODE"})
    return request.build_absolute_uri(path.removesuffix("CODE/"))
