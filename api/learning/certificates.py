"""Public certificate verification: whether a certificate is genuine.

Who may call: anyone, throttled per address.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from learning.certificates.enums import VerificationStatus
from learning.certificates.selectors import certificate_verification

from ..throttling import VerifyThrottle


class VerificationSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=VerificationStatus.choices,
        help_text="`replaced`: the code of a PDF reprinted with a corrected name; "
        "the certificate verifies under its new code.",
    )
    holder_name = serializers.CharField()
    programme = serializers.DictField(
        child=serializers.CharField(), help_text="Title by language code."
    )
    edition = serializers.CharField()
    issued_at = serializers.DateTimeField()
    revoked_at = serializers.DateTimeField(allow_null=True)
    replaced_at = serializers.DateTimeField(allow_null=True)
    name_corrected_at = serializers.DateTimeField(allow_null=True)


class CertificateVerifyView(APIView):
    """Whether a certificate is genuine: what the public verify page shows.
    Anyone; throttled per address. Unknown and malformed codes answer the same
    404."""

    permission_classes = [AllowAny]
    throttle_classes = [VerifyThrottle]

    @extend_schema(tags=["learning"], responses=VerificationSerializer)
    def get(self, request: Request, code: str) -> Response:
        verification = certificate_verification(code=code)
        if verification is None:
            raise exceptions.NotFound(_("No certificate has this code."))
        certificate = verification.certificate
        body = {
            "status": str(verification.status),
            "holder_name": certificate.holder_name,
            "programme": certificate.programme_titles or {},
            "edition": certificate.edition_label,
            "issued_at": certificate.issued_at,
            "revoked_at": certificate.revoked_at,
            "replaced_at": verification.replaced_at,
            "name_corrected_at": certificate.name_corrected_at,
        }
        return Response(VerificationSerializer(body).data)
