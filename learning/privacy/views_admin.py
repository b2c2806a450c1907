"""Learning → Personal data: a coordinator exports or erases one person's data."""

import json
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet

from learning.core.forms import form_errors_add
from learning.core.types import signed_in_user
from learning.enrolments.models import Participant

from .selectors import person_data_export, person_data_sections
from .services import person_data_erase

PERMISSION = "enrolments.change_participant"
INDEX_URL_NAME = "learning_person_data:index"


class PersonEmailForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))


class PersonDataMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    """For users who may change participants (the demo's coordinators)."""

    model = Participant
    permission_required = "change"
    header_icon = "user"
    page_title = _("Personal data")

    @cached_property
    def form(self) -> PersonEmailForm:
        data = self.request.POST if self.request.method == "POST" else None
        data = data or (self.request.GET if "email" in self.request.GET else None)
        return PersonEmailForm(data)

    def export_get(self) -> dict[str, Any] | None:
        """The person's data, or None with the lookup's error on the form."""
        if not self.form.is_valid():
            return None
        try:
            return person_data_export(email=self.form.cleaned_data["email"])
        except ValidationError as error:
            form_errors_add(form=self.form, error=error, default_field="email")
            return None

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class PersonDataIndexView(PersonDataMixin, TemplateView):
    """Look a person up; their data, as JSON or a readable page.

    Access: users who may change participants (the demo's coordinators).
    """

    template_name = "learning/admin/person_data.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        data = self.export_get()
        if data is not None and request.GET.get("format") == "json":
            response = HttpResponse(
                json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="person-data.json"'
            return response
        if data is not None and request.GET.get("format") == "html":
            return self.readable_response(data)
        return self.render_to_response(self.get_context_data(data=data))

    def readable_response(self, data: dict[str, Any]) -> TemplateResponse:
        """A standalone page to hand to the person (print it to get a PDF)."""
        response = TemplateResponse(
            self.request,
            "learning/admin/person_data_readable.html",
            {"data": data, "sections": person_data_sections(data=data)},
        )
        response["Content-Disposition"] = 'attachment; filename="person-data.html"'
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        data = kwargs.get("data")
        if data is not None:
            query = urlencode({"email": data["email"]})
            context.update(
                sections=person_data_sections(data=data),
                readable_url=f"{self.request.path}?{query}&format=html",
                download_url=f"{self.request.path}?{query}&format=json",
                erase_url=f"{reverse('learning_person_data:erase')}?{query}",
            )
        context.update(form=self.form)
        return context


class PersonDataEraseView(PersonDataMixin, TemplateView):
    """Asks to confirm (GET), then erases through person_data_erase (POST).

    Access: users who may change participants (the demo's coordinators).
    """

    template_name = "learning/admin/person_data_erase.html"
    page_title = _("Erase personal data")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        data = self.export_get()
        if data is None:
            return redirect(INDEX_URL_NAME)
        return self.render_to_response(self.get_context_data(data=data))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, cancel_url=reverse(INDEX_URL_NAME))
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.form.is_valid():
            return redirect(INDEX_URL_NAME)
        email = self.form.cleaned_data["email"]
        try:
            result = person_data_erase(email=email, actor=signed_in_user(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(INDEX_URL_NAME)
        if result.changed:
            messages.success(
                request,
                _("The personal data of %(email)s is erased.") % {"email": email},
            )
        else:
            messages.success(
                request,
                _("The personal data of %(email)s was already erased.")
                % {"email": email},
            )
        return redirect(INDEX_URL_NAME)


class PersonDataMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)


class PersonDataViewSet(ViewSet):
    """Learning → Personal data; shown to users who may change participants."""

    name = "learning_person_data"
    url_prefix = "learning/person-data"
    icon = "user"
    menu_label = _("Personal data")
    menu_item_class = PersonDataMenuItem

    def get_urlpatterns(self) -> list[Any]:
        return [
            path("", PersonDataIndexView.as_view(), name="index"),
            path("erase/", PersonDataEraseView.as_view(), name="erase"),
        ]
