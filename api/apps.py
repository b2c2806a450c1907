from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    label = "api"
    verbose_name = _("API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import cors, schema  # noqa: F401  (registers the extension)

        # The content generation's receivers are cms.core's (cms.core.receivers).
        cors.connect()
