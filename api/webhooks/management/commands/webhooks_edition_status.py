"""Announce editions whose status changed with time (enrolment opened or
closed, the edition started or finished). Run it hourly."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from api.webhooks.events import edition_status_check
from learning.editions.models import Edition


class Command(BaseCommand):
    help = "Send edition.status_changed for editions whose status changed."

    def handle(self, *args, **options):
        today = timezone.now().date()
        ids = Edition.objects.filter(ends_on__gte=today - timedelta(days=2))
        changed = sum(
            edition_status_check(edition_id=pk)
            for pk in ids.values_list("pk", flat=True)
        )
        self.stdout.write(_("%(count)d editions changed status.") % {"count": changed})
