from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "cms.translations"
    label = "translations"
    verbose_name = _("translations")

    def ready(self) -> None:
        from learning.core.openings import opening_check_register

        from . import gate, permissions, receivers

        # Before the snippet viewsets register their fallback model policies.
        permissions.register_locale_policies()
        receivers.connect()
        opening_check_register(name="translations", check=gate.gate_status)
