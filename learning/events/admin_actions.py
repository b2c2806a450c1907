"""The coordinators' actions on one learning event, each a confirm-then-act page:
email the background documents, save or remove a track's recording, tell the
people who registered that the recordings are out.

Writes go through the services; access is the change permission on Event.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from learning.core.forms import form_errors_add
from learning.core.localization import language_name
from learning.core.types import signed_in_user

from .models import Event, EventRecording
from .services import (
    event_background_send,
    event_recording_delete,
    event_recording_save,
    event_recordings_announce,
)

NAME = "learning_events"


class EventActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks to confirm (GET), then acts through a service (POST), back to the
    event's inspect page; users with the change permission on Event."""

    model = Event
    permission_required = "change"

    @cached_property
    def event(self) -> Event:
        events = Event.objects.with_rsvp_counts().select_related("page__locale")
        return get_object_or_404(events, pk=self.kwargs["pk"])

    @cached_property
    def inspect_url(self) -> str:
        return reverse(f"{NAME}:inspect", args=[self.event.pk])

    def get_page_subtitle(self) -> str:
        return self.event.label

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(f"{NAME}:index"),
                "label": capfirst(Event._meta.verbose_name_plural),
            },
            {"url": self.inspect_url, "label": self.event.label},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(event=self.event, cancel_url=self.inspect_url)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            message = self.act()
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(errors=error.messages))
        messages.success(request, message)
        return redirect(self.inspect_url)

    def act(self) -> str:
        """Call the service; return the success message."""
        raise NotImplementedError


class EventBackgroundSendView(EventActionView):
    """Emails the attendees the background documents (event_background_send)."""

    template_name = "learning/admin/event_background_send.html"
    header_icon = "mail"
    page_title = _("Email attendees the background documents")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["documents"] = self.event.page.background_documents_to_send()
        return context

    def act(self) -> str:
        count = event_background_send(
            event=self.event, actor=signed_in_user(self.request)
        )
        return ngettext(
            "The background documents are on their way to %(count)s person.",
            "The background documents are on their way to %(count)s people.",
            count,
        ) % {"count": count}


class RecordingForm(forms.Form):
    url = forms.URLField(
        label=_("Recording link"),
        max_length=500,
        assume_scheme="https",
        help_text=_("The address of the video on the service that holds it."),
    )


class EventRecordingSaveView(EventActionView):
    """Adds or changes one language track's recording (event_recording_save)."""

    template_name = "learning/admin/event_recording_save.html"
    header_icon = "media"
    page_title = _("Recording")

    @cached_property
    def language(self) -> str:
        if self.kwargs["language"] not in self.event.track_languages():
            raise Http404
        return str(self.kwargs["language"])

    @cached_property
    def recording(self) -> EventRecording | None:
        return self.event.recordings.filter(language=self.language).first()

    @cached_property
    def form(self) -> RecordingForm:
        initial = {"url": self.recording.url} if self.recording else {}
        return RecordingForm(self.request.POST or None, initial=initial)

    def get_page_title(self) -> str:
        return _("Recording in %(language)s") % {
            "language": language_name(self.language)
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, recording=self.recording)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.form.is_valid():
            return self.render_to_response(self.get_context_data())
        try:
            event_recording_save(
                event=self.event,
                language=self.language,
                url=self.form.cleaned_data["url"],
                actor=signed_in_user(request),
            )
        except ValidationError as error:
            form_errors_add(form=self.form, error=error)
            return self.render_to_response(self.get_context_data())
        messages.success(request, _("The recording is saved."))
        return redirect(self.inspect_url)


class EventRecordingDeleteView(EventActionView):
    """Removes one language track's recording (event_recording_delete)."""

    template_name = "learning/admin/event_recording_delete.html"
    header_icon = "bin"
    page_title = _("Remove the recording")

    @cached_property
    def recording(self) -> EventRecording:
        return get_object_or_404(
            self.event.recordings, language=self.kwargs["language"]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["recording"] = self.recording
        return context

    def act(self) -> str:
        event_recording_delete(
            recording=self.recording, actor=signed_in_user(self.request)
        )
        return str(_("The recording is removed."))


class EventRecordingsAnnounceView(EventActionView):
    """Tells the people who registered that the recordings are out, once
    (event_recordings_announce)."""

    template_name = "learning/admin/event_recordings_announce.html"
    header_icon = "mail"
    page_title = _("Tell registered people about the recordings")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["recordings"] = list(self.event.recordings.all())
        return context

    def act(self) -> str:
        count = event_recordings_announce(
            event=self.event, actor=signed_in_user(self.request)
        )
        return ngettext(
            "The recordings are on their way to %(count)s person.",
            "The recordings are on their way to %(count)s people.",
            count,
        ) % {"count": count}
