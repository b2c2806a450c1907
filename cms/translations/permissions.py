"""Per-language permissions for snippets, which have no page tree to hang them on.

A group that is a locale team's translators or reviewers grants its model
permissions for that locale's instances only. A user who holds a permission through
any other group (e.g. Editors) keeps it for every locale.
"""

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, QuerySet
from wagtail.models import TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

ALL_LOCALES = None


def user_locale_scope(user, model: type[Model], action: str) -> set[int] | None:
    """Locale ids where user may do action on model; None for every locale."""
    if not user.is_active:
        return set()
    if user.is_superuser:
        return ALL_LOCALES
    cache = user.__dict__.setdefault("_translations_locale_scope", {})
    key = (model._meta.label, action)
    if key not in cache:
        cache[key] = _compute_scope(user, model, action)
    return cache[key]


def _compute_scope(user, model: type[Model], action: str) -> set[int] | None:
    codename = get_permission_codename(action, model._meta)
    permission = Permission.objects.filter(
        content_type__app_label=model._meta.app_label, codename=codename
    )
    if user.user_permissions.filter(pk__in=permission).exists():
        return ALL_LOCALES
    groups = user.groups.filter(permissions__in=permission).values(
        "translator_team__locale_id", "reviewer_team__locale_id"
    )
    scope: set[int] = set()
    for row in groups:
        locale_id = row["translator_team__locale_id"] or row["reviewer_team__locale_id"]
        if locale_id is None:
            return ALL_LOCALES
        scope.add(locale_id)
    return scope


def user_can_act_in_locale(user, model: type[Model], action: str, locale_id) -> bool:
    """Whether user may do action on model's instances in the given locale."""
    scope = user_locale_scope(user, model, action)
    return scope is ALL_LOCALES or locale_id in scope


class LocalePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the locales of the user's locale teams."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return user_can_act_in_locale(user, self.model, action, instance.locale_id)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = super().instances_user_has_any_permission_for(user, actions)
        return _filter_to_scope(queryset, user, self.model, actions)


def _filter_to_scope(queryset: QuerySet, user, model, actions) -> QuerySet:
    scopes = [user_locale_scope(user, model, action) for action in actions]
    if any(scope is ALL_LOCALES for scope in scopes):
        return queryset
    return queryset.filter(locale_id__in=set().union(*scopes))


def user_can_convert_to_alias(user, page) -> bool:
    """Whether user may turn a page's translation into an alias of its source.

    The conversion replaces the translation with the source's text and makes it
    live at once, skipping the review workflow: it takes the right to publish.
    """
    return page.permissions_for_user(user).can_publish()


def locale_policy_models() -> list[type[Model]]:
    """The translatable snippet models that get a per-locale policy."""
    from cms.core.models import SiteIdentity
    from cms.navigation.models import Footer, MainMenu
    from cms.testimonials.models import Testimonial

    return [Testimonial, MainMenu, Footer, SiteIdentity]


def register_locale_policies() -> None:
    """Register LocalePermissionPolicy for every translatable snippet model."""
    for model in locale_policy_models():
        # A check, not an assert (`python -O` drops asserts): the policy decides
        # by the object's locale, which only translatable models have.
        if not issubclass(model, TranslatableMixin):
            raise ImproperlyConfigured(f"{model.__name__} is not translatable.")
        register_permission_policy(
            model, LocalePermissionPolicy(model), exact_class=True
        )
