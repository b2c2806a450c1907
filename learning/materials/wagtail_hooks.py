"""Audit log actions of shared materials (who hid or restored what, and when)."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_material_log_actions(actions: Any) -> None:
    actions.register_action(
        "materials.hide", _("Hide shared material"), _("Shared material hidden")
    )
    actions.register_action(
        "materials.restore",
        _("Restore shared material"),
        _("Shared material restored"),
    )
