from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = _("core")

    def ready(self) -> None:
        from . import receivers, stored_parts_freshness

        receivers.connect()
        stored_parts_freshness.connect()
