"""The gate's admin page: why a sign-up is held, and opening it."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import require_admin_access
from wagtail.admin.ui.menus import MenuItem
from wagtail.permissions import policy_registry

from .localization import language_name
from .openings import (
    OpeningBlockedError,
    OpeningReport,
    opening_get,
    opening_open,
    opening_report,
)
from .types import signed_in_user


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for opening anyway"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Kept in the history, with your name."),
    )


def opening_url(subject: Model) -> str:
    """The admin URL of subject's gate page."""
    content_type = ContentType.objects.get_for_model(subject)
    return reverse("learning_opening", args=[content_type.pk, subject.pk])


@require_admin_access
def opening_view(request: HttpRequest, content_type_id: int, pk: int) -> HttpResponse:
    """The gate of one edition, event or information session: each language's
    status, the pages that block it with links, "Open" and the override.

    Access: users who may change the subject; the override, administrators only
    (opening_open refuses anyone else).
    """
    subject = _subject(request, content_type_id, pk)
    report = None
    form = OverrideForm()
    if request.method == "POST":
        form = OverrideForm(request.POST) if "reason" in request.POST else form
        try:
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            opening_open(
                subject=subject, actor=signed_in_user(request), override_reason=reason
            )
        except OpeningBlockedError as error:
            messages.error(request, " ".join(error.messages))
            report = error.report
        except PermissionDenied as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("“%(subject)s” is open.") % {"subject": subject}
            )
            return redirect(request.path)
    return _render(request, subject, report or opening_report(subject=subject), form)


def _render(
    request: HttpRequest, subject: Model, report: OpeningReport, form: OverrideForm
) -> TemplateResponse:
    return TemplateResponse(
        request,
        "learning/admin/opening.html",
        {
            "subject": subject,
            "kind": type(subject)._meta.verbose_name,
            "opening": opening_get(subject=subject),
            "report": report,
            "languages": [
                (language_name(code), report.status_labels.get(status, status))
                for code, status in report.languages.items()
            ],
            "form": form if request.user.is_superuser else None,
            "page_title": _("Translations for “%(subject)s”") % {"subject": subject},
        },
    )


def _subject(request: HttpRequest, content_type_id: int, pk: int) -> Model:
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist as error:
        raise Http404 from error
    subject = model._default_manager.filter(pk=pk).first() if model else None
    if subject is None:
        raise Http404
    policy = policy_registry.get_by_type(model)
    if not policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    return subject


def opening_created_notice(request: HttpRequest, subject: Any) -> None:
    """Tell the coordinator who just created subject when the gate holds it."""
    opening = opening_get(subject=subject)
    if opening is not None and opening.state == "blocked":
        messages.warning(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _("Sign-up stays closed until its pages are translated."),
                opening_url(subject),
                _("See which pages"),
            ),
        )


class OpeningListButtonMixin:
    """For the index views of gated models: a "Translations" item per row."""

    def get_list_more_buttons(self, instance: Model) -> list[Any]:
        buttons: list[Any] = super().get_list_more_buttons(instance)  # type: ignore[misc]  # a mixin's super
        buttons.append(
            MenuItem(
                _("Translations"), opening_url(instance), icon_name="site", priority=60
            )
        )
        return buttons
