from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrolmentsConfig(AppConfig):
    name = "learning.enrolments"
    label = "enrolments"
    verbose_name = _("learning enrolments")
