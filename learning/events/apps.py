from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "learning.events"
    label = "events"
    verbose_name = _("learning events")

    def ready(self) -> None:
        from .receivers import connect

        connect()
