"""Editions as certificates see them: finished ones to issue for, and counts of
certificates for the admin."""

from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from learning.editions.enums import EditionStatus
from learning.editions.models import Edition
from learning.editions.selectors import edition_get_status


def edition_list_finished(
    *, now: datetime | None = None, within_days: int | None = None
) -> list[Edition]:
    """Finished editions, oldest first; only those ended in the last days if asked.

    Caller: the `certificates_issue` command, run daily by cron.
    """
    now = now or timezone.now()
    # A day of margin for time zones; the status decides exactly.
    editions = Edition.objects.filter(ends_on__lt=now.date() + timedelta(days=1))
    if within_days is not None:
        editions = editions.filter(
            ends_on__gte=now.date() - timedelta(days=within_days)
        )
    return [
        edition
        for edition in editions.select_related("programme").order_by("ends_on", "pk")
        if edition_get_status(edition=edition, now=now) == EditionStatus.FINISHED
    ]


def edition_list_with_certificate_counts() -> QuerySet[Edition]:
    """Editions, newest first, with `certificates_valid` and `certificates_revoked`."""
    return (
        Edition.objects.select_related("programme")
        .annotate(
            certificates_valid=Count(
                "certificates", filter=Q(certificates__revoked_at__isnull=True)
            ),
            certificates_revoked=Count(
                "certificates", filter=Q(certificates__revoked_at__isnull=False)
            ),
        )
        .order_by("-starts_on", "pk")
    )
