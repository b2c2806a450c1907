from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreparationConfig(AppConfig):
    name = "learning.preparation"
    label = "preparation"
    verbose_name = _("preparation for meetings")

    def ready(self) -> None:
        # The forum's digest before a meeting shows the participants' readiness;
        # the forum sits below this app, so it learns of the section here.
        from learning.core.digests import digest_section_register
        from learning.forum.digests import MEETING_DIGEST

        from .digests import READINESS_SECTION

        digest_section_register(MEETING_DIGEST, READINESS_SECTION)
