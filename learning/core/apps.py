from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every learning app and format shares: admin base, settings, storage."""

    name = "learning.core"
    label = "learning_core"
    verbose_name = _("learning core")

    def ready(self) -> None:
        from .kept_blocks import connect

        connect()
