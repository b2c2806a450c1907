"""Information sessions and their registrations in the Learning admin menu."""

from typing import Any

from wagtail import hooks

from learning.core.admin_views import LEARNING_MENU_HOOK

from .views_admin import InfoSessionViewSet, RegistrationViewSet


@hooks.register(LEARNING_MENU_HOOK)
def learning_menu_viewsets() -> list[tuple[int, Any]]:
    return [(70, InfoSessionViewSet), (80, RegistrationViewSet)]
