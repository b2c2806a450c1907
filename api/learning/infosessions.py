"""Public information-session endpoints: sessions yet to start with their
places left, and signing a person up.

Who may call: reading, anyone (a key must carry `learning:read`); signing up,
a signed-in person or an app whose key carries `learning:write`.
"""

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from learning.core.pages import titles_localized
from learning.infosessions.models import InfoSession
from learning.infosessions.selectors import infosession_signup_state
from learning.infosessions.services import infosession_register

from ..pagination import view_page
from ..permissions import LearningRead, LearningWrite
from .gate import GateSerializer, gate_data
from .shared import (
    ID,
    TitledSerializer,
    programme_data,
    programme_filter,
    request_values,
)


class InfoSessionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    programme = TitledSerializer()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    language = serializers.CharField()
    capacity = serializers.IntegerField()
    places_left = serializers.IntegerField()
    sign_up_open = serializers.BooleanField(
        help_text="Sign-ups are taken now (the same answer as the sign-up page)."
    )
    sign_up_status = serializers.ChoiceField(
        choices=["open", "full", "not_open", "closed"],
        help_text="open; full; not_open while the translation gate holds sign-up "
        "until the programme's pages are ready in every language (the detail's "
        "`gate`); closed once the session has started.",
    )


class InfoSessionDetailSerializer(GateSerializer, InfoSessionSerializer):
    pass


def _session_data(session: InfoSession, titles: dict[object, str]) -> dict[str, Any]:
    state = infosession_signup_state(session=session)
    return {
        "id": session.pk,
        "title": session.label,
        "programme": programme_data(session, titles),
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "language": session.language,
        "capacity": session.capacity,
        "places_left": state.places_left,
        "sign_up_open": state.is_open,
        "sign_up_status": state.status,
    }


@extend_schema_view(
    list=extend_schema(
        tags=["learning"],
        parameters=[
            OpenApiParameter("programme", int, description="Programme page id"),
            OpenApiParameter("language", str, enum=list(settings.CONTENT_LANGUAGES)),
        ],
    ),
    retrieve=extend_schema(
        tags=["learning"], responses={200: InfoSessionDetailSerializer}
    ),
)
class InfoSessionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Information sessions yet to start, with places left."""

    permission_classes = [LearningRead]
    serializer_class = InfoSessionSerializer
    lookup_value_regex = ID
    filter_backends: list = []

    def get_queryset(self) -> QuerySet[InfoSession]:
        if getattr(self, "swagger_fake_view", False):
            return InfoSession.objects.none()
        queryset = (
            InfoSession.objects.filter(starts_at__gt=timezone.now())
            .select_related("programme")
            .with_registrations()
            .order_by("starts_at", "pk")
        )
        queryset = programme_filter(queryset, self.request)
        language = self.request.query_params.get("language", "")
        if language:
            queryset = queryset.filter(language=language)
        return queryset

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        sessions = view_page(self, self.get_queryset())
        titles = titles_localized(pages=[s.programme for s in sessions])
        data = [_session_data(session, titles) for session in sessions]
        return self.get_paginated_response(InfoSessionSerializer(data, many=True).data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        session = self.get_object()
        titles = titles_localized(pages=[session.programme])
        data = {**_session_data(session, titles), **gate_data(session)}
        return Response(InfoSessionDetailSerializer(data).data)


class RegistrationRequestSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    email = serializers.EmailField()
    organisation = serializers.CharField(max_length=255, required=False, default="")
    country = serializers.CharField(max_length=100, required=False, default="")
    language = serializers.ChoiceField(
        choices=list(settings.CONTENT_LANGUAGES), required=False
    )
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
    def post(self, request: Request, id: int) -> Response:
        session = get_object_or_404(InfoSession, pk=id)
        values = request_values(RegistrationRequestSerializer, request)
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
