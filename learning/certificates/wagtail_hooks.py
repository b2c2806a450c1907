"""Audit log actions of certificates: who issued or revoked which one, and why."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

CERTIFICATE_LOG_ACTIONS = (
    ("certificates.issue", _("Issue certificate"), _("Certificate issued")),
    ("certificates.revoke", _("Revoke certificate"), _("Certificate revoked")),
)


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    for action, label, message in CERTIFICATE_LOG_ACTIONS:
        actions.register_action(action, label, message)
