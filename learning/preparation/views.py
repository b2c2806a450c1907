"""Site pages of the preparation for meetings: the facilitators' readiness page,
and the way from a question on the next-meeting card to its forum thread.

Every page needs a signed-in user (others go to the sign-in page); non-members
of the edition get a 404, so they cannot tell it from one that does not exist.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from learning.editions.models import Edition
from learning.enrolments.membership import edition_get_for_member
from learning.forum.models import Thread
from learning.forum.selectors import thread_list_for_user
from learning.forum.services import thread_ensure_for_edition
from learning.participants.selectors import participant_time_zone

from .selectors import meeting_readiness_for_staff


def _language() -> str:
    return translation.get_language() or "en"


@never_cache
@login_required
@require_GET
def readiness(request: HttpRequest, edition_id: int) -> HttpResponse:
    """Per upcoming meeting, by organisation, who reviewed and answered what.

    Access: the edition's facilitators and coordinators; 404 for non-members,
    403 for its participants.
    """
    try:
        edition, meetings = meeting_readiness_for_staff(
            user=request.user, edition_id=edition_id, language=_language()
        )
    except Edition.DoesNotExist as error:
        raise Http404 from error
    return render(
        request,
        "learning/preparation/readiness.html",
        {
            "edition": edition,
            "meetings": meetings,
            "time_zone": participant_time_zone(user=request.user, edition=edition),
        },
    )


@login_required
@require_GET
def answer(
    request: HttpRequest, edition_id: int, topic_id: int, key: str
) -> HttpResponse:
    """Go to the forum thread of one session-topic question, at its answer form.

    Access: members of the edition; 404 for everyone else and unknown questions.
    """
    try:
        edition = edition_get_for_member(user=request.user, pk=edition_id)
    except Edition.DoesNotExist as error:
        raise Http404 from error
    # Threads open lazily, as on the forum page: the question may be newer than
    # the edition's last visit to the forum (idempotent).
    thread_ensure_for_edition(edition=edition)
    try:
        thread = thread_list_for_user(user=request.user, edition=edition).get(
            session_topic_id=topic_id, question_key=key
        )
    except Thread.DoesNotExist as error:
        raise Http404 from error
    return redirect(reverse("forum:thread", kwargs={"pk": thread.pk}) + "#reply")
