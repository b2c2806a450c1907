"""Coordinators' admin of certificates: list, eligibility, issue, revoke, correct the
name, download."""

from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView, TemplateView
from django_stubs_ext import StrOrPromise
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from learning.core.admin_views import LearningModelViewSet
from learning.core.forms import form_errors_add
from learning.core.storage import StorageUnavailable, private_file_response
from learning.core.types import signed_in_user
from learning.editions.models import Edition
from learning.enrolments.models import Participant

from .models import Certificate
from .selectors import (
    certificate_eligibility,
    certificate_eligibility_for_edition,
    certificate_list_for_admin,
    edition_list_with_certificate_counts,
)
from .services import (
    certificate_issue,
    certificate_name_correct,
    certificate_revoke,
    certificates_issue_for_edition,
)

NAME = "learning_certificates"


class CertificateFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(
        queryset=Edition.objects.all(), label=_("Edition")
    )
    revoked = django_filters.BooleanFilter(
        field_name="revoked_at", lookup_expr="isnull", exclude=True, label=_("Revoked")
    )

    class Meta:
        model = Certificate
        fields: list[str] = []


class CertificateIndexView(generic.IndexView):
    """Certificates of every edition; users with any certificate permission."""

    def get_base_queryset(self) -> Any:
        return certificate_list_for_admin()

    @cached_property
    def header_buttons(self) -> list[Any]:
        return [
            *super().header_buttons,
            HeaderButton(
                _("Eligibility by edition"),
                url=reverse(f"{NAME}:editions"),
                icon_name="list-ul",
            ),
        ]


class CertificateInspectView(generic.InspectView):
    """One certificate with links to download and revoke; users with any permission."""

    template_name = "learning/certificates/admin/inspect.html"

    def get_object(self, queryset: Any = None) -> Certificate:
        return get_object_or_404(certificate_list_for_admin(), pk=self.pk)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        certificate = self.object
        can_change = certificate.revoked_at is None and self.user_has_permission(
            "change"
        )
        context.update(
            certificate=certificate,
            download_url=reverse(f"{NAME}:download", args=[certificate.pk]),
            revoke_url=(
                reverse(f"{NAME}:revoke", args=[certificate.pk]) if can_change else ""
            ),
            correct_url=(
                reverse(f"{NAME}:correct_name", args=[certificate.pk])
                if can_change and certificate.pdf
                else ""
            ),
            pdf_pending=certificate.pdf_is_pending(),
            eligibility_url=reverse(
                f"{NAME}:eligibility", args=[certificate.edition_id]
            ),
        )
        return context


class CertificateAdminMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    """Certificate views, checked against the certificates' model permissions."""

    model = Certificate
    permission_policy = ModelPermissionPolicy(Certificate)
    header_icon = "doc-full"
    page_title: StrOrPromise = ""

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(f"{NAME}:index"),
                "label": capfirst(Certificate._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_title()},
        ]


class EditionListView(CertificateAdminMixin, TemplateView):
    """Editions with their certificate counts, to open one's table; viewers."""

    permission_required = "view"
    template_name = "learning/certificates/admin/editions.html"
    page_title = _("Eligibility by edition")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["editions"] = edition_list_with_certificate_counts()
        return context


class EditionEligibilityView(CertificateAdminMixin, TemplateView):
    """An edition's participants, eligible or not and why; viewers of certificates."""

    permission_required = "view"
    template_name = "learning/certificates/admin/eligibility.html"
    page_title = _("Certificate eligibility")

    @cached_property
    def edition(self) -> Edition:
        return get_object_or_404(Edition, pk=self.kwargs["edition_id"])

    def get_page_subtitle(self) -> str:
        return self.edition.label

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        rows = certificate_eligibility_for_edition(edition=self.edition)
        context.update(
            edition=self.edition,
            rows=rows,
            eligible_without=sum(
                1 for r in rows if r.eligibility.eligible and r.certificate is None
            ),
            can_issue=self.user_has_permission("add"),
            can_revoke=self.user_has_permission("change"),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.user_has_permission("add"):
            raise Http404
        try:
            issued = certificates_issue_for_edition(edition=self.edition)
        except (ValidationError, StorageUnavailable) as error:
            messages.error(request, " ".join(_messages(error)))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d certificate issued.",
                    "%(count)d certificates issued.",
                    len(issued),
                )
                % {"count": len(issued)},
            )
        return redirect(request.path)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the audit log."),
    )


class IssueForm(ReasonForm):
    force = forms.BooleanField(
        label=_("Issue even though the rule is not met"), required=False
    )


class CertificateIssueView(CertificateAdminMixin, FormView):  # type: ignore[type-arg]  # generic in the stubs only
    """Issue a participant's certificate by hand, with a reason; certificate adders."""

    permission_required = "add"
    template_name = "learning/certificates/admin/reason_form.html"
    form_class = IssueForm
    page_title = _("Issue a certificate")

    @cached_property
    def participant(self) -> Participant:
        queryset = Participant.objects.select_related(
            "edition__programme", "enrolment__organisation"
        )
        return get_object_or_404(queryset, pk=self.kwargs["participant_id"])

    @cached_property
    def back_url(self) -> str:
        return reverse(f"{NAME}:eligibility", args=[self.participant.edition_id])

    def get_page_subtitle(self) -> str:
        return self.participant.name

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            participant=self.participant,
            eligibility=certificate_eligibility(participant=self.participant),
            cancel_url=self.back_url,
            submit_label=_("Issue"),
        )
        return context

    def form_valid(self, form: IssueForm) -> HttpResponse:
        try:
            certificate_issue(
                participant=self.participant,
                actor=signed_in_user(self.request),
                reason=form.cleaned_data["reason"],
                force=form.cleaned_data["force"],
            )
        except StorageUnavailable as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        except ValidationError as error:
            form_errors_add(form=form, error=error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("A certificate is issued to %(name)s.") % {"name": self.participant.name},
        )
        return redirect(self.back_url)


class CertificateRevokeView(CertificateAdminMixin, FormView):  # type: ignore[type-arg]  # generic in the stubs only
    """Revoke a certificate with a reason; changers of certificates."""

    permission_required = "change"
    template_name = "learning/certificates/admin/reason_form.html"
    form_class = ReasonForm
    page_title = _("Revoke a certificate")

    @cached_property
    def certificate(self) -> Certificate:
        return get_object_or_404(Certificate.objects.valid(), pk=self.kwargs["pk"])

    def get_page_subtitle(self) -> str:
        return str(self.certificate)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            certificate=self.certificate,
            cancel_url=reverse(f"{NAME}:inspect", args=[self.certificate.pk]),
            submit_label=_("Revoke"),
            serious=True,
        )
        return context

    def form_valid(self, form: ReasonForm) -> HttpResponse:
        try:
            certificate_revoke(
                certificate=self.certificate,
                actor=signed_in_user(self.request),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form_errors_add(form=form, error=error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The certificate of %(name)s is revoked.")
            % {"name": self.certificate.holder_name},
        )
        return redirect(reverse(f"{NAME}:inspect", args=[self.certificate.pk]))


class NameCorrectionForm(ReasonForm):
    name = forms.CharField(
        label=_("Name as it should be printed"),
        max_length=Certificate._meta.get_field("holder_name").max_length,
        help_text=_(
            "The PDF is printed again with a new verification code; the old code "
            "then shows as replaced."
        ),
    )
    field_order = ["name", "reason"]


class CertificateNameCorrectView(CertificateAdminMixin, FormView):  # type: ignore[type-arg]  # generic in the stubs only
    """Correct the printed name with a reason, which redoes the PDF; changers."""

    permission_required = "change"
    template_name = "learning/certificates/admin/reason_form.html"
    form_class = NameCorrectionForm
    page_title = _("Correct the name")

    @cached_property
    def certificate(self) -> Certificate:
        return get_object_or_404(Certificate.objects.valid(), pk=self.kwargs["pk"])

    @cached_property
    def back_url(self) -> str:
        return reverse(f"{NAME}:inspect", args=[self.certificate.pk])

    def get_page_subtitle(self) -> str:
        return str(self.certificate)

    def get_initial(self) -> dict[str, Any]:
        return {"name": self.certificate.holder_name}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(cancel_url=self.back_url, submit_label=_("Correct the name"))
        return context

    def form_valid(self, form: NameCorrectionForm) -> HttpResponse:
        try:
            certificate = certificate_name_correct(
                certificate=self.certificate,
                name=form.cleaned_data["name"],
                actor=signed_in_user(self.request),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form_errors_add(
                form=form, error=error, field_of_code={"reason_required": "reason"}
            )
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "The name is corrected to %(name)s. The PDF is printed again and "
                "sent to the participant."
            )
            % {"name": certificate.holder_name},
        )
        return redirect(self.back_url)


class CertificateDownloadView(PermissionCheckedMixin, View):
    """The PDF as an attachment; viewers of certificates (revoked ones too)."""

    model = Certificate
    permission_policy = ModelPermissionPolicy(Certificate)
    permission_required = "view"

    def get(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        certificate = get_object_or_404(Certificate, pk=pk)
        if not certificate.pdf:  # erased with the holder's personal data
            raise Http404
        name = slugify(
            f"certificate {certificate.holder_name} {certificate.edition_label}"
        )
        return private_file_response(
            file=certificate.pdf,
            download_name=f"{name}.pdf",
            content_type="application/pdf",
        )


def _messages(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        return list(error.messages)
    return [str(error)]


class CertificateViewSet(LearningModelViewSet):
    """Certificates: issued by the services, revoked or corrected here with a reason."""

    model = Certificate
    name = NAME
    url_prefix = "learning/certificates"
    icon = "doc-full"
    menu_label = _("Certificates")
    excluded_views = frozenset(
        {"add", "edit", "copy", "delete", "history", "history_results", "usage"}
    )
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    filterset_class = CertificateFilterSet
    search_fields = ["holder_name", "organisation_name", "edition_title"]
    list_display = [
        "holder_name",
        "organisation_name",
        "edition",
        "issued_at",
        "status",
    ]
    inspect_view_fields = [
        "holder_name",
        "organisation_name",
        "edition",
        "issued_at",
        "issued_by",
        "issue_reason",
        "revoked_at",
        "revoked_by",
        "revoke_reason",
        "name_corrected_at",
        "languages",
        "hours",
    ]

    def get_urlpatterns(self) -> list[Any]:
        return [
            *super().get_urlpatterns(),
            path("editions/", EditionListView.as_view(), name="editions"),
            path(
                "edition/<int:edition_id>/",
                EditionEligibilityView.as_view(),
                name="eligibility",
            ),
            path(
                "issue/<int:participant_id>/",
                CertificateIssueView.as_view(),
                name="issue",
            ),
            path("revoke/<int:pk>/", CertificateRevokeView.as_view(), name="revoke"),
            path(
                "correct-name/<int:pk>/",
                CertificateNameCorrectView.as_view(),
                name="correct_name",
            ),
            path(
                "download/<int:pk>/", CertificateDownloadView.as_view(), name="download"
            ),
        ]
