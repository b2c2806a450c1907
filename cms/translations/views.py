"""Admin views of the translation workflow."""

import csv

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.auth import require_admin_access
from wagtail.models import Page

from .enums import TranslationStatus
from .filters import TranslationReportFilterSet
from .selectors import (
    translation_locales,
    translation_report_rows,
    translation_status_counts,
)
from .services import translation_submit_for_review


@require_admin_access
def report(request):
    """The translations report: every translatable object by language.

    Who: any user with admin access (it shows status, not content).
    """
    locales = translation_locales()
    filters = TranslationReportFilterSet(
        request.GET or None, queryset=Page.objects.none()
    )
    values = filters.form.cleaned_data if filters.is_valid() else {}
    rows = translation_report_rows(
        locales=locales,
        kind=values.get("kind") or "",
        programme=values.get("programme"),
        status=values.get("status") or "",
    )
    if request.GET.get("export") == "csv":
        return _csv(rows, locales)
    finder = AdminURLFinder(request.user)
    for row in rows:
        row.edit_url = finder.get_edit_url(row.object)
    return TemplateResponse(
        request,
        "translations/report.html",
        {
            "rows": rows,
            "locales": locales,
            "filters": filters,
            "count_rows": [
                (locale, list(numbers.items()))
                for locale, numbers in zip(
                    locales,
                    translation_status_counts(rows=rows, locales=locales).values(),
                    strict=True,
                )
            ],
            "statuses": TranslationStatus,
        },
    )


def _csv(rows, locales) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translations.csv"'
    writer = csv.writer(response)
    header = [_("Title"), _("Type")]
    for locale in locales:
        header += [
            f"{locale.language_code} {_('status')}",
            f"{locale.language_code} {_('untranslated')}",
        ]
    writer.writerow(header)
    for row in rows:
        line = [str(row.object), str(row.kind)]
        for locale in locales:
            cell = row.cells[locale.language_code]
            line += [cell.status.value, cell.untranslated]
        writer.writerow(line)
    return response


@require_admin_access
@require_POST
def submit_for_review(request, content_type_id: int, pk: int):
    """Save a translation as a draft and send it to its language's review.

    Who: users who may edit the translated object (translators of its locale).
    """
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist as error:
        raise Http404 from error
    if model is None or not hasattr(model, "translation_key"):
        raise Http404
    target = model._default_manager.filter(pk=pk).first()
    if target is None:
        raise Http404
    if isinstance(target, Page):
        target = target.specific
    try:
        translation_submit_for_review(target=target, user=request.user)
    except PermissionDenied:
        raise
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("“%(title)s” was submitted for review.") % {"title": target}
        )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "wagtailadmin_home"
    return redirect(next_url or "wagtailadmin_home")
