from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "learning.forum"
    label = "forum"
    verbose_name = _("forum")
