from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from learning.notifications.emails import ORGANISATION_NAME_HOOK

from .models import SiteIdentity
from .rich_text import PageLinkHandler
from .selectors import organisation_name


# After Wagtail's own registration of the "page" link type, to replace it.
@hooks.register("register_rich_text_features", order=100)
def register_page_link_handler(features):
    features.register_link_type(PageLinkHandler)


class SiteIdentityViewSet(SnippetViewSet):
    """The organisation's name in each language, next to the site settings."""

    model = SiteIdentity
    icon = "site"
    menu_label = _("Organisation name")
    add_to_settings_menu = True
    list_display = ["organisation_name", "locale", "live"]


register_snippet(SiteIdentityViewSet)


@hooks.register(ORGANISATION_NAME_HOOK)
def learning_organisation_name(*, language: str) -> str:
    """The name the learning plugin's emails sign with, in the recipient's language."""
    return organisation_name(language=language)
