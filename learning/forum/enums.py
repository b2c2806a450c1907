from django.db import models
from django.utils.translation import gettext_lazy as _


class ThreadMode(models.TextChoices):
    NORMAL = "normal", _("open discussion")
    POST_FIRST = "post_first", _("post first, then read others")


class FlagReason(models.TextChoices):
    OFF_TOPIC = "off_topic", _("off topic")
    OFFENSIVE = "offensive", _("offensive or disrespectful")
    SPAM = "spam", _("spam")
    PERSONAL_DATA = "personal_data", _("shares personal data")
    OTHER = "other", _("other")
