"""Public certificate verification: whether a certificate is genuine.

Who may call: anyone, throttled per address.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from learning.certificates.selectors import certificate_get_by_code

from ..throttling import VerifyThrottle


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
