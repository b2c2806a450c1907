from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Finding, exporting and erasing a person's data across the formats."""

    name = "learning.privacy"
    label = "learning_privacy"
    verbose_name = _("learning privacy")

    def ready(self) -> None:
        # Each installed app says what it keeps about a person in its own
        # `personal_data.py` (learning.core.personal_data), so that a new format
        # adds its data to the export and erasure without touching this app.
        autodiscover_modules("personal_data")
