"""Audit log actions of enrolments: who merged organisations or kept them apart."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

ENROLMENT_LOG_ACTIONS = (
    (
        "enrolments.organisation_merge",
        _("Merge organisations"),
        _("Organisation merged into this one"),
    ),
    (
        "enrolments.organisation_keep_separate",
        _("Keep organisations separate"),
        _("Organisation kept apart from a possible duplicate"),
    ),
)


@hooks.register("register_log_actions")
def register_enrolment_log_actions(actions):
    for action, label, message in ENROLMENT_LOG_ACTIONS:
        actions.register_action(action, label, message)
