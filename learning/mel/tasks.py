"""Background tasks of the feedback surveys: the invitation emails and the
machine translation of free-text answers. They take ids."""

from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django_tasks import task

from learning.notifications.emails import email_language, email_send, site_url

from .models import SurveyInvitation
from .selectors import (
    INVITATION_RELATED,
    occasion_of,
    occasion_window,
    survey_in_language,
)
from .services import (
    answer_translations_make,
    invitation_send_claim,
    invitation_send_release,
)


@task()
def survey_invitation_email_send(*, invitation_id: int, reminder: bool = False) -> None:
    """Invite a person (or remind them, once) in their language; at most once."""
    if not invitation_send_claim(invitation_id=invitation_id, reminder=reminder):
        return  # sent by an earlier run of this task
    invitation = SurveyInvitation.objects.select_related(*INVITATION_RELATED).get(
        pk=invitation_id
    )
    try:
        email_send(
            template="mel_survey_reminder" if reminder else "mel_survey_invitation",
            to=[invitation.email],
            language=invitation.language,
            context=_context(invitation),
        )
    except Exception:
        # Sent neither: the next run of the scheduled job tries again.
        invitation_send_release(invitation_id=invitation_id, reminder=reminder)
        raise


@task()
def survey_answers_translate(*, answer_ids: list[int]) -> None:
    """Machine translate free-text answers for the team (original kept on failure)."""
    answer_translations_make(answer_ids=answer_ids)


def _context(invitation: SurveyInvitation) -> dict[str, Any]:
    language = email_language(language=invitation.language)
    window = occasion_window(survey=invitation.survey, occasion=occasion_of(invitation))
    with translation.override(language):
        survey = survey_in_language(survey=invitation.survey, language=language)
        return {
            "invitation": invitation,
            "survey_title": survey.title,
            "occasion": occasion_of(invitation).label,
            "anonymous": invitation.survey.anonymous,
            "closes_on": timezone.localtime(window.closes_at).date(),
            "answer_url": survey_answer_url(invitation=invitation),
        }


def survey_answer_url(*, invitation: SurveyInvitation) -> str:
    """The invitation's answer link in its person's language ("" when not routed)."""
    language = email_language(language=invitation.language)
    try:
        with translation.override(language):
            path = reverse("mel:survey-answer", kwargs={"token": invitation.token})
    except NoReverseMatch:
        return ""  # a site that installs the plugin without its public pages
    return site_url() + path
