"""Background tasks that send the enrolment emails; they take ids, never objects."""

from django.contrib.auth.tokens import default_token_generator
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from learning.notifications.emails import email_language, email_send, site_url

from .models import Enrolment, Participant
from .offers import offer_deadline, offer_is_open, offer_token_make


@task()
def enrolment_status_email_send(*, enrolment_id: int, status: str) -> int:
    """Tell the representatives the enrolment's new status; returns emails sent."""
    enrolment = _enrolment_get(enrolment_id)
    # Representatives who left with the enrolment (rejected, withdrawn) are told too;
    # replaced ones are not.
    people = enrolment.participants.filter(replaced_at__isnull=True)
    for participant in people:
        email_send(
            template="enrolment_status",
            to=[participant.email],
            language=participant.preferred_language,
            context=_enrolment_context(enrolment, participant, status=status),
        )
    return len(people)


@task()
def enrolment_repeat_email_send(*, enrolment_id: int) -> int:
    """Tell the current representatives the form was sent again; returns emails."""
    enrolment = _enrolment_get(enrolment_id)
    people = enrolment.participants.filter(is_active=True)
    for participant in people:
        email_send(
            template="enrolment_repeat",
            to=[participant.email],
            language=participant.preferred_language,
            context=_enrolment_context(enrolment, participant, status=enrolment.status),
        )
    return len(people)


@task()
def representatives_welcome_email_send(*, participant_ids: list[int]) -> int:
    """Welcome new representatives, with a link to set their password."""
    participants = Participant.objects.filter(pk__in=participant_ids).select_related(
        "user", "enrolment"
    )
    for participant in participants:
        enrolment = _enrolment_get(participant.enrolment_id)
        context = _enrolment_context(enrolment, participant, status=enrolment.status)
        context["password_set_url"] = _password_set_url(participant)
        email_send(
            template="representative_welcome",
            to=[participant.email],
            language=participant.preferred_language,
            context=context,
        )
    return len(participants)


def _enrolment_get(pk: int) -> Enrolment:
    return Enrolment.objects.select_related("edition__programme", "organisation").get(
        pk=pk
    )


def _enrolment_context(
    enrolment: Enrolment, participant: Participant, *, status: str
) -> dict[str, object]:
    return {
        "participant": participant,
        "enrolment": enrolment,
        "edition": enrolment.edition,
        "organisation": enrolment.organisation,
        "programme": enrolment.edition.programme,
        "status": status,
        # The edition's zone: the representatives of one organisation may live
        # apart, and the edition's dates are all given in it.
        "time_zone": enrolment.edition.time_zone,
        "offer_deadline": offer_deadline(enrolment=enrolment),
        **_offer_urls(enrolment, participant),
    }


def _offer_urls(enrolment: Enrolment, participant: Participant) -> dict[str, str]:
    """Links to accept or decline a place still on offer; none otherwise."""
    if not offer_is_open(enrolment=enrolment):
        return {}
    kwargs = {"token": offer_token_make(enrolment=enrolment)}
    language = email_language(language=participant.preferred_language)
    try:
        with translation.override(language):
            return {
                f"offer_{answer}_url": site_url()
                + reverse(f"enrolments:offer_{answer}", kwargs=kwargs)
                for answer in ("accept", "decline")
            }
    except NoReverseMatch:
        # The site does not offer the enrolment pages: the email says to write.
        return {}


def _password_set_url(participant: Participant) -> str:
    """A link to choose a password; empty when the person already has one."""
    user = participant.user
    if user.has_usable_password():
        return ""
    kwargs = {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }
    language = email_language(language=participant.preferred_language)
    try:
        with translation.override(language):
            return site_url() + reverse("accounts:password_set", kwargs=kwargs)
    except NoReverseMatch:
        # The site does not offer the accounts pages: the email says to ask.
        return ""
