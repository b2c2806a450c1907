"""The materials' periodic job: delete stored files no row names."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learning.scheduling.registry import scheduled_job

from .services import shared_material_orphans_delete


@scheduled_job(
    name="materials_delete_orphans",
    label=gettext_lazy("Delete orphaned material files"),
    cron="45 3 * * *",
    description=gettext_lazy(
        "Deletes shared-material files left behind by uploads that were rolled back."
    ),
)
def materials_delete_orphans() -> str:
    deleted = shared_material_orphans_delete()
    return _("Deleted files: %(count)d") % {"count": deleted}
