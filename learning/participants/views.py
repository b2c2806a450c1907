"""The participant's area: "My programme" and the personal calendar feed."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from learning.core.calendar import calendar_build
from learning.core.types import signed_in_user
from learning.enrolments.membership import edition_list_facilitated

from .selectors import (
    calendar_feed_exists,
    calendar_feed_user_get,
    join_link_minutes_before,
    participant_calendar_events,
    participant_programme_list,
)
from .services import calendar_feed_regenerate

# The new token waits here for the one page view that shows it.
NEW_FEED_SESSION_KEY = "participants_new_calendar_token"


@never_cache
@login_required
@require_GET
def programme_home(request: HttpRequest) -> HttpResponse:
    """The signed-in user's editions, meetings, colleagues and recordings.

    Access: signed-in users only (others go to the sign-in page); each sees only
    the editions where they represent an organisation, and the editions they
    facilitate (links to their forum, materials and attendance pages).
    """
    new_token = request.session.pop(NEW_FEED_SESSION_KEY, "")
    feed_url = ""
    if new_token:
        feed_url = request.build_absolute_uri(
            reverse("participant_calendar:feed", kwargs={"token": new_token})
        )
    return render(
        request,
        "learning/participants/programme.html",
        {
            "editions": participant_programme_list(user=signed_in_user(request)),
            "facilitated": edition_list_facilitated(user=request.user),
            "join_minutes": join_link_minutes_before(),
            "has_calendar_feed": calendar_feed_exists(user=signed_in_user(request)),
            "new_feed_url": feed_url,
        },
    )


@login_required
@require_POST
def calendar_feed_new(request: HttpRequest) -> HttpResponse:
    """Make a new calendar address; the previous one stops working.

    Access: signed-in users only, for their own feed; POST with CSRF token.
    """
    request.session[NEW_FEED_SESSION_KEY] = calendar_feed_regenerate(
        user=signed_in_user(request)
    )
    return redirect(reverse("participants:home") + "#calendar")


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The user's meetings as an iCalendar feed, for calendar apps to subscribe to.

    Access: anyone holding the secret token (calendar apps cannot sign in); a wrong
    token is a 404.
    """
    user = calendar_feed_user_get(token=token)
    if user is None:
        raise Http404
    language = getattr(user, "preferred_language", "") or translation.get_language()
    with translation.override(language):
        page_url = request.build_absolute_uri(reverse("participants:home"))
        events = participant_calendar_events(
            user=user, page_url=page_url, language=language
        )
        body = calendar_build(events=events, name=_("My programme"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="my-programme.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
