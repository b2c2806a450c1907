"""The enrolments' periodic job: lapse offers left unanswered past their deadline."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learning.scheduling.registry import scheduled_job

from .services import offers_expire


@scheduled_job(
    name="enrolment_offers_expire",
    label=gettext_lazy("Lapse unanswered offers"),
    cron="*/15 * * * *",
    description=gettext_lazy(
        "Lapses places offered from the waitlist that were not answered by their "
        "deadline and offers each place to the next organisation (once)."
    ),
)
def enrolment_offers_expire() -> str:
    lapsed = offers_expire()
    return _("Offers lapsed: %(count)d") % {"count": len(lapsed)}
