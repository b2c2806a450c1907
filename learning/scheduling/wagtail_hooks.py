"""Settings → Scheduled jobs, its permissions, and the dashboard's clock warning."""

from typing import Any

from django.contrib.auth.models import Permission
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views_admin
from .admin_panels import ClockStoppedPanel
from .views_admin import NAME, permission_policy


@hooks.register("register_admin_urls")
def register_scheduling_urls() -> list[Any]:
    return [
        path(
            "scheduled-jobs/",
            include((views_admin.urlpatterns(), NAME), namespace=NAME),
        )
    ]


class ScheduledJobsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return bool(permission_policy.user_has_permission(request.user, "view"))


@hooks.register("register_settings_menu_item")
def register_scheduled_jobs_menu_item() -> MenuItem:
    return ScheduledJobsMenuItem(
        _("Scheduled jobs"),
        reverse(f"{NAME}:index"),
        name="scheduled-jobs",
        icon_name="time",
        order=900,
    )


@hooks.register("register_permissions")
def register_scheduling_permissions() -> QuerySet[Permission]:
    # "view" shows the page, "add" is its Run now button.
    return Permission.objects.filter(
        content_type__app_label="learning_scheduling",
        codename__in=["view_jobrun", "add_jobrun"],
    )


@hooks.register("construct_homepage_panels")
def add_clock_stopped_panel(request: HttpRequest, panels: list[Any]) -> None:
    if not permission_policy.user_has_permission(request.user, "view"):
        return
    panel = ClockStoppedPanel()
    if panel.is_shown:
        panels.append(panel)
