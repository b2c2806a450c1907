"""The reminder email before a meeting; tasks take ids, never objects."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from learning.editions.models import Meeting
from learning.notifications.emails import email_language, email_send, site_url

from .selectors import (
    EditionPreparation,
    MeetingPreparation,
    PreparationQuestion,
    preparation_for_edition,
)


@task()
def meeting_reminder_email_send(*, meeting_id: int, user_id: int) -> int:
    """Email the person what is still to review and answer before the meeting.

    Read again when sent, in the person's language: nothing goes out when, by
    then, everything is done or the meeting is no longer theirs. Returns 1 or 0.
    """
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    meeting = Meeting.objects.filter(pk=meeting_id).select_related("edition").first()
    if user is None or meeting is None:
        return 0
    language = email_language(language=getattr(user, "preferred_language", "") or "")
    edition = preparation_for_edition(
        user=user, edition_id=meeting.edition_id, language=language
    )
    if edition is None:
        return 0
    prepared = _meeting_in(edition, meeting_id)
    if prepared is None or prepared.is_ready or prepared.is_excused:
        return 0
    email_send(
        template="preparation_reminder",
        to=[user.email],
        language=language,
        context={
            "prepared": prepared,
            "edition": meeting.edition,
            "time_zone": edition.time_zone,
            "materials_url": _url(
                language, "materials:edition", edition_id=meeting.edition_id
            ),
            "materials": [
                (item, _absolute(item.url)) for item in prepared.materials_pending
            ],
            "questions": [
                (question, _answer_url(language, meeting, question))
                for question in prepared.questions_pending
            ],
            "programme_url": _url(language, "participants:home"),
        },
    )
    return 1


def _meeting_in(
    edition: EditionPreparation, meeting_id: int
) -> MeetingPreparation | None:
    meetings = [edition.next, *edition.following] if edition.next else edition.following
    return next((m for m in meetings if m.shown.meeting.pk == meeting_id), None)


def _answer_url(language: str, meeting: Meeting, question: PreparationQuestion) -> str:
    return _url(
        language,
        "preparation:answer",
        edition_id=meeting.edition_id,
        topic_id=question.session_topic_id,
        key=question.key,
    )


def _absolute(url: str) -> str:
    # Pages give site-relative addresses; an email needs the whole address.
    return site_url() + url if url.startswith("/") else url


def _url(language: str, name: str, **kwargs: int | str) -> str:
    with translation.override(language):
        return site_url() + reverse(name, kwargs=kwargs)
