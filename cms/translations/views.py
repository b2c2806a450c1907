"""Admin views of the translation workflow."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied as forbidden
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.auth import require_admin_access
from wagtail.models import Locale, Page, TranslatableMixin

from learning.core.csv_export import csv_response

from .enums import TranslationStatus
from .filters import TranslationReportFilterSet
from .selectors import (
    translation_blocked_page_ids,
    translation_locales,
    translation_report_rows,
    translation_status_counts,
    user_translator_locales,
)
from .services import translation_start, translation_submit_for_review


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
    attach_start_urls(rows=rows, user=request.user)
    for row in rows:
        row.edit_url = finder.get_edit_url(row.object)
        row.columns = [
            (cell, row.start_urls.get(code)) for code, cell in row.cells.items()
        ]
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


def attach_start_urls(*, rows, user) -> None:
    """Set row.start_urls, {language code: URL}, for the "missing" cells user may
    start: in the locales they translate, unless a page's parent is not translated
    yet. Used by the report and the dashboard panel.
    """
    for row in rows:
        row.start_urls = {}
    for locale in user_translator_locales(user=user):
        code = locale.language_code
        missing = [
            row
            for row in rows
            if code in row.cells and row.cells[code].status == TranslationStatus.MISSING
        ]
        blocked = translation_blocked_page_ids(
            objects=[row.object for row in missing], locale=locale
        )
        for row in missing:
            if not (isinstance(row.object, Page) and row.object.pk in blocked):
                row.start_urls[code] = _start_url(row.object, code)


def _start_url(obj, code: str) -> str:
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("translations_start", args=[content_type.pk, obj.pk, code])


def _csv(rows, locales) -> HttpResponse:
    header = [_("Title"), _("Type")]
    for locale in locales:
        header += [
            f"{locale.language_code} {_('status')}",
            f"{locale.language_code} {_('untranslated')}",
        ]
    lines = []
    for row in rows:
        line = [str(row.object), str(row.kind)]
        for locale in locales:
            cell = row.cells[locale.language_code]
            line += [cell.status.value, cell.untranslated]
        lines.append(line)
    return csv_response(filename="translations.csv", header=header, rows=lines)


@require_admin_access
@require_POST
def start(request, content_type_id: int, pk: int, locale_code: str):
    """Create the draft translation of a page or snippet and open its editor.

    Who: translators of the target locale (services.translation_start refuses
    everyone else: 403 without translator rights, a message otherwise). The 403 is
    returned here: require_admin_access would turn PermissionDenied into a redirect.
    """
    source = _translatable_object(content_type_id, pk)
    locale = Locale.objects.filter(language_code=locale_code).first()
    if locale is None:
        raise Http404
    try:
        target = translation_start(source=source, locale=locale, user=request.user)
    except PermissionDenied as error:
        return forbidden(request, error)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_next_url(request))
    messages.success(
        request,
        _("The %(language)s translation of “%(title)s” was created as a draft.")
        % {"language": locale.get_display_name(), "title": source},
    )
    edit_url = AdminURLFinder(request.user).get_edit_url(target)
    return redirect(edit_url or "translations_report")


def _translatable_object(content_type_id: int, pk: int):
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist as error:
        raise Http404 from error
    if model is None or not issubclass(model, TranslatableMixin):
        raise Http404
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj.specific if isinstance(obj, Page) else obj


def _next_url(request) -> str:
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    return next_url or "wagtailadmin_home"


@require_admin_access
@require_POST
def submit_for_review(request, content_type_id: int, pk: int):
    """Save a translation as a draft and send it to its language's review.

    Who: users who may edit the translated object (translators of its locale).
    """
    target = _translatable_object(content_type_id, pk)
    try:
        translation_submit_for_review(target=target, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("“%(title)s” was submitted for review.") % {"title": target}
        )
    return redirect(_next_url(request))
