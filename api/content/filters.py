from typing import Any

import django_filters
from django.db.models import QuerySet
from rest_framework import filters
from rest_framework.request import Request
from rest_framework.views import APIView
from wagtail.models import Page
from wagtail.query import PageQuerySet

from cms.core.selectors import search_matching_ids

from .queries import visible_pages


class IndexSearchFilter(filters.SearchFilter):
    """`?search=` by the site's search (its backend and indexed fields, body text
    included, accents ignored): it narrows the list, whose ordering stays."""

    def filter_queryset(
        self, request: Request, queryset: QuerySet[Any], view: APIView
    ) -> QuerySet[Any]:
        query = request.query_params.get(self.search_param, "").strip()
        if not query:
            return queryset
        ids = search_matching_ids(model=queryset.model, query=query)
        return queryset.filter(pk__in=ids)


class PageFilter(django_filters.FilterSet):
    parent = django_filters.NumberFilter(
        method="filter_parent", label="Children of this page id"
    )
    type = django_filters.CharFilter(
        method="filter_type", label="Page type, e.g. catalogue.ModulePage"
    )

    class Meta:
        model = Page
        fields = ["parent", "type"]

    def filter_parent(
        self, queryset: PageQuerySet, name: str, value: int
    ) -> PageQuerySet:
        parent = Page.objects.filter(pk=value).first()
        if parent is None:
            return queryset.none()
        return queryset.child_of(parent)

    def filter_type(
        self, queryset: PageQuerySet, name: str, value: str
    ) -> PageQuerySet:
        from django.apps import apps

        try:
            app_label, model_name = value.split(".")
            model = apps.get_model(app_label, model_name)
        except (ValueError, LookupError):
            return queryset.none()
        return queryset.type(model) if issubclass(model, Page) else queryset.none()


def _descendants_of(queryset: PageQuerySet, page_id: int) -> PageQuerySet:
    ancestor = visible_pages().filter(pk=page_id).first()
    if ancestor is None:
        return queryset.none()
    return queryset.descendant_of(ancestor)


class UnderProgrammeFilter(PageFilter):
    programme = django_filters.NumberFilter(
        method="filter_programme", label="Programme page id"
    )

    def filter_programme(
        self, queryset: PageQuerySet, name: str, value: int
    ) -> PageQuerySet:
        return _descendants_of(queryset, value)


class SessionTopicFilter(UnderProgrammeFilter):
    module = django_filters.NumberFilter(method="filter_module", label="Module page id")

    def filter_module(
        self, queryset: PageQuerySet, name: str, value: int
    ) -> PageQuerySet:
        return _descendants_of(queryset, value)


class PublicationFilter(PageFilter):
    year = django_filters.NumberFilter(field_name="year")
    topic = django_filters.CharFilter(
        field_name="topic_links__topic__slug", label="Topic slug"
    )
