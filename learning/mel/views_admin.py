"""Learning → MEL: each edition's indicators with charts, filters, drill down
to the answers, and the CSV/XLSX exports.

Access: coordinators (every edition) and each edition's facilitators (their
editions only); 404 for everyone else, so others cannot tell an edition exists.
Only coordinators get names and emails in the raw answers (non-anonymous
surveys only).
"""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from learning.core.conf import mel_min_group
from learning.editions.models import Edition

from . import exports
from .admin_forms import DashboardFilterForm
from .charts import bar_chart, line_chart, prepost_chart
from .drilldown import answers_for_breakdown
from .indicators import (
    EditionReport,
    Level,
    edition_report,
    mel_can_read_people,
    mel_edition_get_for_user,
    mel_edition_list_for_user,
)


def _edition(request: HttpRequest, edition_id: int) -> Edition:
    try:
        return mel_edition_get_for_user(user=request.user, pk=edition_id)
    except Edition.DoesNotExist as error:
        raise Http404 from error


def _may_use(request: HttpRequest) -> bool:
    return mel_edition_list_for_user(user=request.user).exists()


class MelMixin(WagtailAdminTemplateMixin):
    header_icon = "view"
    page_title = _("Monitoring, evaluation and learning")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not _may_use(request):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class MelIndexView(MelMixin, TemplateView):
    """The editions whose indicators the user may read.

    Access: coordinators (all editions) and facilitators (theirs).
    """

    template_name = "mel/admin/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["editions"] = mel_edition_list_for_user(user=self.request.user)
        return context


class MelDashboardView(MelMixin, TemplateView):
    """One edition's indicators under the filters, with charts and tables.

    Access: coordinators, and the edition's facilitators (404 for others).
    `?format=csv` (indicators), `?format=answers.csv` and `?format=xlsx`
    download the same figures.
    """

    template_name = "mel/admin/dashboard.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        edition = _edition(request, kwargs["edition_id"])
        form = DashboardFilterForm(request.GET or None, edition=edition)
        report = edition_report(edition=edition, filters=form.filters())
        download = _download(request, report)
        if download is not None:
            return download
        return self.render_to_response(
            self.get_context_data(edition=edition, form=form, report=report)
            | _charts(report)
            | {"min_group": mel_min_group(), "query": request.GET.urlencode()}
        )


def _download(request: HttpRequest, report: EditionReport) -> HttpResponse | None:
    people = mel_can_read_people(user=request.user)
    match request.GET.get("format"):
        case "csv":
            return exports.indicators_csv(report)
        case "answers.csv":
            return exports.answers_csv(report, with_people=people)
        case "xlsx":
            return exports.report_xlsx(report, with_people=people)
    return None


def _charts(report: EditionReport) -> dict[str, Any]:
    attendance = report.get("attendance_rate")
    scores = report.get("survey_average_scores")
    change = report.get("self_assessment_change")
    return {
        "organisation_bars": bar_chart(attendance.at(Level.ORGANISATION)),
        "score_bars": bar_chart(scores.at(Level.ORGANISATION)),
        "meeting_line": line_chart(attendance.at(Level.MEETING)),
        "score_line": line_chart(scores.at(Level.MEETING)),
        "prepost": prepost_chart(change.at(Level.MODULE)),
        "tables": [
            exports.level_table(report, level)
            for level in Level.values
            if any(i.at(level) for i in report.indicators)
        ],
    }


class MelAnswersView(MelMixin, TemplateView):
    """Drill down: the answers behind one breakdown (a meeting, a module, an
    organisation or a question), free text with its machine translation.

    Access: coordinators, and the edition's facilitators (404 for others).
    """

    template_name = "mel/admin/answers.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        edition = _edition(request, kwargs["edition_id"])
        form = DashboardFilterForm(request.GET or None, edition=edition)
        level = request.GET.get("level", Level.EDITION)
        key = request.GET.get("key", "0")
        drill = answers_for_breakdown(
            edition=edition, filters=form.filters(), level=level, key=key
        )
        return self.render_to_response(
            self.get_context_data(
                edition=edition, drill=drill, min_group=mel_min_group()
            )
            | {"back": dashboard_url(edition) + "?" + _without(request, "level", "key")}
        )


def _without(request: HttpRequest, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


class MelMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return _may_use(request)


class MelViewSet(ViewSet):
    """Learning → MEL."""

    name = "learning_mel"
    url_prefix = "learning/mel"
    icon = "view"
    menu_label = _("MEL")
    menu_item_class = MelMenuItem

    def get_urlpatterns(self) -> list[Any]:
        return [
            path("", MelIndexView.as_view(), name="index"),
            path("<int:edition_id>/", MelDashboardView.as_view(), name="edition"),
            path("<int:edition_id>/answers/", MelAnswersView.as_view(), name="answers"),
        ]


def dashboard_url(edition: Edition) -> str:
    return reverse("learning_mel:edition", args=[edition.pk])
