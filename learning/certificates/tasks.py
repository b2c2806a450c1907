"""Background tasks of certificates; they take ids, never objects."""

from django.urls import reverse
from django.utils import translation
from django_tasks import task

from learning.notifications.emails import email_language, email_send, site_url

from .models import Certificate


@task()
def certificate_ready_email_send(*, certificate_id: int) -> bool:
    """Tell the holder their certificate is ready; False when it was revoked since."""
    certificate = Certificate.objects.select_related("participant", "edition").get(
        pk=certificate_id
    )
    if certificate.revoked_at is not None:
        return False
    participant = certificate.participant
    language = email_language(language=participant.preferred_language)
    with translation.override(language):
        page_url = site_url() + reverse("certificates:list")
    email_send(
        template="certificate_ready",
        to=[participant.email],
        language=language,
        context={
            "certificate": certificate,
            "participant": participant,
            "programme_title": certificate.programme_title(language),
            "page_url": page_url,
        },
    )
    return True
