"""Issue the certificates of finished editions (idempotent: run it daily by cron)."""

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from learning.certificates.selectors import edition_list_finished
from learning.certificates.services import certificates_issue_for_edition

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Issue certificates to everyone eligible in editions that have finished."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Only editions that ended in the last DAYS days (default: all).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        editions = edition_list_finished(within_days=options["days"])
        issued = 0
        for done, edition in enumerate(editions, start=1):
            issued += len(certificates_issue_for_edition(edition=edition))
            self._progress(done, len(editions), edition.label)
        if editions and self.stdout.isatty():
            self.stdout.write("")
        self.stdout.write(
            _("Editions checked: %(editions)d. Certificates issued: %(issued)d.")
            % {"editions": len(editions), "issued": issued}
        )

    def _progress(self, done: int, total: int, title: str) -> None:
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        line = f"[{bar}] {done}/{total} {title}"
        if self.stdout.isatty():
            self.stdout.write(f"\r{line[:100]:<100}", ending="")
            sys.stdout.flush()
        else:
            # Cron logs get one line per edition.
            self.stdout.write(line)
