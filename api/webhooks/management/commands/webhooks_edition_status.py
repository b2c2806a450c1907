"""Announce editions whose status changed with time (enrolment opened or
closed, the edition started or finished). The clock runs it hourly as the job
`webhooks_edition_status`; the command runs it once by hand."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from api.webhooks.events import edition_statuses_check


class Command(BaseCommand):
    help = "Send edition.status_changed for editions whose status changed."

    def handle(self, *args: Any, **options: Any) -> None:
        changed = edition_statuses_check()
        self.stdout.write(
            ngettext(
                "%(count)d edition changed status.",
                "%(count)d editions changed status.",
                changed,
            )
            % {"count": changed}
        )
