"""The gate's periodic job: open what is ready, clear marks that no longer hold."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.translations.inbox_notices import inbox_alerts_send, inbox_digests_enqueue
from learning.core.openings import openings_refresh
from learning.scheduling.registry import scheduled_job


@scheduled_job(
    name="openings_refresh",
    label=gettext_lazy("Sign-ups waiting for translations"),
    cron="*/15 * * * *",
    description=gettext_lazy(
        "Opens the editions, events and information sessions whose pages are now "
        'translated and up to date, and clears the "translation outdated" mark '
        "of open ones that are up to date again."
    ),
)
def openings_refresh_job() -> str:
    opened, cleared = openings_refresh()
    return _("Opened: %(opened)d; marks cleared: %(cleared)d.") % {
        "opened": opened,
        "cleared": cleared,
    }


@scheduled_job(
    name="translation_inbox_digest",
    label=gettext_lazy("Translators' weekly digest"),
    cron="0 7 * * 1",
    description=gettext_lazy(
        "Sends each language's translators their inbox: what needs translating, "
        "most urgent first."
    ),
)
def translation_inbox_digest_job() -> str:
    count = inbox_digests_enqueue()
    return _("Languages with a digest: %(count)d.") % {"count": count}


@scheduled_job(
    name="translation_inbox_alerts",
    label=gettext_lazy("Translations needed within a week"),
    cron="45 * * * *",
    description=gettext_lazy(
        "Alerts a language's translators when a page is needed in under seven "
        "days and work remains, once per page and date."
    ),
)
def translation_inbox_alerts_job() -> str:
    count = inbox_alerts_send()
    return _("Pages alerted: %(count)d.") % {"count": count}
