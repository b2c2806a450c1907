import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Workflow,
    WorkflowState,
    WorkflowTask,
)
from wagtail_localize.models import StringSegment, StringTranslation

from cms.translations.selectors import translation_status_matrix


def retranslate(translation, source_text, new_text):
    segment = StringSegment.objects.get(
        source=translation.source, string__data=source_text
    )
    StringTranslation.objects.filter(
        translation_of=segment.string, locale=translation.target_locale
    ).update(data=new_text)
    # updated_at is auto_now: .update() skips it, so save to stamp the edit.
    for string_translation in StringTranslation.objects.filter(
        translation_of=segment.string, locale=translation.target_locale
    ):
        string_translation.save()


def notices(user, template):
    """Our notices to user."""
    name = f"translations/emails/{template}"
    return [
        m
        for m in mail.outbox
        if m.to == [user.email] and m.extra_headers.get("X-MLP-Notice") == name
    ]


def submit(client, target):
    content_type = ContentType.objects.get_for_model(target)
    return client.post(
        reverse("translations_submit_for_review", args=[content_type.pk, target.pk])
    )


def status(obj, locale):
    (row,) = translation_status_matrix(objects=[obj], locales=[locale])
    return row.cells[locale.language_code]


def act(client, page, action, comment):
    state = page.current_workflow_state
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, state.current_task_state.pk],
    )
    return client.post(url, {"comment": comment})


def test_submit_then_approve_publishes_and_tells_the_translator(
    client,
    bilingual,
    translator,
    editor,
    locales,
    django_capture_on_commit_callbacks,
):
    es_page = bilingual.page["es"]
    retranslate(bilingual.translations["page"], "About us", "Sobre nosotras")
    assert status(bilingual.page["en"], locales["es"]).ready_for_review

    client.force_login(translator)
    response = submit(client, es_page)
    assert response.status_code == 302
    assert status(bilingual.page["en"], locales["es"]).status == "in_review"
    assert Page.objects.get(pk=es_page.pk).title == "Quiénes somos"  # not yet live

    client.force_login(editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(client, Page.objects.get(pk=es_page.pk).specific, "approve", "Bien")

    assert Page.objects.get(pk=es_page.pk).title == "Sobre nosotras"
    assert status(bilingual.page["en"], locales["es"]).status == "up_to_date"
    (message,) = notices(translator, "review_outcome")
    assert "Sobre nosotras" in message.subject
    assert "aprob" in message.body.lower() or "approved" in message.body.lower()


def test_reject_returns_to_the_translator_with_the_comment(
    client,
    bilingual,
    translator,
    editor,
    locales,
    django_capture_on_commit_callbacks,
):
    es_page = bilingual.page["es"]
    retranslate(bilingual.translations["page"], "About us", "Sobre nosotras")
    client.force_login(translator)
    submit(client, es_page)

    client.force_login(editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(client, Page.objects.get(pk=es_page.pk).specific, "reject", "Usa tú")

    cell = status(bilingual.page["en"], locales["es"])
    assert cell.status == "outdated"
    assert cell.changes_requested
    (message,) = notices(translator, "review_outcome")
    assert "Usa tú" in message.body
    assert "Usa tú" in message.alternatives[0][0]
    assert Page.objects.get(pk=es_page.pk).title == "Quiénes somos"
    # The translator fixes it and resubmits: the same workflow resumes.
    client.force_login(translator)
    submit(client, Page.objects.get(pk=es_page.pk).specific)
    assert (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).count()
        == 1
    )


def test_a_translator_cannot_approve_their_own_translation(
    client, bilingual, translator, locales
):
    es_page = bilingual.page["es"]
    retranslate(bilingual.translations["page"], "About us", "Sobre nosotras")
    client.force_login(translator)
    submit(client, es_page)

    act(client, Page.objects.get(pk=es_page.pk).specific, "approve", "")

    assert Page.objects.get(pk=es_page.pk).title == "Quiénes somos"
    assert status(bilingual.page["en"], locales["es"]).status == "in_review"


def test_a_spanish_snippet_goes_through_spanish_review(
    client, bilingual, translator, editor, locales, django_capture_on_commit_callbacks
):
    snippet = bilingual.snippet["es"]
    retranslate(bilingual.translations["snippet"], "We learnt a lot.", "¡Mucho!")
    client.force_login(translator)

    submit(client, snippet)

    assert status(bilingual.snippet["en"], locales["es"]).status == "in_review"
    assert snippet.get_workflow().name == "Spanish review"
    assert bilingual.snippet["en"].get_workflow() is None


def test_translators_cannot_submit_english_pages_for_review(
    client, bilingual, translator
):
    client.force_login(translator)

    response = submit(client, bilingual.page["en"])

    assert response.status_code in (302, 403)
    assert not WorkflowState.objects.exists()


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_the_translator_gets_one_email_per_review_outcome(
    client, bilingual, translator, editor, action, django_capture_on_commit_callbacks
):
    es_page = bilingual.page["es"]
    retranslate(bilingual.translations["page"], "About us", "Sobre nosotras")
    client.force_login(translator)
    submit(client, es_page)
    client.force_login(editor)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        act(client, Page.objects.get(pk=es_page.pk).specific, action, "Vale")

    (message,) = [m for m in mail.outbox if m.to == [translator.email]]
    assert message.extra_headers["X-MLP-Notice"] == "translations/emails/review_outcome"


def test_other_workflows_keep_wagtails_own_emails(bilingual, editor, admin):
    """Only locale reviews lose Wagtail's approval email: ours replaces it."""
    task = GroupApprovalTask.objects.create(name="Admins approve")
    task.groups.set([Group.objects.get(name="Moderators")])
    workflow = Workflow.objects.create(name="English review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    english = bilingual.page["en"]
    english.save_revision(user=editor)
    state = workflow.start(english, editor)
    mail.outbox.clear()

    state.current_task_state.specific.approve(user=admin)

    (message,) = [m for m in mail.outbox if m.to == [editor.email]]
    assert "approved" in message.subject.lower()
