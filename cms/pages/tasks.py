from django.core.mail import send_mail
from django_tasks import task


@task()
def send_form_submission_email(
    *, subject: str, body: str, recipients: list[str], from_address: str
) -> None:
    """Email a contact form submission to the page's recipients."""
    send_mail(subject, body, from_address or None, recipients)
