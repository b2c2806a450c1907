"""Personal tokens for people (e.g. participants in a mobile app)."""

from django.contrib.auth import authenticate, get_user_model
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from .keys import personal_token_create, personal_token_revoke
from .models import PersonalToken
from .permissions import TokenOwner, request_person
from .throttling import TokenCreateThrottle


class TokenCreateSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(write_only=True, style={"input_type": "password"})
    name = serializers.CharField(required=False, allow_blank=True, max_length=100)


class TokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = PersonalToken
        fields = ["id", "name", "prefix", "created_at", "last_used_at", "revoked_at"]


class NewTokenSerializer(TokenSerializer):
    key = serializers.CharField(help_text="Shown once; keep it safe.")

    class Meta(TokenSerializer.Meta):
        fields = [*TokenSerializer.Meta.fields, "key"]


class TokenListCreateView(APIView):
    """GET: the signed-in person's tokens (session or token). POST: anyone may
    exchange an email and password for a new token (throttled per address)."""

    def get_permissions(self) -> list[BasePermission]:
        return [] if self.request.method == "POST" else [TokenOwner()]

    def get_throttles(self) -> list[BaseThrottle]:
        if self.request.method == "POST":
            return [TokenCreateThrottle()]
        return super().get_throttles()

    @extend_schema(tags=["auth"], responses=TokenSerializer(many=True))
    def get(self, request: Request) -> Response:
        tokens = PersonalToken.objects.filter(
            user=request_person(request), revoked_at=None
        )
        return Response(TokenSerializer(tokens, many=True).data)

    @extend_schema(
        tags=["auth"],
        request=TokenCreateSerializer,
        responses={201: NewTokenSerializer},
    )
    def post(self, request: Request) -> Response:
        data = TokenCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = authenticate(
            request._request,
            username=data.validated_data["email"],
            password=data.validated_data["password"],
        )
        if not isinstance(user, get_user_model()) or not user.is_active:
            raise exceptions.AuthenticationFailed(
                _("The email address or password is wrong."), code="credentials_invalid"
            )
        token, key = personal_token_create(
            user=user, name=data.validated_data.get("name", "")
        )
        body = TokenSerializer(token).data | {"key": key}
        return Response(body, status=status.HTTP_201_CREATED)


class TokenRevokeView(APIView):
    """DELETE: revoke one of the signed-in person's own tokens (others: 404)."""

    permission_classes = [TokenOwner]

    @extend_schema(tags=["auth"], responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        person = request_person(request)
        token = PersonalToken.objects.filter(user=person, pk=pk).first()
        if token is None:
            raise exceptions.NotFound()
        personal_token_revoke(token=token, user=person)
        return Response(status=status.HTTP_204_NO_CONTENT)
