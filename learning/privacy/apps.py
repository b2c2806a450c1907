from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Finding, exporting and erasing a person's data across the formats."""

    name = "learning.privacy"
    label = "learning_privacy"
    verbose_name = _("learning privacy")
