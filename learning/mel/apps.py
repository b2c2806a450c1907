from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MelConfig(AppConfig):
    name = "learning.mel"
    label = "mel"
    verbose_name = _("monitoring, evaluation and learning")
