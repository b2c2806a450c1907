from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationStatus(models.TextChoices):
    MISSING = "missing", _("missing")
    OUTDATED = "outdated", _("outdated")
    IN_REVIEW = "in_review", _("in review")
    UP_TO_DATE = "up_to_date", _("up to date")
