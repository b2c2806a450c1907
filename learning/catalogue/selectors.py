"""Reads of the catalogue that the learning apps share."""

from typing import TypeVar

from django.conf import settings
from django.db.models import Case, IntegerField, QuerySet, Value, When
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from .models import ModulePage, ProgrammePage

PageT = TypeVar("PageT", bound=Page)


def page_source_get(*, page: PageT) -> PageT:
    """The default-locale page that `page` translates (or the oldest, or itself)."""
    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
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
    return source or page


def module_list_for_programme(*, programme: ProgrammePage) -> QuerySet[ModulePage]:
    """The live modules of the programme's source page, in their order."""
    source = page_source_get(page=programme)
    return ModulePage.objects.child_of(source).live().order_by("module_number", "path")
