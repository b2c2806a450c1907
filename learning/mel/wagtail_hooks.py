"""Feedback surveys as translatable snippets (Snippets → Feedback surveys)."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from learning.core.admin_views import LEARNING_MENU_HOOK

from .models import Survey
from .views_admin import MelViewSet


class SurveyViewSet(SnippetViewSet):
    """Coordinators write a programme's surveys; translators translate them with
    the translation workflow (wagtail-localize keeps each question's id)."""

    model = Survey
    icon = "form"
    menu_label = _("Feedback surveys")
    list_display = ["title", "programme", "kind", "anonymous", "is_active", "locale"]
    list_filter = ["kind", "anonymous", "is_active", "locale"]
    search_fields = ["title"]


register_snippet(SurveyViewSet)


@hooks.register(LEARNING_MENU_HOOK)
def mel_menu_viewsets() -> list[tuple[int, Any]]:
    # Learning → MEL, after the attendance report (50) and certificates (60).
    return [(65, MelViewSet)]
