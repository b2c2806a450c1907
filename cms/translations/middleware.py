"""Per-locale guard for the admin views of translatable snippets.

Wagtail's generic snippet views check model permissions only (e.g. "change
testimonial"); this guard adds the instance's locale before the view runs, for the
snippet views and for wagtail-localize's per-translation views; and the right to
publish before wagtail-localize turns a translated page into an alias.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from wagtail.models import Page
from wagtail_localize.models import Translation

from .permissions import (
    locale_policy_models,
    user_can_act_in_locale,
    user_can_convert_to_alias,
)

# URL name (without namespace) -> the action it needs on the instance.
SNIPPET_ACTIONS = {
    "delete": "delete",
    "unpublish": "publish",
}
LOCALIZE_TRANSLATION_VIEWS = {
    "edit_string_translation",
    "edit_override",
    "download_pofile",
    "upload_pofile",
    "machine_translate",
    "preview_translation",
    "stop_translation",
}


class LocaleGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.models = {
            f"wagtailsnippets_{m._meta.app_label}_{m._meta.model_name}": m
            for m in locale_policy_models()
        }

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None
        namespace = match.namespace.split(":")[-1] if match.namespace else ""
        if namespace in self.models and "pk" in view_kwargs:
            self._check_snippet(request, self.models[namespace], match, view_kwargs)
        elif namespace == "wagtail_localize" and match.url_name in (
            LOCALIZE_TRANSLATION_VIEWS
        ):
            self._check_translation(request, view_kwargs.get("translation_id"))
        elif namespace == "wagtail_localize" and match.url_name == "convert_to_alias":
            self._check_convert_to_alias(request, view_kwargs.get("page_id"))
        return None

    def _check_convert_to_alias(self, request, page_id) -> None:
        page = Page.objects.filter(pk=page_id).first()
        if page is not None and not user_can_convert_to_alias(request.user, page):
            raise PermissionDenied

    def _check_snippet(self, request, model, match, view_kwargs) -> None:
        action = SNIPPET_ACTIONS.get(match.url_name, "change")
        instance = model._default_manager.filter(
            pk=unquote(str(view_kwargs["pk"]))
        ).first()
        if instance is not None and not user_can_act_in_locale(
            request.user, model, action, instance.locale_id
        ):
            raise PermissionDenied

    def _check_translation(self, request, translation_id) -> None:
        translation = (
            Translation.objects.filter(pk=translation_id)
            .select_related("source__specific_content_type")
            .first()
        )
        if translation is None:
            return
        model = translation.source.specific_content_type.model_class()
        if model is None or issubclass(model, Page):
            return  # page views check the page tree themselves
        if model in locale_policy_models() and not user_can_act_in_locale(
            request.user, model, "change", translation.target_locale_id
        ):
            raise PermissionDenied
