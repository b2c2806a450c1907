"""`manage.py rebuild_site_parts`: make again the stored parts of every live
programme, module and session topic page (cms.core.stored_parts), with a
progress bar. Safe to run at any time: each page's rows are made by reading it
as a visitor would. Rows are also made by the first read of each page, so this
is for warming them after a deployment or a restore."""

import io
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from cms.core.management.commands.media_audit import ProgressBar
from cms.core.stored_parts import parts_count, parts_rebuild


class Command(BaseCommand):
    help = "Make again the stored parts of every live page that has them."

    def handle(self, *args: Any, **options: Any) -> None:
        quiet = options["verbosity"] == 0
        stream = io.StringIO() if quiet else self.stdout
        bar = ProgressBar(stream, _("Pages"), parts_count())
        for made in parts_rebuild():
            bar.advance(made)
        message = _("Pages with stored parts: %(count)d.") % {"count": bar.done}
        stream.write(message + "\n")
