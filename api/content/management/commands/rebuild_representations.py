"""`manage.py rebuild_representations`: make again the stored representation of
every live page and testimonial (api.content.stored), with a progress bar. Safe
to run at any time and as often as wanted: each row is replaced, rows of objects
no longer live are removed. Run it after a deployment that changes a content
serializer (or raise stored.FORMAT), or after restoring a database."""

import io
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from api.content.stored import live_count, representations_rebuild
from cms.core.management.commands.media_audit import ProgressBar


class Command(BaseCommand):
    help = "Make again the stored API representation of every live page and snippet."

    def handle(self, *args: Any, **options: Any) -> None:
        quiet = options["verbosity"] == 0
        stream = io.StringIO() if quiet else self.stdout
        bar = ProgressBar(stream, _("Representations"), live_count())
        for made in representations_rebuild():
            bar.advance(made)
        stream.write(
            _("Stored representations made: %(count)d.") % {"count": bar.done} + "\n"
        )
