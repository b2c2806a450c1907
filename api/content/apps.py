from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """The content endpoints' stored representations (made at publish)."""

    name = "api.content"
    label = "api_content"
    verbose_name = _("API content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import receivers

        receivers.connect()
