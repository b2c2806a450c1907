"""Background work of the translation workflow (django-tasks)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, TaskState, WorkflowState

from .gate import gate_outdated_mark, gate_pages
from .selectors import locale_team_recipients
from .services import translation_sources_sync

DIGEST_SIZE = 20


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
    changed = [obj for objects in behind.values() for obj in objects]
    # Open editions, events and sessions stay open; their coordinators see the mark.
    opened = gate_outdated_mark(changed=changed, now=timezone.now())
    for locale_id, objects in behind.items():
        locale = Locale.objects.get(pk=locale_id)
        items = []
        for obj in objects:
            target = obj.get_translation_or_none(locale)
            items.append(
                {
                    "title": str(obj),
                    "url": _absolute(finder.get_edit_url(target)),
                    "needed_by": _needed_by(obj, opened),
                }
            )
        for user in locale_team_recipients(locale_id=locale_id):
            _send(
                user=user,
                template="translations/emails/sync_digest",
                context={"items": items, "locale": locale},
            )


def _needed_by(obj, subjects) -> list[str]:
    """The open subjects among subjects that need obj (the digest names them)."""
    return [
        str(subject)
        for subject in subjects
        if obj.translation_key in {page.translation_key for page in gate_pages(subject)}
    ]


def _inbox_items(rows, locale) -> list[dict]:
    finder = AdminURLFinder()
    items = []
    for row in rows:
        target = row.object.get_translation_or_none(locale)
        url = finder.get_edit_url(target) if target else None
        items.append(
            {
                "title": str(row.object),
                "status": row.cells[locale.language_code].status,
                "words_left": row.words_left,
                "need_by": row.need_by,
                "need_reason": row.need_reason,
                "url": _absolute(url or reverse("wagtailadmin_home")),
            }
        )
    return items


@task()
def send_inbox_digest(*, locale_id: int) -> None:
    """The weekly digest: each translator of the language gets its inbox."""
    from .inbox import translation_work_list

    locale = Locale.objects.get(pk=locale_id)
    rows = translation_work_list(locale=locale)
    if not rows:
        return
    for user in locale_team_recipients(locale_id=locale_id):
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            items = _inbox_items(rows[:DIGEST_SIZE], locale)
        _send(
            user=user,
            template="translations/emails/inbox_digest",
            context={"items": items, "locale": locale, "total": len(rows)},
        )


@task()
def send_inbox_alert(*, locale_id: int, translation_keys: list[str]) -> None:
    """Tell the language's translators which pages are needed within a week."""
    from .inbox import translation_work_list

    locale = Locale.objects.get(pk=locale_id)
    rows = [
        row
        for row in translation_work_list(locale=locale)
        if str(row.object.translation_key) in set(translation_keys)
    ]
    if not rows:
        return
    for user in locale_team_recipients(locale_id=locale_id):
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            items = _inbox_items(rows, locale)
        _send(
            user=user,
            template="translations/emails/inbox_alert",
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
