"""Webhooks in the admin, under Settings. Who may use it: staff with the
webhooks model permissions (superusers by default). An endpoint's secret is
shown once, when it is created; its URL must be a public https:// address
(`targets.url_check`); deliveries are read-only, with their status lines."""

from collections.abc import Iterable

from django import forms
from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Event, WebhookDelivery, WebhookEndpoint
from .targets import url_check


class EndpointForm(WagtailAdminModelForm):
    url = forms.URLField(
        label=gettext_lazy("URL"), max_length=500, assume_scheme="https"
    )
    events = forms.MultipleChoiceField(
        label=gettext_lazy("events"),
        choices=Event.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "events", "is_active"]

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        url_check(url=url)
        return url


class EndpointCreateView(generic.CreateView):
    def save_instance(self) -> WebhookEndpoint:
        endpoint = super().save_instance()
        messages.warning(
            self.request,
            _("The signing secret of %(name)s, shown only now; copy it: %(secret)s")
            % {"name": endpoint.name, "secret": endpoint.secret},
        )
        return endpoint


class EndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    form_fields = ["name", "url", "events", "is_active"]
    add_view_class = EndpointCreateView
    icon = "link"
    menu_label = gettext_lazy("Webhooks")
    add_to_settings_menu = True
    list_display = ["name", "url", "events", "is_active", "created_at"]
    copy_view_enabled = False

    def get_form_class(self, for_update: bool = False) -> type[EndpointForm]:
        return EndpointForm


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Deliveries are written by the system only: people may look, not change."""

    def user_has_permission(
        self, user: AbstractBaseUser | AnonymousUser, action: str
    ) -> bool:
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, "view")

    def user_has_any_permission(
        self, user: AbstractBaseUser | AnonymousUser, actions: Iterable[str]
    ) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)


class DeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "history"
    menu_label = gettext_lazy("Webhook deliveries")
    add_to_settings_menu = True
    list_display = [
        "event",
        "endpoint",
        "status",
        "attempts",
        "last_response_code",
        "created_at",
        "next_attempt_at",
    ]
    list_filter = ["status", "event", "endpoint"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "endpoint",
        "event",
        "status",
        "attempts",
        "last_response_code",
        "last_error",
        "last_status_line",
        "payload",
        "created_at",
        "delivered_at",
        "next_attempt_at",
    ]
    copy_view_enabled = False
    form_fields = ["event"]


register_permission_policy(WebhookDelivery, ReadOnlyPolicy(WebhookDelivery))


@hooks.register("register_admin_viewset")
def register_webhooks() -> list[ModelViewSet]:
    return [EndpointViewSet("webhooks"), DeliveryViewSet("webhook_deliveries")]
