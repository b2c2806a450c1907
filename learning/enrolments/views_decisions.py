"""The coordinators' decisions on one enrolment, and replacing a representative.

Each view asks to confirm (GET) and takes the decision through its service (POST);
the enrolments' list and inspect page (views_admin) link to them.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import FormView, TemplateView
from django_stubs_ext import StrOrPromise
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from learning.core.admin_views import form_errors_add
from learning.core.types import signed_in_user

from .models import Enrolment, Participant, site_language_choices
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


class EnrolmentAdminViewMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    """Views on one enrolment for users with the change permission on enrolments."""

    model = Enrolment
    permission_required = "change"
    header_icon = "group"
    page_title: StrOrPromise = ""

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
    role = forms.CharField(
        label=pgettext_lazy("position in an organisation", "Role"),
        max_length=255,
        required=False,
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=site_language_choices
    )


class RepresentativeReplaceView(EnrolmentAdminViewMixin, FormView):  # type: ignore[type-arg]  # generic in the stubs only
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
                actor=signed_in_user(self.request),
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
