"""Background tasks that send the information-session emails; they take ids."""

from django.utils import translation
from django_tasks import task

from learning.notifications.emails import (
    calendar_attachment,
    email_language,
    email_send,
)

from .models import InfoSessionRegistration


@task()
def infosession_confirmation_email_send(*, registration_id: int) -> None:
    """Confirm a sign-up with the session as an .ics attachment."""
    registration = InfoSessionRegistration.objects.select_related(
        "session__programme"
    ).get(pk=registration_id)
    session = registration.session
    # The calendar file is read in the registrant's language, as the email is.
    with translation.override(email_language(language=registration.language)):
        title = session.label
    event = session.calendar_event(
        summary=title, url=session.join_url, location=session.join_url
    )
    email_send(
        template="infosession_confirmation",
        to=[registration.email],
        language=registration.language,
        context={
            "registration": registration,
            "session": session,
            "programme": session.programme,
            "time_zone": session.programme.time_zone,
        },
        attachments=[
            calendar_attachment(
                events=[event], name=title, filename="information-session.ics"
            )
        ],
    )
