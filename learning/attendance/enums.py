from django.db import models
from django.utils.translation import gettext_lazy as _


class AttendanceStatus(models.TextChoices):
    """Whether a participant was at a meeting."""

    PRESENT = "present", _("present")
    ABSENT = "absent", _("absent")
    EXCUSED = "excused", _("excused")


class AttendanceSource(models.TextChoices):
    """How the mark was made."""

    QUICK_PAGE = "quick_page", _("attendance page")
    ADMIN = "admin", _("admin")
    ZOOM_IMPORT = "zoom_import", _("Zoom report import")
    API = "api", _("API")
