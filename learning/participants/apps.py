from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "learning.participants"
    label = "participants"
    verbose_name = _("participants' area")
