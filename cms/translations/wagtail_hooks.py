import html
import json
import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Locale
from wagtail_localize import wagtail_hooks as localize_hooks

from . import views
from .bulk_actions import MachineTranslateForReviewBulkAction
from .inbox import translation_work_list
from .permissions import (
    locale_policy_models,
    user_can_act_in_locale,
    user_can_convert_to_alias,
)
from .selectors import user_translation_locales

PANEL_SIZE = 15
CONVERT_TO_ALIAS = "localize-convert-to-alias"
# wagtail-localize's translation editor reads its actions from this attribute.
EDITOR_PROPS = re.compile(rb'class="js-translation-editor" data-props="([^"]*)"')


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("translations/report/", views.report, name="translations_report"),
        path(
            "translations/start/<int:content_type_id>/<int:pk>/<str:locale_code>/",
            views.start,
            name="translations_start",
        ),
        path(
            "translations/submit/<int:content_type_id>/<int:pk>/",
            views.submit_for_review,
            name="translations_submit_for_review",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(
        _("Translations"),
        reverse("translations_report"),
        name="translations-report",
        icon_name="site",
        order=800,
    )


class TranslationsPanel(Component):
    """Dashboard panel: the work list of the user's translation locales."""

    name = "translations"
    order = 90
    template_name = "translations/panel.html"

    def __init__(self, locales: list[Locale]):
        self.locales = locales

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        finder = AdminURLFinder(request.user)
        lists = []
        for locale in self.locales:
            rows = translation_work_list(locale=locale)
            shown = rows[:PANEL_SIZE]
            views.attach_start_urls(rows=shown, user=request.user)
            for row in shown:
                row.start_url = row.start_urls.get(locale.language_code)
                row.cell = row.cells[locale.language_code]
                target = (
                    row.object.get_translation_or_none(locale)
                    if row.cell.target_pk
                    else None
                )
                row.target = target
                row.target_url = finder.get_edit_url(target) if target else None
                row.submit_url = _submit_url(row.cell, target)
            lists.append({"locale": locale, "rows": shown, "total": len(rows)})
        return {
            "lists": lists,
            "request": request,
            "csrf_token": parent_context.get("csrf_token"),
        }


def _submit_url(cell, target) -> str | None:
    if target is None or not cell.ready_for_review:
        return None
    content_type = ContentType.objects.get_for_model(target)
    return reverse("translations_submit_for_review", args=[content_type.pk, target.pk])


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "translations.start",
        _("Start translation"),
        _("Started a translation"),
    )
    actions.register_action(
        "translations.machine_review",
        _("Machine translate for review"),
        _("Machine-translated and sent to review"),
    )


hooks.register("register_bulk_action", MachineTranslateForReviewBulkAction)


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    locales = user_translation_locales(user=request.user)
    if locales:
        panels.append(TranslationsPanel(locales))


@hooks.register("before_create_snippet")
def refuse_snippet_outside_locale(request, model):
    """A translator creates snippets in their own locale only."""
    if model not in locale_policy_models():
        return None
    code = request.GET.get("locale") or settings.LANGUAGE_CODE
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None or not user_can_act_in_locale(
        request.user, model, "add", locale.pk
    ):
        raise PermissionDenied
    return None


@hooks.register("before_edit_page", order=-1)
def edit_translation_without_convert_to_alias(request, page):
    """The translation editor, minus "Convert to alias page" for non-publishers.

    Runs before wagtail-localize's own hook, whose editor offers the conversion to
    anyone who may edit; the conversion itself is refused by LocaleGuardMiddleware.
    """
    if user_can_convert_to_alias(request.user, page):
        return None
    response = localize_hooks.before_edit_page(request, page)
    if response is None or response.status_code != 200:
        return response
    return _editor_without_convert_to_alias(response)


def _editor_without_convert_to_alias(response):
    match = EDITOR_PROPS.search(response.content)
    if match is None:
        return response
    props = json.loads(html.unescape(match.group(1).decode()))
    props["links"]["convertToAliasUrl"] = None
    start, end = match.span(1)
    content = response.content
    response.content = (
        content[:start] + escape(json.dumps(props)).encode() + content[end:]
    )
    return response


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias(menu_items, request, context):
    """The page editor's "Convert to alias page" item, for publishers only."""
    page = context.get("page")
    if page is None or user_can_convert_to_alias(request.user, page):
        return
    menu_items[:] = [item for item in menu_items if item.name != CONVERT_TO_ALIAS]
