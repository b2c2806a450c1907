"""Signals that become webhook events, each after its transaction commits."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from learning.certificates.models import Certificate
from learning.editions.models import Edition
from learning.enrolments.models import Enrolment

from . import events


def _on_page_published(sender: type[Page], instance: Page, **kwargs: Any) -> None:
    events.page_published(page=instance)


def _on_page_unpublished(sender: type[Page], instance: Page, **kwargs: Any) -> None:
    events.page_unpublished(page=instance)


def _on_certificate_saved(
    sender: type[Certificate], instance: Certificate, created: bool, **kwargs: Any
) -> None:
    if created:
        events.certificate_issued(certificate=instance)


def _on_edition_saved(sender: type[Edition], instance: Edition, **kwargs: Any) -> None:
    edition_id = instance.pk
    transaction.on_commit(
        lambda: events.edition_status_check(edition_id=edition_id), robust=True
    )


def _on_enrolment_changed(
    sender: type[Enrolment], instance: Enrolment, **kwargs: Any
) -> None:
    edition_id = instance.edition_id
    transaction.on_commit(
        lambda: events.edition_status_check(edition_id=edition_id), robust=True
    )


def connect() -> None:
    page_published.connect(_on_page_published, dispatch_uid="webhooks_published")
    page_unpublished.connect(_on_page_unpublished, dispatch_uid="webhooks_unpublished")
    post_save.connect(
        _on_certificate_saved, sender=Certificate, dispatch_uid="webhooks_cert"
    )
    post_save.connect(
        _on_edition_saved, sender=Edition, dispatch_uid="webhooks_edition"
    )
    for signal in (post_save, post_delete):
        signal.connect(
            _on_enrolment_changed,
            sender=Enrolment,
            dispatch_uid=f"webhooks_enrolment_{signal is post_save}",
        )
