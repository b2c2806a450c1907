"""python manage.py load_demo [--password mutual-demo]

Builds the bilingual demo site: pages, media, snippets and accounts. Safe to run
again: it reuses what exists, adds what is missing and resets the demo passwords.
"""

import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from cms.demo.accounts import ACCOUNTS
from cms.demo.indexing import index_each_object_once
from cms.demo.learning import emails_suppressed
from cms.demo.load import DemoLoader

DEFAULT_PASSWORD = "mutual-demo"  # noqa: S105 - a published demo password
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
# Wagtail and django-tasks log every page save and task at INFO level.
NOISY_LOGGERS = ("wagtail", "django_tasks", "modelsearch")


@contextmanager
def quiet_loggers(names, level=logging.WARNING):
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(level)
    try:
        yield
    finally:
        for logger, previous in zip(loggers, levels, strict=True):
            logger.setLevel(previous)


class Command(BaseCommand):
    help = "Load the bilingual demo site: pages, media, snippets and demo accounts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help=f"Password of every demo account (default: {DEFAULT_PASSWORD}).",
        )
        parser.add_argument(
            "--base-url",
            default=DEFAULT_BASE_URL,
            help=f"Where the site runs (default: {DEFAULT_BASE_URL}).",
        )

    def handle(self, *args, password, base_url, verbosity, **options):
        started = time.monotonic()
        self.verbose = verbosity >= 2
        loader = DemoLoader(password=password, log=self.detail)
        steps = loader.steps()
        # Each step commits on its own; the emails its services enqueue would go
        # out then, to made-up people, so the whole load runs without email.
        with quiet_loggers(NOISY_LOGGERS if verbosity < 3 else ()), emails_suppressed():
            for number, step in enumerate(steps, start=1):
                self.run_step(loader, number, len(steps), step)
        self.summary(base_url.rstrip("/"), password, time.monotonic() - started)

    def run_step(self, loader, number, total, step):
        heading = _("[%(number)d/%(total)d] %(step)s…") % {
            "number": number,
            "total": total,
            "step": step.label,
        }
        self.stdout.write(heading, ending="\n" if self.verbose else " ")
        self.stdout.flush()
        started = time.monotonic()
        with transaction.atomic(), index_each_object_once():
            before = _snapshot(loader)
            step.run()
            created, reused, translated = (
                after - earlier
                for after, earlier in zip(_snapshot(loader), before, strict=True)
            )
        self.stdout.write(self.result(created, reused, translated, started))

    def result(self, created, reused, translated, started):
        seconds = _("(%(seconds).1f s)") % {"seconds": time.monotonic() - started}
        if not created and not translated:
            return _("up to date, %(reused)d reused %(seconds)s") % {
                "reused": reused,
                "seconds": seconds,
            }
        parts = [_("%(count)d created") % {"count": created}]
        if translated:
            parts.append(
                ngettext("%(count)d translation", "%(count)d translations", translated)
                % {"count": translated}
            )
        if reused:
            parts.append(_("%(count)d reused") % {"count": reused})
        return self.style.SUCCESS(", ".join(parts)) + " " + seconds

    def detail(self, message):
        if self.verbose:
            self.stdout.write(message)

    def summary(self, base_url, password, elapsed):
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                _("Demo site ready in %(seconds).1f s.") % {"seconds": elapsed}
            )
        )
        codes = settings.CONTENT_LANGUAGES
        homes = "  ·  ".join(f"{base_url}/{code}/" for code in codes)
        self.stdout.write(_("  Site:  %(urls)s") % {"urls": homes})
        self.stdout.write(_("  Admin: %(url)s") % {"url": f"{base_url}/admin/"})
        self.stdout.write("")
        rows = [(account.email, str(account.role), password) for account in ACCOUNTS]
        header = (_("Email"), pgettext("part on the platform", "Role"), _("Password"))
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]
        self.stdout.write(self.style.MIGRATE_HEADING(_format_row(header, widths)))
        for row in rows:
            self.stdout.write(_format_row(row, widths))


def _snapshot(loader):
    if loader.builder is None:
        return (0, 0, 0)
    counts = loader.builder.counts
    return (counts.created, counts.reused, counts.translated)


def _format_row(cells, widths):
    return "  " + "  ".join(
        cell.ljust(width) for cell, width in zip(cells, widths, strict=True)
    )
