"""The "Learning" admin menu, which each app fills."""

from collections.abc import Callable, Iterable
from typing import Any

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup

from .admin_views import LEARNING_MENU_HOOK
from .views_openings import opening_view


def learning_menu_viewsets() -> tuple[Callable[[], Any], ...]:
    """The viewsets the apps add to the Learning menu, by their explicit order.

    Each app's wagtail_hooks.py registers a function for LEARNING_MENU_HOOK that
    returns (order, viewset class) pairs. Today's order: editions 10, meetings 20,
    enrolments 30, attendance 40, attendance report 50, certificates 60,
    information sessions 70, their registrations 80, person data 90.
    """
    entries: list[tuple[int, Callable[[], Any]]] = []
    for hook in hooks.get_hooks(LEARNING_MENU_HOOK):
        entries.extend(hook())
    return tuple(viewset for _order, viewset in sorted(entries, key=_order_of))


def _order_of(entry: tuple[int, Any]) -> int:
    return entry[0]


class LearningViewSetGroup(ModelViewSetGroup):
    """Editions, meetings, enrolments and information sessions, shown by permission."""

    menu_label = _("Learning")
    menu_icon = "group"
    menu_name = "learning"
    menu_order = 250

    def __init__(self) -> None:
        # Read when Wagtail registers the group, after every app's hooks loaded.
        self.items: Iterable[Any] = learning_menu_viewsets()
        super().__init__()


@hooks.register("register_admin_viewset")
def register_learning_viewsets() -> LearningViewSetGroup:
    return LearningViewSetGroup()


@hooks.register("register_log_actions")
def register_opening_log_actions(actions: Any) -> None:
    actions.register_action(
        "learning.opening.open", _("Open sign-up"), _("Sign-up opened")
    )
    actions.register_action(
        "learning.opening.override",
        _("Open sign-up anyway"),
        _("Sign-up opened despite missing or outdated translations"),
    )


@hooks.register("register_admin_urls")
def register_opening_urls() -> list[Any]:
    return [
        path(
            "learning/opening/<int:content_type_id>/<int:pk>/",
            opening_view,
            name="learning_opening",
        )
    ]
