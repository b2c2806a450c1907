"""The site's periodic job: Wagtail's scheduled publishing and expiry."""

from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Revision

from learning.scheduling.registry import scheduled_job


@scheduled_job(
    name="wagtail_publish_scheduled",
    label=gettext_lazy("Publish scheduled pages"),
    cron="* * * * *",
    description=gettext_lazy(
        "Publishes pages and snippets whose go-live time has come and "
        "unpublishes those that expired."
    ),
)
def publish_scheduled() -> str:
    due = Revision.objects.filter(approved_go_live_at__lt=timezone.now()).count()
    call_command("publish_scheduled", verbosity=0)
    return _("Scheduled items published: %(count)d.") % {"count": due}
