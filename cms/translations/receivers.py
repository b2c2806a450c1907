"""Signal receivers: they only collect what was published and enqueue the sync.

Pages published during one request (or, outside requests, one transaction) are
synced by one background task, so translators get one digest.
"""

import threading

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import transaction
from wagtail.admin.mail import (
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import AbstractGroupApprovalTask, WorkflowState
from wagtail.signals import (
    page_published,
    published,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)
from wagtail_localize.models import TranslationSource

_state = threading.local()


def _pending() -> set[int] | None:
    return getattr(_state, "pending", None)


def on_request_started(**kwargs) -> None:
    _state.in_request = True
    _state.pending = None


def on_request_finished(**kwargs) -> None:
    _state.in_request = False
    flush()


def on_published(sender, instance, **kwargs) -> None:
    """Queue the sync of instance's translations if it is a translated source."""
    locale_id = getattr(instance, "locale_id", None)
    if locale_id is None or instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    source_ids = TranslationSource.objects.filter(
        object_id=instance.translation_key,
        locale_id=locale_id,
        translations__enabled=True,
    ).values_list("pk", flat=True)
    for source_id in source_ids:
        _queue(source_id)


def _queue(source_id: int) -> None:
    pending = _pending()
    if pending is None:
        pending = _state.pending = set()
        if not getattr(_state, "in_request", False):
            transaction.on_commit(flush)
    pending.add(source_id)


def flush() -> None:
    """Enqueue one sync task for everything collected so far."""
    from .tasks import sync_translation_sources

    pending = _pending()
    _state.pending = None
    if pending:
        sync_translation_sources.enqueue(source_ids=sorted(pending))


def connect() -> None:
    page_published.connect(on_published, dispatch_uid="translations_page_published")
    published.connect(on_published, dispatch_uid="translations_published")
    request_started.connect(on_request_started, dispatch_uid="translations_rs")
    request_finished.connect(on_request_finished, dispatch_uid="translations_rf")
    connect_workflow()


def is_locale_review(workflow_state) -> bool:
    """Whether workflow_state runs a locale team's review workflow."""
    from .models import LocaleTeam

    return LocaleTeam.objects.filter(workflow_id=workflow_state.workflow_id).exists()


def on_review_finished(sender, instance, user=None, approved=False, **kwargs):
    """Enqueue the translator's notification when a locale review ends."""
    from .tasks import send_review_outcome

    if not is_locale_review(instance):
        return
    transaction.on_commit(
        lambda: send_review_outcome.enqueue(
            workflow_state_id=instance.pk, approved=approved
        )
    )


def on_workflow_approved(sender, instance, user=None, **kwargs):
    on_review_finished(sender, instance, user, approved=True)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    on_review_finished(sender, instance, user, approved=False)


class SkipLocaleReviewsMixin:
    """Leave the outcome of locale reviews to our own notice (send_review_outcome):
    without this the translator gets Wagtail's email and ours for one event."""

    def can_handle(self, instance, **kwargs):
        return super().can_handle(instance, **kwargs) and not is_locale_review(instance)


class ApprovalEmailNotifier(SkipLocaleReviewsMixin, WorkflowStateApprovalEmailNotifier):
    pass


class RejectionEmailNotifier(
    SkipLocaleReviewsMixin, WorkflowStateRejectionEmailNotifier
):
    pass


class SubmissionEmailNotifier(WorkflowStateSubmissionEmailNotifier):
    """Leave a submission to a group approval task to that task's email: Wagtail
    sends it to the group and the superusers, and then sends superusers a second
    one (this, "submitted to workflow") for the same click."""

    def can_handle(self, instance, **kwargs):
        task_state = instance.current_task_state
        task_notifies = task_state is not None and isinstance(
            task_state.task.specific, AbstractGroupApprovalTask
        )
        return super().can_handle(instance, **kwargs) and not task_notifies


# Wagtail's own receivers (wagtail.admin.signal_handlers), replaced under the same
# dispatch_uid: whichever app is ready first, only ours stays connected.
WAGTAIL_NOTIFIERS = (
    (workflow_approved, ApprovalEmailNotifier(), "workflow_state_approved"),
    (workflow_rejected, RejectionEmailNotifier(), "workflow_state_rejected"),
    (workflow_submitted, SubmissionEmailNotifier(), "workflow_state_submitted"),
)


def connect_workflow() -> None:
    workflow_approved.connect(on_workflow_approved, dispatch_uid="translations_wa")
    workflow_rejected.connect(on_workflow_rejected, dispatch_uid="translations_wr")
    for signal, notifier, name in WAGTAIL_NOTIFIERS:
        uid = f"{name}_email_notification"
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(notifier, sender=WorkflowState, dispatch_uid=uid)
