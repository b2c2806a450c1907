"""The coordinators' admin for enrolments: list, filters, exports and decisions."""

from collections.abc import Callable
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button

from learning.core.admin_views import (
    CSV_SAFE_PREPROCESS,
    LearningModelViewSet,
    form_errors_add,
)
from learning.core.csv_export import CsvExportMixin
from learning.editions.models import Edition

from .enums import EnrolmentStatus
from .exports import (
    ENROLMENT_EXPORT_FIELDS,
    ENROLMENT_EXPORT_HEADINGS,
    enrolment_export_row,
)
from .models import Enrolment, Organisation, Participant, site_language_choices
from .selectors import enrolment_actions_available, enrolment_list_for_admin
from .services import (
    RepresentativeInput,
    enrolment_confirm,
    enrolment_promote_from_waitlist,
    enrolment_reject,
    enrolment_withdraw,
    organisation_keep_separate,
    organisation_merge,
    representative_replace,
)

INSPECT_URL_NAME = "learning_enrolments:inspect"


class EnrolmentFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(
        queryset=Edition.objects.all(), label=_("Edition")
    )
    status = django_filters.ChoiceFilter(
        choices=EnrolmentStatus.choices, label=_("Status")
    )
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(), label=_("Organisation")
    )
    country = django_filters.CharFilter(
        field_name="organisation__country",
        lookup_expr="icontains",
        label=_("Country"),
    )

    class Meta:
        model = Enrolment
        fields: list[str] = []


class EnrolmentIndexView(CsvExportMixin, generic.IndexView):
    """Enrolments, filters, CSV/XLSX export; users with any enrolment permission."""

    custom_value_preprocess = CSV_SAFE_PREPROCESS

    def get_base_queryset(self) -> Any:
        return enrolment_list_for_admin()

    def to_row_dict(self, item: Enrolment) -> Any:
        return enrolment_export_row(item)

    def get_filename(self) -> str:
        cleaned = getattr(self.filters.form, "cleaned_data", {}) if self.filters else {}
        edition = cleaned.get("edition")
        return f"enrolments-{edition.slug}" if edition else "enrolments"


class EnrolmentInspectView(generic.InspectView):
    """An enrolment, its representatives and decisions; users with any permission."""

    template_name = "learning/admin/enrolment_inspect.html"

    def get_object(self, queryset: Any = None) -> Enrolment:
        return get_object_or_404(enrolment_list_for_admin(), pk=self.pk)

    @cached_property
    def header_more_buttons(self) -> list[Button]:
        # The decisions taken on an enrolment, with who took them, are its history.
        history = reverse("learning_enrolments:history", args=[self.object.pk])
        return [
            *super().header_more_buttons,
            Button(_("History"), url=history, icon_name="history", priority=30),
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        enrolment = self.object
        can_change = self.user_has_permission("change")
        available = enrolment_actions_available(enrolment=enrolment)
        context.update(
            enrolment=enrolment,
            modules=enrolment.modules.all(),
            representatives=enrolment.participants.select_related("replaced_by"),
            can_replace=can_change and "replace" in available,
            actions=[
                {
                    "label": view.page_title,
                    "url": reverse(f"learning_enrolments:{name}", args=[enrolment.pk]),
                    "serious": view.serious,
                }
                for name, view in ENROLMENT_ACTION_VIEWS.items()
                if can_change and name in available
            ],
        )
        return context


class EnrolmentAdminViewMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    """Views on one enrolment for users with the change permission on enrolments."""

    model = Enrolment
    permission_required = "change"
    header_icon = "group"
    page_title = ""

    def enrolment_get(self) -> Enrolment:
        raise NotImplementedError

    @cached_property
    def enrolment(self) -> Enrolment:
        return self.enrolment_get()

    @cached_property
    def inspect_url(self) -> str:
        return reverse(INSPECT_URL_NAME, args=[self.enrolment.pk])

    def get_page_subtitle(self) -> str:
        return str(self.enrolment.organisation)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("learning_enrolments:index"),
                "label": capfirst(Enrolment._meta.verbose_name_plural),
            },
            {"url": self.inspect_url, "label": str(self.enrolment.organisation)},
            {"url": "", "label": self.get_page_title()},
        ]


class EnrolmentActionView(EnrolmentAdminViewMixin, TemplateView):
    """Asks to confirm a decision (GET), then takes it through its service (POST)."""

    template_name = "learning/admin/enrolment_action.html"
    question: Any = ""
    success_message: Any = ""
    serious = False

    def enrolment_get(self) -> Enrolment:
        queryset = Enrolment.objects.select_related("edition", "organisation")
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def decide(self, *, enrolment: Enrolment, actor: Any) -> Enrolment:
        raise NotImplementedError

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            enrolment=self.enrolment,
            question=self.question % self._names(),
            cancel_url=self.inspect_url,
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            self.decide(enrolment=self.enrolment, actor=request.user)
        except ValidationError as error:
            context = self.get_context_data(errors=error.messages)
            return self.render_to_response(context)
        messages.success(request, self.success_message % self._names())
        return redirect(self.inspect_url)

    def _names(self) -> dict[str, str]:
        return {
            "organisation": self.enrolment.organisation.name,
            "edition": self.enrolment.edition.label,
        }


def _action(service: Callable[..., Enrolment]) -> Any:
    def decide(self: Any, *, enrolment: Enrolment, actor: Any) -> Enrolment:
        return service(enrolment=enrolment, actor=actor)

    return decide


class EnrolmentConfirmView(EnrolmentActionView):
    """Confirms through enrolment_confirm; users who may change enrolments."""

    page_title = _("Confirm")
    question = _("Confirm the place of %(organisation)s in %(edition)s?")
    success_message = _("%(organisation)s is confirmed in %(edition)s.")
    decide = _action(enrolment_confirm)


class EnrolmentRejectView(EnrolmentActionView):
    """Rejects through enrolment_reject; users who may change enrolments."""

    page_title = _("Reject")
    question = _(
        "Reject the enrolment of %(organisation)s in %(edition)s? "
        "Its place, if it holds one, is offered to the waitlist."
    )
    success_message = _("The enrolment of %(organisation)s is rejected.")
    serious = True
    decide = _action(enrolment_reject)


class EnrolmentWithdrawView(EnrolmentActionView):
    """Withdraws through enrolment_withdraw; users who may change enrolments."""

    page_title = _("Withdraw")
    question = _(
        "Withdraw %(organisation)s from %(edition)s? "
        "Its place, if it holds one, is offered to the waitlist."
    )
    success_message = _("%(organisation)s is withdrawn from %(edition)s.")
    serious = True
    decide = _action(enrolment_withdraw)


class EnrolmentPromoteView(EnrolmentActionView):
    """Moves from the waitlist through enrolment_promote_from_waitlist; changers."""

    page_title = _("Move from the waitlist")
    question = _("Give %(organisation)s a confirmed place in %(edition)s?")
    success_message = _("%(organisation)s has a confirmed place in %(edition)s.")
    decide = _action(enrolment_promote_from_waitlist)


class EnrolmentDuplicateView(EnrolmentActionView):
    """Settles the organisation's possible-duplicate flag; changers."""

    def enrolment_get(self) -> Enrolment:
        queryset = Enrolment.objects.select_related(
            "edition", "organisation__possible_duplicate_of"
        )
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def _names(self) -> dict[str, str]:
        twin = self.enrolment.organisation.possible_duplicate_of
        return {**super()._names(), "other": twin.name if twin else ""}


class EnrolmentMergeView(EnrolmentDuplicateView):
    """Merges through organisation_merge; users who may change enrolments."""

    page_title = _("Merge organisations")
    question = _(
        "Merge %(organisation)s into %(other)s? Its enrolments move to "
        "%(other)s and %(organisation)s is removed."
    )
    success_message = _("%(organisation)s is merged into %(other)s.")
    serious = True

    def decide(self, *, enrolment: Enrolment, actor: Any) -> Enrolment:
        twin = enrolment.organisation.possible_duplicate_of
        if twin is None:
            raise ValidationError(
                _("This organisation is not flagged as a possible duplicate."),
                code="not_a_duplicate",
            )
        organisation_merge(organisation=enrolment.organisation, into=twin, actor=actor)
        return enrolment


class EnrolmentKeepSeparateView(EnrolmentDuplicateView):
    """Clears the flag through organisation_keep_separate; changers."""

    page_title = _("Keep separate")
    question = _("Are %(organisation)s and %(other)s different organisations?")
    success_message = _("%(organisation)s and %(other)s are kept separate.")

    def decide(self, *, enrolment: Enrolment, actor: Any) -> Enrolment:
        organisation_keep_separate(organisation=enrolment.organisation, actor=actor)
        return enrolment


ENROLMENT_ACTION_VIEWS: dict[str, type[EnrolmentActionView]] = {
    "confirm": EnrolmentConfirmView,
    "promote": EnrolmentPromoteView,
    "reject": EnrolmentRejectView,
    "withdraw": EnrolmentWithdrawView,
    "merge": EnrolmentMergeView,
    "keep_separate": EnrolmentKeepSeparateView,
}


class RepresentativeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=255)
    email = forms.EmailField(label=_("Email address"))
    role = forms.CharField(label=_("Role"), max_length=255, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=site_language_choices
    )


class RepresentativeReplaceView(EnrolmentAdminViewMixin, FormView):
    """Replaces a representative through representative_replace; changers."""

    template_name = "learning/admin/representative_replace.html"
    form_class = RepresentativeForm
    page_title = _("Replace a representative")

    @cached_property
    def participant(self) -> Participant:
        queryset = Participant.objects.select_related(
            "enrolment__organisation", "enrolment__edition"
        )
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def enrolment_get(self) -> Enrolment:
        return self.participant.enrolment

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(participant=self.participant, cancel_url=self.inspect_url)
        return context

    def form_valid(self, form: RepresentativeForm) -> HttpResponse:
        try:
            successor = representative_replace(
                participant=self.participant,
                representative=RepresentativeInput(**form.cleaned_data),
                actor=self.request.user,
            )
        except ValidationError as error:
            form_errors_add(form=form, error=error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(new)s now represents %(organisation)s in place of %(old)s.")
            % {
                "new": successor.name,
                "old": self.participant.name,
                "organisation": self.enrolment.organisation.name,
            },
        )
        return redirect(self.inspect_url)


class EnrolmentViewSet(LearningModelViewSet):
    """Enrolments: made by organisations, decided here through the services."""

    model = Enrolment
    name = "learning_enrolments"
    url_prefix = "learning/enrolments"
    icon = "group"
    menu_label = _("Enrolments")
    excluded_views = frozenset({"add", "edit", "copy", "delete", "usage"})
    index_view_class = EnrolmentIndexView
    inspect_view_class = EnrolmentInspectView
    filterset_class = EnrolmentFilterSet
    search_fields = ["organisation__name", "organisation__domain"]
    list_display = [
        "organisation",
        "edition",
        "status",
        "waitlist_position",
        "organisation__country",
        "organisation__possible_duplicate_of",
        "created_at",
    ]
    list_export = ENROLMENT_EXPORT_FIELDS
    export_headings = ENROLMENT_EXPORT_HEADINGS
    inspect_view_fields = [
        "edition",
        "organisation",
        "status",
        "waitlist_position",
        "submitted_by_email",
        "consent_at",
        "promoted_at",
        "status_changed_at",
        "created_at",
    ]

    def get_urlpatterns(self) -> list[Any]:
        actions = [
            path(f"{name}/<int:pk>/", view.as_view(), name=name)
            for name, view in ENROLMENT_ACTION_VIEWS.items()
        ]
        replace = path(
            "representative/<int:pk>/replace/",
            RepresentativeReplaceView.as_view(),
            name="replace_representative",
        )
        return [*super().get_urlpatterns(), *actions, replace]
