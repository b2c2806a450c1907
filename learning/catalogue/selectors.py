"""Reads of the catalogue that the learning apps share."""

from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from .models import ModulePage, ProgrammePage

PageT = TypeVar("PageT", bound=Page)
# Where page_source_get keeps a page's source on the page object.
SOURCE_ATTRIBUTE = "_catalogue_source_page"


def page_source_get(*, page: PageT) -> PageT:
    """The default-locale page that `page` translates (or the oldest, or itself)."""
    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    # A page already known to be in the default locale is its own source: lists
    # that select_related("locale") ask nothing more of the database.
    loaded_locale = page._state.fields_cache.get("locale")
    if loaded_locale is not None and loaded_locale.language_code == default_code:
        return page
    # A programme page asks for its source three times (editions, info
    # sessions, target groups): one query per page object.
    known: PageT | None = page.__dict__.get(SOURCE_ATTRIBUTE)
    if known is not None:
        return known
    source = (
        type(page)
        .objects.filter(translation_key=page.translation_key)
        .annotate(
            is_default=Case(
                When(locale__language_code=default_code, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("is_default", "pk")
        .first()
    )
    found: PageT = source or page
    page.__dict__[SOURCE_ATTRIBUTE] = found
    return found


def module_list_for_programme(*, programme: ProgrammePage) -> QuerySet[ModulePage]:
    """The live modules of the programme's source page, in their order."""
    source = page_source_get(page=programme)
    modules: QuerySet[ModulePage] = ModulePage.objects.child_of(source).live()
    return modules.order_by("module_number", "path")


@dataclass(frozen=True)
class TargetGroup:
    """One target group: `id` is the same in every language, `name` is localised."""

    id: str
    name: str


def programme_target_groups(*, programme: ProgrammePage) -> list[TargetGroup]:
    """The source page's target groups, named as `programme` (any translation) does.

    Callers: the programme page, the API and, later, a seminar's registration,
    which stores a group's `id`. The source decides which groups exist, so a
    translation that lacks a group still offers it, in the source's words.
    """
    source = page_source_get(page=programme)
    names = {block.id: block.value for block in programme.target_groups}
    return [
        TargetGroup(id=block.id, name=names.get(block.id) or block.value)
        for block in source.target_groups
    ]


def programme_target_group_get(
    *, programme: ProgrammePage, group_id: str
) -> TargetGroup:
    """The programme's target group with this id (code `unknown_target_group`)."""
    for group in programme_target_groups(programme=programme):
        if group.id == group_id:
            return group
    raise ValidationError(
        _("Choose one of the groups this programme is for."),
        code="unknown_target_group",
    )
