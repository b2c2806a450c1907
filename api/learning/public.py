"""Public learning endpoints: editions (status, places, schedule in UTC and
calendars), information sessions and sign-up, enrolment, certificate
verification. Reads use learning's selectors, writes its services.

Who may call: reading editions and information sessions, anyone (a key must
carry `learning:read`); signing up and enrolling, a signed-in person or an app
whose key carries `learning:write`; verifying a certificate, anyone (throttled
per address).
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from learning.certificates.selectors import certificate_get_by_code
from learning.core.calendar import CalendarEvent, calendar_build
from learning.editions.enums import EditionStatus
from learning.editions.models import Edition, Meeting
from learning.editions.selectors import (
    edition_get_status,
    edition_list_with_places,
    edition_places_taken,
    edition_schedule,
)
from learning.enrolments.display import title_localized, titles_localized
from learning.enrolments.offers import enrolment_offer_get
from learning.enrolments.services import (
    RepresentativeInput,
    enrolment_create,
    enrolment_offer_accept,
    enrolment_offer_decline,
)
from learning.infosessions.models import InfoSession
from learning.infosessions.selectors import infosession_places_left
from learning.infosessions.services import infosession_register

from ..idempotency import HEADER, idempotent
from ..permissions import LearningRead, LearningWrite, SignedLinkWrite
from ..throttling import VerifyThrottle

ID = r"[0-9]{1,9}"
CALENDAR = OpenApiResponse(
    OpenApiTypes.BINARY, description="An iCalendar (RFC 5545) document."
)


class TitledSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class PublicMeetingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    session_topic = TitledSerializer(allow_null=True)
    ics_url = serializers.URLField()


class ScheduleModuleSerializer(serializers.Serializer):
    module = TitledSerializer(allow_null=True)
    meetings = PublicMeetingSerializer(many=True)


class EditionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    programme = TitledSerializer()
    status = serializers.ChoiceField(choices=EditionStatus.choices)
    status_label = serializers.CharField()
    places = serializers.IntegerField()
    places_left = serializers.IntegerField()
    enrolment_opens_at = serializers.DateTimeField()
    enrolment_closes_at = serializers.DateTimeField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    time_zone = serializers.CharField()
    ics_url = serializers.URLField()
    url = serializers.URLField()


class EditionDetailSerializer(EditionSerializer):
    schedule = ScheduleModuleSerializer(many=True)


def _programme(edition, titles):
    return {
        "id": edition.programme_id,
        "title": title_localized(page=edition.programme, titles=titles),
    }


def _edition_data(edition, request, titles, now):
    status_ = edition_get_status(edition=edition, now=now)
    return {
        "id": edition.pk,
        "title": edition.label,
        "slug": edition.slug,
        "programme": _programme(edition, titles),
        "status": status_.value,
        "status_label": str(status_.label),
        "places": edition.places,
        "places_left": max(edition.places - edition_places_taken(edition=edition), 0),
        "enrolment_opens_at": edition.enrolment_opens_at,
        "enrolment_closes_at": edition.enrolment_closes_at,
        "starts_on": edition.starts_on,
        "ends_on": edition.ends_on,
        "time_zone": edition.time_zone,
        "ics_url": request.build_absolute_uri(
            f"/api/v1/editions/{edition.pk}/calendar.ics"
        ),
        "url": request.build_absolute_uri(f"/api/v1/editions/{edition.pk}/"),
    }


def _schedule_data(edition, request):
    groups = edition_schedule(edition=edition)
    pages = [group.module for group in groups if group.module]
    meetings = [meeting for group in groups for meeting in group.meetings]
    pages += [m.session_topic for m in meetings if m.session_topic is not None]
    titles = titles_localized(pages=pages)

    def meeting_data(meeting):
        topic = meeting.session_topic
        title = meeting.display_title
        if not meeting.title and topic is not None:
            title = title_localized(page=topic, titles=titles)
        return {
            "id": meeting.pk,
            "title": title,
            "starts_at": meeting.starts_at,
            "ends_at": meeting.ends_at,
            "session_topic": None
            if topic is None
            else {"id": topic.pk, "title": title_localized(page=topic, titles=titles)},
            "ics_url": request.build_absolute_uri(
                f"/api/v1/meetings/{meeting.pk}/calendar.ics"
            ),
        }

    return [
        {
            "module": None
            if group.module is None
            else {
                "id": group.module.pk,
                "title": title_localized(page=group.module, titles=titles),
            },
            "meetings": [meeting_data(meeting) for meeting in group.meetings],
        }
        for group in groups
    ]


def _meeting_event(meeting: Meeting, title: str) -> CalendarEvent:
    """A meeting for a public calendar: no join link."""
    return CalendarEvent(
        uid=f"{meeting.uid}@mutual-learning",
        summary=f"{title} · {meeting.edition.label}",
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        sequence=meeting.sequence,
    )


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@extend_schema_view(
    list=extend_schema(
        tags=["learning"],
        parameters=[
            OpenApiParameter("programme", int, description="Programme page id"),
            OpenApiParameter(
                "status", str, enum=[value for value, _label in EditionStatus.choices]
            ),
        ],
    ),
    retrieve=extend_schema(tags=["learning"]),
)
class EditionViewSet(viewsets.ReadOnlyModelViewSet):
    """Editions with their status and places; the detail adds the schedule."""

    permission_classes = [LearningRead]
    serializer_class = EditionSerializer
    lookup_value_regex = ID
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Edition.objects.none()
        queryset = edition_list_with_places().order_by("starts_on", "pk")
        programme = self.request.query_params.get("programme", "")
        if programme:
            if not programme.isdigit() or len(programme) > 9:
                raise serializers.ValidationError(
                    {"programme": [_("A page id is a number.")]}
                )
            queryset = queryset.filter(programme_id=programme)
        return queryset

    def get_serializer_class(self):
        if self.action == "retrieve":
            return EditionDetailSerializer
        return EditionSerializer

    def list(self, request, *args, **kwargs):
        now = timezone.now()
        editions = list(self.get_queryset())
        wanted = request.query_params.get("status", "")
        if wanted and wanted not in EditionStatus.values:
            raise serializers.ValidationError({"status": [_("Unknown status.")]})
        titles = titles_localized(pages=[e.programme for e in editions])
        rows = [_edition_data(e, request, titles, now) for e in editions]
        if wanted:
            rows = [row for row in rows if row["status"] == wanted]
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(EditionSerializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        edition = self.get_object()
        titles = titles_localized(pages=[edition.programme])
        data = _edition_data(edition, request, titles, timezone.now())
        data["schedule"] = _schedule_data(edition, request)
        return Response(EditionDetailSerializer(data).data)


class EditionCalendarView(APIView):
    """An edition's meetings as an iCalendar document (no join links). Anyone;
    a key needs `learning:read`."""

    permission_classes = [LearningRead]

    @extend_schema(
        tags=["learning"],
        responses={(200, "text/calendar"): CALENDAR},
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
    )
    def get(self, request, id):
        edition = get_object_or_404(Edition, pk=id)
        rows = _schedule_data(edition, request)
        meetings = {m.pk: m for m in edition.meetings.select_related("edition")}
        events = [
            _meeting_event(meetings[item["id"]], item["title"])
            for group in rows
            for item in group["meetings"]
        ]
        return _calendar_response(
            calendar_build(events=events, name=edition.label), f"{edition.slug}.ics"
        )


class MeetingCalendarView(APIView):
    """One meeting as an iCalendar event (no join link). Anyone; a key needs
    `learning:read`."""

    permission_classes = [LearningRead]

    @extend_schema(
        tags=["learning"],
        responses={(200, "text/calendar"): CALENDAR},
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
    )
    def get(self, request, id):
        meeting = get_object_or_404(
            Meeting.objects.select_related("edition", "session_topic"), pk=id
        )
        title = meeting.display_title
        if not meeting.title and meeting.session_topic is not None:
            topic = meeting.session_topic
            title = title_localized(page=topic, titles=titles_localized(pages=[topic]))
        body = calendar_build(events=[_meeting_event(meeting, title)])
        return _calendar_response(body, f"meeting-{meeting.pk}.ics")


class RepresentativeSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    email = serializers.EmailField()
    role = serializers.CharField(max_length=150, required=False, allow_blank=True)
    preferred_language = serializers.CharField(
        max_length=10, required=False, allow_blank=True
    )


class EnrolmentRequestSerializer(serializers.Serializer):
    organisation_name = serializers.CharField(max_length=255)
    organisation_country = serializers.CharField(max_length=100)
    organisation_website = serializers.URLField(required=False, allow_blank=True)
    representatives = RepresentativeSerializer(many=True)
    module_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    )
    consent = serializers.BooleanField()


class EnrolmentReceivedSerializer(serializers.Serializer):
    edition = serializers.IntegerField()
    message = serializers.CharField()


IDEMPOTENCY = OpenApiParameter(
    HEADER,
    str,
    OpenApiParameter.HEADER,
    description="Optional. The same key with the same body answers as the first "
    "time; with another body, 422 idempotency_key_reused.",
)


class EnrolmentCreateView(APIView):
    """Enrol an organisation in an edition: a place while places are left, else
    the waitlist. A signed-in person, or an app with `learning:write`.

    The answer is the same 202 whether the organisation was new or already
    enrolled: who is enrolled, and how, goes only by email to the
    representatives (those on record, for a repeat)."""

    permission_classes = [LearningWrite]

    @extend_schema(
        tags=["learning"],
        request=EnrolmentRequestSerializer,
        responses={
            202: EnrolmentReceivedSerializer,
            409: OpenApiResponse(description="Same key, still in progress."),
            422: OpenApiResponse(description="Same key, another body."),
        },
        parameters=[IDEMPOTENCY, OpenApiParameter("id", int, OpenApiParameter.PATH)],
    )
    @idempotent
    def post(self, request, id):
        edition = get_object_or_404(Edition, pk=id)
        data = EnrolmentRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        enrolment_create(
            edition=edition,
            organisation_name=values["organisation_name"],
            organisation_country=values["organisation_country"],
            organisation_website=values.get("organisation_website", ""),
            representatives=[
                RepresentativeInput(**person) for person in values["representatives"]
            ],
            module_ids=values["module_ids"],
            consent=values["consent"],
            submitted_by_email=getattr(request.user, "email", "") or "",
        )
        body = {
            "edition": edition.pk,
            "message": _(
                "Thank you: we have your enrolment request. Each representative "
                "will get an email about it."
            ),
        }
        return Response(
            EnrolmentReceivedSerializer(body).data, status=status.HTTP_202_ACCEPTED
        )


class OfferAnswerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    edition = serializers.IntegerField()
    organisation = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()


class _OfferAnswerView(APIView):
    """Answer a place offered to a waitlisted organisation, with the signed
    token of the offer email's links: anyone holding it (no account); a key
    needs `learning:write`. A forged or outdated token answers 404; an offer
    already answered 400 `not_offered`."""

    permission_classes = [SignedLinkWrite]
    answer = staticmethod(enrolment_offer_accept)

    def post(self, request, token):
        enrolment = enrolment_offer_get(token=token)
        if enrolment is None:
            raise exceptions.NotFound(_("This offer link is not valid."))
        enrolment = self.answer(enrolment=enrolment)
        body = {
            "id": enrolment.pk,
            "edition": enrolment.edition_id,
            "organisation": enrolment.organisation.name,
            "status": enrolment.status,
            "status_label": enrolment.get_status_display(),
        }
        return Response(OfferAnswerSerializer(body).data)


OFFER_SCHEMA = extend_schema(
    tags=["learning"],
    request=None,
    responses={200: OfferAnswerSerializer},
    parameters=[
        OpenApiParameter(
            "token", str, OpenApiParameter.PATH, description="From the offer email."
        )
    ],
)


@extend_schema_view(post=OFFER_SCHEMA)
class EnrolmentOfferAcceptView(_OfferAnswerView):
    """Take the offered place (pending when the edition needs approval)."""

    answer = staticmethod(enrolment_offer_accept)


@extend_schema_view(post=OFFER_SCHEMA)
class EnrolmentOfferDeclineView(_OfferAnswerView):
    """Turn down the offered place; it goes to the next on the waitlist."""

    answer = staticmethod(enrolment_offer_decline)


class InfoSessionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    programme = TitledSerializer()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    language = serializers.CharField()
    capacity = serializers.IntegerField()
    places_left = serializers.IntegerField()


def _session_data(session, titles):
    return {
        "id": session.pk,
        "title": session.label,
        "programme": _programme(session, titles),
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "language": session.language,
        "capacity": session.capacity,
        "places_left": infosession_places_left(session=session),
    }


@extend_schema_view(
    list=extend_schema(
        tags=["learning"],
        parameters=[
            OpenApiParameter("programme", int, description="Programme page id"),
            OpenApiParameter("language", str, enum=["en", "es"]),
        ],
    ),
    retrieve=extend_schema(tags=["learning"]),
)
class InfoSessionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Information sessions yet to start, with places left."""

    permission_classes = [LearningRead]
    serializer_class = InfoSessionSerializer
    lookup_value_regex = ID
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return InfoSession.objects.none()
        queryset = (
            InfoSession.objects.filter(starts_at__gt=timezone.now())
            .select_related("programme")
            .with_registrations()
            .order_by("starts_at", "pk")
        )
        programme = self.request.query_params.get("programme", "")
        if programme:
            if not programme.isdigit() or len(programme) > 9:
                raise serializers.ValidationError(
                    {"programme": [_("A page id is a number.")]}
                )
            queryset = queryset.filter(programme_id=programme)
        language = self.request.query_params.get("language", "")
        if language:
            queryset = queryset.filter(language=language)
        return queryset

    def list(self, request, *args, **kwargs):
        sessions = self.paginate_queryset(self.get_queryset())
        titles = titles_localized(pages=[s.programme for s in sessions])
        data = [_session_data(session, titles) for session in sessions]
        return self.get_paginated_response(InfoSessionSerializer(data, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        session = self.get_object()
        titles = titles_localized(pages=[session.programme])
        return Response(InfoSessionSerializer(_session_data(session, titles)).data)


class RegistrationRequestSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    email = serializers.EmailField()
    organisation = serializers.CharField(max_length=255, required=False, default="")
    country = serializers.CharField(max_length=100, required=False, default="")
    language = serializers.ChoiceField(choices=["en", "es"], required=False)
    consent = serializers.BooleanField()


class RegistrationSerializer(serializers.Serializer):
    session = serializers.IntegerField()
    name = serializers.CharField()
    email = serializers.EmailField()
    language = serializers.CharField()


class RegistrationCreateView(APIView):
    """Sign a person up for an information session (a confirmation email with
    the join link follows). A signed-in person, or an app with `learning:write`.
    The answer echoes the request (normalised): the same email again answers
    exactly like the first time and shows nothing of the first sign-up."""

    permission_classes = [LearningWrite]

    @extend_schema(
        tags=["learning"],
        request=RegistrationRequestSerializer,
        responses={201: RegistrationSerializer},
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
    )
    def post(self, request, id):
        session = get_object_or_404(InfoSession, pk=id)
        data = RegistrationRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        result = infosession_register(
            session=session,
            name=values["name"],
            email=values["email"],
            organisation=values["organisation"],
            country=values["country"],
            language=values.get("language", ""),
            consent=values["consent"],
        )
        body = {
            "session": session.pk,
            "name": result.name,
            "email": result.email,
            "language": result.language,
        }
        return Response(
            RegistrationSerializer(body).data, status=status.HTTP_201_CREATED
        )


class VerificationSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["valid", "revoked"])
    holder_name = serializers.CharField()
    programme = serializers.DictField(
        child=serializers.CharField(), help_text="Title by language code."
    )
    edition = serializers.CharField()
    issued_at = serializers.DateTimeField()
    revoked_at = serializers.DateTimeField(allow_null=True)


class CertificateVerifyView(APIView):
    """Whether a certificate is genuine: what the public verify page shows.
    Anyone; throttled per address. Unknown and malformed codes answer the same
    404."""

    permission_classes = [AllowAny]
    throttle_classes = [VerifyThrottle]

    @extend_schema(tags=["learning"], responses=VerificationSerializer)
    def get(self, request, code):
        certificate = certificate_get_by_code(code=code)
        if certificate is None:
            raise exceptions.NotFound(_("No certificate has this code."))
        body = {
            "status": str(certificate.status),
            "holder_name": certificate.holder_name,
            "programme": certificate.programme_titles or {},
            "edition": certificate.edition_label,
            "issued_at": certificate.issued_at,
            "revoked_at": certificate.revoked_at,
        }
        return Response(VerificationSerializer(body).data)
