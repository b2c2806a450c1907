from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfosessionsConfig(AppConfig):
    name = "learning.infosessions"
    label = "infosessions"
    verbose_name = _("information sessions")
