"""API clients in the admin, under Settings. Who may use it: staff with the
api.ApiClient model permissions (superusers by default). The key is shown once,
right after creation or after "new key" (save with the box ticked)."""

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogActionRegistry

from .cors import origin_normalise
from .keys import api_client_issue_key, api_client_revoke
from .models import ApiClient, Scope


class OriginListField(forms.CharField):
    """Origins one per line in the admin, a normalised list in the model."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(value)
        return value

    # A list field typed in as lines of text: CharField cleans each line.
    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        lines = (super().to_python(value) or "").splitlines()
        origins = [origin_normalise(line) for line in lines if line.strip()]
        return list(dict.fromkeys(origins))


class ApiClientForm(WagtailAdminModelForm):
    allowed_origins = OriginListField(
        label=gettext_lazy("allowed origins"),
        required=False,
        help_text=gettext_lazy(
            "One per line, e.g. https://partner.example.org or "
            "http://localhost:3000. Web pages there may read the API with this "
            "client's key; cookies are never sent."
        ),
    )
    scopes = forms.MultipleChoiceField(
        label=gettext_lazy("scopes"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    new_key = forms.BooleanField(
        label=gettext_lazy("Issue a new key (the old one stops working)"),
        required=False,
    )
    revoke = forms.BooleanField(
        label=gettext_lazy("Revoke (the key stops working on the next request)"),
        required=False,
    )

    class Meta:
        model = ApiClient
        fields = [
            "name",
            "contact_email",
            "scopes",
            "allowed_origins",
            "expires_at",
            "rate_limit",
        ]


def _show_key(request: HttpRequest, client: ApiClient, key: str) -> None:
    messages.warning(
        request,
        _("The key of %(name)s, shown only now; copy it: %(key)s")
        % {"name": client.name, "key": key},
    )


class ApiClientCreateView(generic.CreateView):
    def save_instance(self) -> ApiClient:
        client = self.form.save(commit=False)
        client.created_by = self.request.user
        key = api_client_issue_key(client=client)
        client.save()
        _show_key(self.request, client, key)
        return client


class ApiClientEditView(generic.EditView):
    def save_instance(self) -> ApiClient:
        client = self.form.save(commit=False)
        if self.form.cleaned_data.get("revoke"):
            client.save()
            api_client_revoke(client=client, user=self.request.user)
        elif self.form.cleaned_data.get("new_key"):
            key = api_client_issue_key(client=client)
            client.revoked_at = None
            _show_key(self.request, client, key)
        client.save()
        return client


class ApiClientViewSet(ModelViewSet):
    model = ApiClient

    def get_form_class(self, for_update: bool = False) -> type[ApiClientForm]:
        return ApiClientForm

    add_view_class = ApiClientCreateView
    edit_view_class = ApiClientEditView
    icon = "key"
    menu_label = gettext_lazy("API clients")
    add_to_settings_menu = True
    list_display = [
        "name",
        "prefix",
        "scopes",
        "expires_at",
        "last_used_at",
        "revoked_at",
    ]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_api_clients() -> ApiClientViewSet:
    return ApiClientViewSet("api_clients")


API_LOG_ACTIONS = [
    (
        "api.token_revoke",
        gettext_lazy("Revoke personal token"),
        gettext_lazy("Personal token revoked"),
    ),
    (
        "api.client_revoke",
        gettext_lazy("Revoke API client key"),
        gettext_lazy("API client key revoked"),
    ),
]


@hooks.register("register_log_actions")
def register_api_log_actions(actions: LogActionRegistry) -> None:
    for action, label, message in API_LOG_ACTIONS:
        actions.register_action(action, label, message)
