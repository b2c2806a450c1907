from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Footer, MainMenu


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    list_display = ["name", "locale", "live"]


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "placeholder"
    list_display = ["name", "locale", "live"]


class NavigationViewSetGroup(SnippetViewSetGroup):
    items = (MainMenuViewSet, FooterViewSet)
    menu_icon = "list-ul"
    menu_label = _("Navigation")
    menu_name = "navigation"
    menu_order = 310


register_snippet(NavigationViewSetGroup)
