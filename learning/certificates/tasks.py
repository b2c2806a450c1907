"""Background tasks of certificates; they take ids, never objects.

The emails also take the readable verification code: the database keeps only
its hash, so whoever printed it passes it on.
"""

from django.urls import reverse
from django.utils import translation
from django_tasks import task

from learning.notifications.emails import email_language, email_send, site_url

from .codes import certificate_verify_url
from .models import Certificate


@task()
def certificate_ready_email_send(
    *, certificate_id: int, readable_code: str = ""
) -> bool:
    """Tell the holder their certificate is ready; False when it was revoked since."""
    return _email_send(
        template="certificate_ready",
        certificate_id=certificate_id,
        readable_code=readable_code,
    )


@task()
def certificate_corrected_email_send(
    *, certificate_id: int, readable_code: str
) -> bool:
    """Send the holder the certificate printed again with their corrected name."""
    return _email_send(
        template="certificate_corrected",
        certificate_id=certificate_id,
        readable_code=readable_code,
    )


@task()
def certificate_pdf_regenerate_task(*, certificate_id: int) -> bool:
    """Print the certificate again after a name correction; see the service."""
    # Imported here: the services module enqueues these tasks.
    from .services import certificate_pdf_regenerate

    return certificate_pdf_regenerate(certificate_id=certificate_id)


def _email_send(*, template: str, certificate_id: int, readable_code: str) -> bool:
    certificate = Certificate.objects.select_related("participant", "edition").get(
        pk=certificate_id
    )
    if certificate.revoked_at is not None:
        return False
    participant = certificate.participant
    language = email_language(language=participant.preferred_language)
    with translation.override(language):
        page_url = site_url() + reverse("certificates:list")
        download_url = site_url() + reverse(
            "certificates:download", args=[certificate.pk]
        )
    email_send(
        template=template,
        to=[participant.email],
        language=language,
        context={
            "certificate": certificate,
            "participant": participant,
            "programme_title": certificate.programme_title(language),
            "page_url": page_url,
            "download_url": download_url,
            # Empty when queued before emails carried the code.
            "verify_url": readable_code
            and certificate_verify_url(readable_code=readable_code),
            "readable_code": readable_code,
        },
    )
    return True
