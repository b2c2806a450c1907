"""The forum's periodic job: the facilitators' digest before each meeting."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learning.scheduling.registry import scheduled_job

from .selectors import meeting_digest_due_list
from .services import forum_digest_send

DIGEST_HOURS_AHEAD = 24


@scheduled_job(
    name="forum_digests",
    label=gettext_lazy("Forum digests"),
    cron="5 * * * *",
    description=gettext_lazy(
        "Emails facilitators the forum answers before each meeting that starts "
        "within a day (once per meeting)."
    ),
)
def forum_digests_send() -> str:
    now = timezone.now()
    meetings = list(meeting_digest_due_list(now=now, hours=DIGEST_HOURS_AHEAD))
    sent = 0
    for meeting in meetings:
        digest = forum_digest_send(meeting=meeting, now=now)
        if digest is not None and digest.recipient_count:
            sent += 1
    return _("Meetings digested: %(meetings)d; with answers emailed: %(sent)d.") % {
        "meetings": len(meetings),
        "sent": sent,
    }
