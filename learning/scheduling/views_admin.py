"""The admin's Settings → Scheduled jobs page, and its Run now button."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy

from learning.core.types import signed_in_user

from .models import JobRun
from .registry import job_get
from .selectors import clock_health, job_status_list
from .services import job_run_now

NAME = "learning_scheduling"
permission_policy = ModelPermissionPolicy(JobRun)


class ScheduledJobsView(
    PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Each job, its period, last and next run and failures.

    Access: superusers and holders of "view scheduled job runs" (coordinators).
    """

    permission_policy = permission_policy
    permission_required = "view"
    template_name = "learning_scheduling/admin/jobs.html"
    page_title = gettext_lazy("Scheduled jobs")
    header_icon = "time"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            rows=job_status_list(),
            clock=clock_health(),
            can_run=self.user_has_permission("add"),
        )
        return context


class JobRunNowView(PermissionCheckedMixin, View):
    """Queue one run of a job now.

    Access: superusers and holders of "add scheduled job runs" (coordinators).
    """

    permission_policy = permission_policy
    permission_required = "add"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, name: str) -> HttpResponse:
        try:
            run = job_run_now(name=name, user=signed_in_user(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(job)s is queued: the worker runs it shortly.")
                % {"job": _job_label(run.job)},
            )
        return redirect(reverse(f"{NAME}:index"))


def _job_label(name: str) -> str:
    job = job_get(name)
    return str(job.label) if job else name


def urlpatterns() -> list[Any]:
    return [
        path("", ScheduledJobsView.as_view(), name="index"),
        path("<str:name>/run/", JobRunNowView.as_view(), name="run"),
    ]
