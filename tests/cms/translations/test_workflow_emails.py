"""One click in a review workflow sends each person one email: Wagtail's own
workflow emails do not repeat ours (the review outcome) or each other (a
submission to a group approval task)."""

from collections import Counter

import pytest
from django.core import mail
from wagtail.models import Page, Task, Workflow, WorkflowTask

from .test_review_workflow import act, retranslate, submit


def recipients():
    """How many emails each address got."""
    return Counter(address for message in mail.outbox for address in message.to)


@pytest.fixture
def in_review(client, bilingual, translator, editor, admin):
    """The Spanish page, retranslated and submitted by the translator."""
    es_page = bilingual.page["es"]
    retranslate(bilingual.translations["page"], "About us", "Sobre nosotras")
    client.force_login(translator)
    mail.outbox.clear()
    submit(client, es_page)
    return Page.objects.get(pk=es_page.pk).specific


def test_a_submission_sends_each_reviewer_and_superuser_one_email(
    in_review, translator, editor, admin
):
    assert recipients() == {editor.email: 1, admin.email: 1}
    assert all("Sobre nosotras" in message.subject for message in mail.outbox)


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_a_review_outcome_sends_the_translator_one_email_and_nobody_else(
    client, in_review, translator, editor, action, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        act(client, in_review, action, "Vale")

    assert recipients() == {translator.email: 1}


def test_a_resubmission_after_changes_sends_each_reviewer_one_email(
    client, in_review, translator, editor, admin, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        act(client, in_review, "reject", "Usa tú")
    client.force_login(translator)
    mail.outbox.clear()

    submit(client, Page.objects.get(pk=in_review.pk).specific)

    assert recipients() == {editor.email: 1, admin.email: 1}


def test_a_workflow_without_a_group_task_keeps_wagtails_submission_email(
    bilingual, editor, admin
):
    """Only the repeat is switched off: with no group approval task to email the
    superusers, Wagtail's workflow email still does."""
    workflow = Workflow.objects.create(name="Plain review")
    task = Task.objects.create(name="Someone looks")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    english = bilingual.page["en"]
    english.save_revision(user=editor)
    mail.outbox.clear()

    workflow.start(english, editor)

    assert recipients() == {admin.email: 1}
    assert "submitted to workflow" in mail.outbox[0].subject
