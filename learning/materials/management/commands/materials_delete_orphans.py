"""Delete stored shared-material files that no row names (run it daily)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from learning.materials.services import shared_material_orphans_delete


class Command(BaseCommand):
    help = "Delete shared-material files left behind by rolled-back transactions."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = shared_material_orphans_delete()
        self.stdout.write(_("Deleted files: %(count)d") % {"count": deleted})
