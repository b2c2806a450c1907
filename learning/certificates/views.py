"""Site pages of certificates: the holder's list and downloads, public verification."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from learning.core.storage import private_file_response

from .models import Certificate
from .selectors import (
    certificate_get_for_download,
    certificate_overview_for_user,
    certificate_verification,
)


@never_cache
@login_required
@require_GET
def certificate_list(request: HttpRequest) -> HttpResponse:
    """The user's certificates, or why they have none yet, per edition.

    Access: signed-in users only; each sees only their own editions.
    """
    return render(
        request,
        "learning/certificates/list.html",
        {"items": certificate_overview_for_user(user=request.user)},
    )


@login_required
@require_GET
def certificate_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The certificate's PDF as an attachment.

    Access: its holder, and coordinators; anyone else, and revoked ones, get 404.
    """
    try:
        certificate = certificate_get_for_download(user=request.user, pk=pk)
    except Certificate.DoesNotExist:
        raise Http404 from None
    if not certificate.pdf:  # erased with the holder's personal data
        raise Http404
    name = slugify(f"certificate {certificate.holder_name} {certificate.edition_label}")
    return private_file_response(
        file=certificate.pdf,
        download_name=f"{name}.pdf",
        content_type="application/pdf",
    )


@never_cache
@require_GET
def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    """Whether a certificate is genuine: name, programme, date and status.

    A code replaced when the PDF was printed again (a corrected name) says so.

    Access: anyone, without signing in. Unknown and malformed codes answer the
    same 404 page.
    """
    verification = certificate_verification(code=code)
    certificate = verification.certificate if verification else None
    sections = [
        {
            "language": language,
            "programme": certificate.programme_title(language) if certificate else "",
        }
        for language, _name in settings.LANGUAGES
    ]
    response = render(
        request,
        "learning/certificates/verify.html",
        {
            "certificate": certificate,
            "verification": verification,
            "sections": sections,
        },
        status=200 if certificate else 404,
    )
    response["X-Robots-Tag"] = "noindex"
    # This page lives outside the language prefix. On a 404, LocaleMiddleware would
    # redirect to /<lang>/verify/… whenever that path resolves (Wagtail's catch-all
    # resolves most), so unknown codes would answer differently from malformed
    # ones. Judging the response against the verify URLs alone stops that.
    request.urlconf = "learning.certificates.verify_urls"
    response["Referrer-Policy"] = "no-referrer"
    return response
