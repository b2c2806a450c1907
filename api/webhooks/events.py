"""What each event says. Payloads hold ids, titles and URLs, never personal
data (a certificate.issued says which edition, not who)."""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from learning.certificates.models import Certificate
from learning.editions.models import Edition
from learning.editions.selectors import edition_get_status

from .emit import event_emit
from .models import EditionStatusAnnounced, Event


def page_data(page: Page) -> dict[str, Any]:
    return {
        "id": page.pk,
        "type": page.specific_class._meta.label,
        "title": page.title,
        "locale": page.locale.language_code,
        "url": page.get_full_url(),
        "translation_key": str(page.translation_key),
    }


def page_published(*, page: Page) -> None:
    data = page_data(page)
    event_emit(event=Event.PAGE_PUBLISHED, data=data)
    if page.locale.language_code != settings.LANGUAGE_CODE:
        source = (
            Page.objects.filter(
                translation_key=page.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .values_list("pk", flat=True)
            .first()
        )
        if source is not None:
            event_emit(
                event=Event.TRANSLATION_PUBLISHED,
                data={**data, "source_id": source},
            )


def page_unpublished(*, page: Page) -> None:
    event_emit(event=Event.PAGE_UNPUBLISHED, data=page_data(page))


def certificate_issued(*, certificate: Certificate) -> None:
    event_emit(
        event=Event.CERTIFICATE_ISSUED,
        data={
            "certificate_id": certificate.pk,
            "edition_id": certificate.edition_id,
            "issued_at": certificate.issued_at,
        },
    )


def edition_statuses_check(*, now: datetime | None = None) -> int:
    """Check every edition that may still change status; return how many did."""
    now = now or timezone.now()
    recent = Edition.objects.filter(ends_on__gte=now.date() - timedelta(days=2))
    return sum(
        edition_status_check(edition_id=pk, now=now)
        for pk in recent.values_list("pk", flat=True)
    )


def edition_status_check(*, edition_id: int, now: datetime | None = None) -> bool:
    """Compare the edition's status with the last one announced; announce a
    change. The first look records the status without an event. Returns True
    when an event was emitted."""
    with transaction.atomic():
        edition = Edition.objects.filter(pk=edition_id).first()
        if edition is None:
            return False
        current = str(edition_get_status(edition=edition, now=now))
        seen = (
            EditionStatusAnnounced.objects.select_for_update()
            .filter(edition=edition)
            .first()
        )
        if seen is None:
            EditionStatusAnnounced.objects.create(edition=edition, status=current)
            return False
        if seen.status == current:
            return False
        previous, seen.status = seen.status, current
        seen.save(update_fields=["status"])
        event_emit(
            event=Event.EDITION_STATUS_CHANGED,
            data={
                "edition_id": edition.pk,
                "title": edition.label,
                "previous_status": previous,
                "status": current,
            },
        )
        return True
