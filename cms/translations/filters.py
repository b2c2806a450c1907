import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learning.catalogue.models import ProgrammePage

from .enums import TranslationStatus


def kind_choices():
    from .selectors import translatable_kinds

    return translatable_kinds()


class TranslationReportFilterSet(django_filters.FilterSet):
    """The report's filters. Status is computed, so the view applies it to rows."""

    kind = django_filters.ChoiceFilter(
        label=_("type"), choices=kind_choices, method="noop", empty_label=_("any type")
    )
    programme = django_filters.ModelChoiceFilter(
        label=_("programme"),
        queryset=ProgrammePage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).order_by("title"),
        method="noop",
        empty_label=_("any programme"),
    )
    status = django_filters.ChoiceFilter(
        label=_("status"),
        choices=TranslationStatus.choices,
        method="noop",
        empty_label=_("any status"),
    )

    def noop(self, queryset, name, value):
        return queryset
