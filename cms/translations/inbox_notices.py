"""The inbox's emails: a weekly digest of each language's work, and an alert when
a page is needed in under a week and work remains (once per page and date)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from .inbox import translation_work_list
from .models import InboxAlert, LocaleTeam
from .selectors import TranslationRow

ALERT_DAYS = 7


def _team_locales() -> list[Locale]:
    return list(
        Locale.objects.filter(pk__in=LocaleTeam.objects.values("locale_id")).order_by(
            "language_code"
        )
    )


def inbox_digests_enqueue() -> int:
    """Enqueue the weekly digest of every language with a team and work to do."""
    from .tasks import send_inbox_digest

    count = 0
    for locale in _team_locales():
        send_inbox_digest.enqueue(locale_id=locale.pk)
        count += 1
    return count


def inbox_alerts_due(*, locale: Locale, now: datetime) -> list[TranslationRow]:
    """Rows of locale's inbox needed within a week, not yet alerted for that date."""
    days = getattr(settings, "LEARNING_TRANSLATION_ALERT_DAYS", ALERT_DAYS)
    soon = now + timedelta(days=days)
    rows = [
        row
        for row in translation_work_list(locale=locale, now=now)
        if row.need_by and now <= row.need_by < soon
    ]
    sent = set(
        InboxAlert.objects.filter(
            locale=locale,
            translation_key__in=[row.object.translation_key for row in rows],
        ).values_list("translation_key", "need_by")
    )
    return [r for r in rows if (r.object.translation_key, r.need_by) not in sent]


def inbox_alerts_send(*, now: datetime | None = None) -> int:
    """Record and enqueue the alerts due in every language; returns how many pages."""
    from .tasks import send_inbox_alert

    now = now or timezone.now()
    total = 0
    for locale in _team_locales():
        with transaction.atomic():
            rows = inbox_alerts_due(locale=locale, now=now)
            if not rows:
                continue
            InboxAlert.objects.bulk_create(
                InboxAlert(
                    translation_key=row.object.translation_key,
                    locale=locale,
                    need_by=row.need_by,
                )
                for row in rows
            )
            keys = [str(row.object.translation_key) for row in rows]
            transaction.on_commit(
                lambda locale_id=locale.pk, keys=keys: send_inbox_alert.enqueue(
                    locale_id=locale_id, translation_keys=keys
                )
            )
        total += len(rows)
    return total
