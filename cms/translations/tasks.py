"""Background work of the translation workflow (django-tasks)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, TaskState, WorkflowState

from .selectors import locale_team_recipients
from .services import translation_sources_sync


def _absolute(url: str | None) -> str:
    if not url:
        return ""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def _send(*, user, template: str, context: dict) -> None:
    """Render template's subject, text and HTML parts in user's language and send."""
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        context = {**context, "user": user}
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject, text, to=[user.email], headers={"X-MLP-Notice": template}
    )
    message.attach_alternative(html, "text/html")
    message.send()


@task()
def sync_translation_sources(*, source_ids: list[int]) -> None:
    """Sync the sources, then send each translator of a language one digest."""
    behind = translation_sources_sync(source_ids=source_ids)
    finder = AdminURLFinder()
    for locale_id, objects in behind.items():
        locale = Locale.objects.get(pk=locale_id)
        items = []
        for obj in objects:
            target = obj.get_translation_or_none(locale)
            items.append(
                {"title": str(obj), "url": _absolute(finder.get_edit_url(target))}
            )
        for user in locale_team_recipients(locale_id=locale_id):
            _send(
                user=user,
                template="translations/emails/sync_digest",
                context={"items": items, "locale": locale},
            )


@task()
def send_review_outcome(*, workflow_state_id: int, approved: bool) -> None:
    """Tell the translator who asked for review whether it was approved."""
    state = WorkflowState.objects.select_related("requested_by").get(
        pk=workflow_state_id
    )
    user = state.requested_by
    if user is None or not user.email:
        return
    task_state = (
        TaskState.objects.filter(workflow_state=state)
        .exclude(status=TaskState.STATUS_IN_PROGRESS)
        .order_by("-finished_at", "-pk")
        .first()
    )
    obj = state.content_object
    _send(
        user=get_user_model().objects.get(pk=user.pk),
        template="translations/emails/review_outcome",
        context={
            "approved": approved,
            "title": str(obj),
            "comment": task_state.get_comment() if task_state else "",
            "reviewer": task_state.finished_by if task_state else None,
            "url": _absolute(AdminURLFinder().get_edit_url(obj)),
        },
    )
