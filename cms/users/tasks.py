"""Account emails, sent in the background in the recipient's language."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from cms.core.selectors import organisation_name

TEMPLATE = "accounts/emails/password_reset"


@task()
def password_reset_email_send(*, user_id: int, base_url: str) -> bool:
    """Email a link to choose a new password; False when the user is gone."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    language = user.preferred_language
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        path = reverse(
            "accounts:password_set",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        site_url = base_url.rstrip("/")
        context = {
            "user": user,
            "url": site_url + path,
            "site_url": site_url,
            "organisation_name": organisation_name(language=language),
        }
        subject = render_to_string(f"{TEMPLATE}.subject.txt", context)
        text = render_to_string(f"{TEMPLATE}.txt", context)
        html = render_to_string(f"{TEMPLATE}.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=text, to=[user.email]
    )
    message.attach_alternative(html, "text/html")
    message.send()
    return True
