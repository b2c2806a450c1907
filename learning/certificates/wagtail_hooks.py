"""Audit log actions of certificates: who issued, revoked or corrected which one,
and why."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from learning.core.admin_views import LEARNING_MENU_HOOK

from .views_admin import CertificateViewSet

CERTIFICATE_LOG_ACTIONS = (
    ("certificates.issue", _("Issue certificate"), _("Certificate issued")),
    ("certificates.revoke", _("Revoke certificate"), _("Certificate revoked")),
    (
        "certificates.correct_name",
        _("Correct certificate name"),
        _("Certificate name corrected"),
    ),
)


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions: Any) -> None:
    for action, label, message in CERTIFICATE_LOG_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register(LEARNING_MENU_HOOK)
def learning_menu_viewsets() -> list[tuple[int, Any]]:
    return [(60, CertificateViewSet)]
