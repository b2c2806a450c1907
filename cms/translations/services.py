"""Writes of the translation workflow: roles, starting a translation, review
submission, machine translation for review and source sync."""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, Model, OuterRef
from django.utils import translation as django_translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .models import LocaleTeam
from .permissions import locale_policy_models, user_can_act_in_locale
from .selectors import translation_blocked_page_ids, user_translator_locales

TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
TRANSLATOR_SNIPPET_ACTIONS = ("add", "change")
REVIEWER_SNIPPET_ACTIONS = ("add", "change", "publish")


def locale_home_page(*, locale: Locale) -> Page | None:
    """The default site's root page in locale, if translated."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    return site.root_page.get_translation_or_none(locale)


@transaction.atomic
def locale_team_setup(*, locale: Locale) -> LocaleTeam:
    """Create or refresh the translator and reviewer groups and the review workflow."""
    home = locale_home_page(locale=locale)
    if home is None:
        raise ValidationError(
            _("The site has no home page in %(language)s yet."),
            code="no_locale_home",
            params={"language": locale.get_display_name()},
        )
    code = locale.language_code
    translators = Group.objects.get_or_create(name=f"Translators ({code})")[0]
    reviewers = Group.objects.get_or_create(name=f"Reviewers ({code})")[0]
    _set_page_permissions(translators, home, TRANSLATOR_PAGE_PERMISSIONS)
    _set_page_permissions(reviewers, home, REVIEWER_PAGE_PERMISSIONS)
    for group, actions in (
        (translators, TRANSLATOR_SNIPPET_ACTIONS),
        (reviewers, REVIEWER_SNIPPET_ACTIONS),
    ):
        group.permissions.add(*_snippet_permissions(actions), _admin_access())
    workflow = _review_workflow(locale, reviewers)
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    team, _created = LocaleTeam.objects.update_or_create(
        locale=locale,
        defaults={
            "translators": translators,
            "reviewers": reviewers,
            "workflow": workflow,
        },
    )
    return team


def translation_roles_setup() -> list[LocaleTeam]:
    """A locale team for every content language except the default."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locales = Locale.objects.filter(language_code__in=codes).exclude(
        language_code=settings.LANGUAGE_CODE
    )
    return [locale_team_setup(locale=locale) for locale in locales]


def _set_page_permissions(group: Group, page: Page, codenames) -> None:
    page_type = ContentType.objects.get_for_model(Page)
    wanted = Permission.objects.filter(content_type=page_type, codename__in=codenames)
    GroupPagePermission.objects.filter(group=group, page=page).exclude(
        permission__in=wanted
    ).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )


def _snippet_permissions(actions) -> list[Permission]:
    permissions = []
    for model in locale_policy_models():
        codenames = [get_permission_codename(a, model._meta) for a in actions]
        permissions.extend(
            Permission.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                codename__in=codenames,
            )
        )
    return permissions


def _admin_access() -> Permission:
    return Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )


def _review_workflow(locale: Locale, reviewers: Group) -> Workflow:
    with django_translation.override(settings.LANGUAGE_CODE):
        language = str(locale.get_display_name())
    workflow = Workflow.objects.get_or_create(name=f"{language} review")[0]
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.get_or_create(
        name=f"{language} reviewers approve"
    )[0]
    task.groups.set([reviewers])
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    # Snippets find this workflow through LocaleTeam (LocaleWorkflowMixin): a
    # WorkflowContentType would apply it to every language of the model.
    return workflow


def translation_for_target(*, target) -> Translation | None:
    """The enabled wagtail-localize translation whose target is this object."""
    return (
        Translation.objects.filter(
            source__object_id=target.translation_key,
            target_locale_id=target.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


@transaction.atomic
def translation_start(*, source: Model, locale: Locale, user) -> Model:
    """Create the draft translation of source into the translator's own locale.

    Like wagtail-localize's "Translate" action (TranslationCreator), but for one
    object and always as a draft that is not live: it goes live through the
    locale's review. Related objects are not translated along (they may be outside
    the translator's rights); the draft keeps pointing at the source's ones.
    Returns the new, specific, translated object.
    """
    translator_locales = user_translator_locales(user=user)
    if not translator_locales:
        raise PermissionDenied(_("You do not translate any language."))
    if locale not in translator_locales:
        raise ValidationError(
            _("You do not translate into %(language)s."),
            code="not_your_locale",
            params={"language": locale.get_display_name()},
        )
    if isinstance(source, Page):
        source = source.specific
    _check_startable(source, locale, user)
    translation_source, _created = TranslationSource.update_or_create_from_instance(
        source
    )
    translation, _created = Translation.objects.update_or_create(
        source=translation_source, target_locale=locale, defaults={"enabled": True}
    )
    try:
        translation.save_target(user=user, publish=False)
    except ValidationError as error:
        raise ValidationError(
            _("The translation could not be created: %(reason)s"),
            code="invalid_content",
            params={"reason": " ".join(error.messages)},
        ) from error
    target = translation.get_target_instance()
    if isinstance(target, Page):
        target = target.specific
    log(
        instance=target,
        action="translations.start",
        user=user,
        data={"source_id": source.pk, "locale": locale.language_code},
    )
    return target


def _check_startable(source, locale: Locale, user) -> None:
    if not isinstance(source, Page) and type(source) not in locale_policy_models():
        raise ValidationError(
            _("This content cannot be translated here."), code="not_translatable"
        )
    if source.get_translation_or_none(locale) is not None:
        raise ValidationError(
            _("It is already translated into %(language)s."),
            code="already_translated",
            params={"language": locale.get_display_name()},
        )
    if not isinstance(source, Page):
        if not _user_can_add_snippet(user, type(source), locale):
            raise PermissionDenied(_("You cannot add this content."))
        return
    if source.pk in translation_blocked_page_ids(objects=[source], locale=locale):
        raise ValidationError(
            _("Translate the parent page “%(parent)s” into %(language)s first."),
            code="parent_not_translated",
            params={
                "parent": source.get_parent().title,
                "language": locale.get_display_name(),
            },
        )
    parent = source.get_parent()
    if not parent.is_root():
        parent = parent.get_translation(locale)
    if not parent.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied(_("You cannot add pages here."))


def _user_can_add_snippet(user, model: type[Model], locale: Locale) -> bool:
    codename = get_permission_codename("add", model._meta)
    return user.has_perm(
        f"{model._meta.app_label}.{codename}"
    ) and user_can_act_in_locale(user, model, "add", locale.pk)


@transaction.atomic
def translation_submit_for_review(*, target, user) -> WorkflowState:
    """Save the translated strings into target as a draft and start its review."""
    if not _user_can_edit(user, target):
        raise PermissionDenied(_("You cannot edit this translation."))
    translation = translation_for_target(target=target)
    workflow = target.get_workflow()
    if workflow is None:
        raise ValidationError(
            _("No review workflow applies to this content."), code="no_workflow"
        )
    state = target.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise ValidationError(_("It is already in review."), code="already_in_review")
    if translation is not None:
        # Not Translation.save_target(publish=False): it also writes the live row,
        # so visitors would see the translation before review. A revision only.
        target = translation.source.get_ephemeral_translated_instance(
            translation.target_locale, fallback=True
        )
    target.save_revision(user=user)
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return state
    return workflow.start(target, user)


def _user_can_edit(user, target) -> bool:
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_edit()
    from wagtail.permissions import policy_registry

    policy = policy_registry.get(target)
    return policy.user_has_permission_for_instance(user, "change", target)


def translation_sources_sync(*, source_ids: list[int]) -> dict[int, list[Model]]:
    """Re-extract the given sources from the database.

    Strings that did not change keep their translations; changed ones lose them
    and show as untranslated. Returns {target locale id: [source objects whose
    translation now has untranslated strings]}.
    """
    from .selectors import translation_status_matrix

    sources = list(TranslationSource.objects.filter(pk__in=source_ids))
    objects = []
    for source in sources:
        try:
            # One transaction per source: the API's cache is invalidated when it
            # commits, with the new strings in place (api.receivers).
            with transaction.atomic():
                source.update_from_db()
        except source.specific_content_type.model_class().DoesNotExist:
            continue
        objects.append(source.get_source_instance())
    locales = list(
        Locale.objects.filter(
            translations__source__in=sources, translations__enabled=True
        ).distinct()
    )
    behind: dict[int, list[Model]] = {}
    for row in translation_status_matrix(objects=objects, locales=locales):
        for locale in locales:
            cell = row.cells[locale.language_code]
            if cell.untranslated:
                behind.setdefault(locale.pk, []).append(row.object)
    return behind


@transaction.atomic
def translation_machine_review(*, source: Page, locale: Locale, user) -> WorkflowState:
    """Machine-translate source into locale and send the draft to that language's
    review, in one step: strings already translated are kept.

    Who: users who could publish the translation themselves (editors, the
    language's reviewers); they choose review. Refused to anyone else.
    """
    source = source.specific
    if source.locale_id == locale.pk:
        raise ValidationError(
            _("The page is already in %(language)s."),
            code="same_locale",
            params={"language": locale.get_display_name()},
        )
    machine = get_machine_translator()
    if machine is None or not machine.can_translate(source.locale, locale):
        raise ValidationError(
            _("No machine translator is configured."), code="no_machine_translator"
        )
    target = source.get_translation_or_none(locale)
    _check_may_publish(source, target, locale, user)
    translation_source, _created = TranslationSource.update_or_create_from_instance(
        source
    )
    translation, _created = Translation.objects.update_or_create(
        source=translation_source, target_locale=locale, defaults={"enabled": True}
    )
    if target is None:
        translation.save_target(user=user, publish=False)
    _machine_translate(translation, machine, user)
    target = translation.get_target_instance().specific
    log(
        instance=target,
        action="translations.machine_review",
        user=user,
        data={"source_id": source.pk, "locale": locale.language_code},
    )
    return translation_submit_for_review(target=target, user=user)


def _machine_translate(translation: Translation, machine, user) -> None:
    """Machine-translate the strings still untranslated, as wagtail-localize's
    "Machine translate" button does; a slug keeps the source's, since a
    machine's words make no valid slug."""
    locale = translation.target_locale
    done = StringTranslation.objects.filter(
        locale=locale,
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
    )
    todo: dict = defaultdict(list)
    segments = StringSegment.objects.filter(source=translation.source).annotate(
        done=Exists(done)
    )
    for segment in segments.filter(done=False).select_related("context", "string"):
        todo[segment.string.as_value()].append(segment)
    words = [v for v, segs in todo.items() if not _all_slugs(segs)]
    results = machine.translate(translation.source.locale, locale, words)
    for value, segments_of_value in todo.items():
        machine_made = value in results and results[value].data is not None
        if not machine_made and not _all_slugs(segments_of_value):
            continue
        for segment in segments_of_value:
            StringTranslation.objects.get_or_create(
                translation_of_id=segment.string_id,
                locale=locale,
                context_id=segment.context_id,
                defaults={
                    "data": results[value].data if machine_made else value.data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE
                    if machine_made
                    else StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": machine.display_name,
                    "last_translated_by": user,
                },
            )


def _all_slugs(segments) -> bool:
    return all(segment.context.path == "slug" for segment in segments)


def _check_may_publish(source: Page, target, locale: Locale, user) -> None:
    if target is not None:
        if not target.permissions_for_user(user).can_publish():
            raise PermissionDenied(_("You cannot publish this translation."))
        return
    if source.pk in translation_blocked_page_ids(objects=[source], locale=locale):
        raise ValidationError(
            _("Translate the parent page “%(parent)s” into %(language)s first."),
            code="parent_not_translated",
            params={
                "parent": source.get_parent().title,
                "language": locale.get_display_name(),
            },
        )
    parent = source.get_parent()
    if not parent.is_root():
        parent = parent.get_translation(locale)
    if not parent.permissions_for_user(user).can_publish_subpage():
        raise PermissionDenied(_("You cannot publish pages here."))
