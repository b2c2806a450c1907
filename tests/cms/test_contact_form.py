"""The contact form: a visitor's message is kept in the admin and emailed.

Emails go through a django-tasks task; the test settings run tasks immediately and
keep mail in ``django.core.mail.outbox``.
"""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from cms.pages.models import ContactFormField
from tests import factories

SPANISH_LABELS = {"your_email": "Tu correo electrónico", "your_message": "Tu mensaje"}


@pytest.fixture
def contact_page(home_pages):
    page = factories.ContactPageFactory(
        parent=home_pages["en"],
        title="Contact",
        slug="contact",
        subject="Message from the website",
        to_address="office@example.org, team@example.org",
        from_address="noreply@example.org",
        thank_you_text="<p>Thank you, we will write back soon.</p>",
    )
    factories.ContactFormFieldFactory(
        page=page, label="Your email", field_type="email", sort_order=0
    )
    factories.ContactFormFieldFactory(
        page=page, label="Your message", field_type="multiline", sort_order=1
    )
    # Field names come from the English labels and stay the same in every language.
    assert [f.clean_name for f in page.get_form_fields()] == [
        "your_email",
        "your_message",
    ]
    return page


@pytest.fixture
def spanish_contact_page(contact_page, locales):
    """The Spanish translation, as a translator would leave it."""
    page = contact_page.copy_for_translation(locales["es"])
    page.title = "Contacto"
    page.slug = "contacto"
    page.subject = "Mensaje desde el sitio web"
    page.thank_you_text = "<p>Gracias, te responderemos pronto.</p>"
    page.save_revision().publish()
    for field in ContactFormField.objects.filter(page=page):
        field.label = SPANISH_LABELS[field.clean_name]
        field.save()
    page.refresh_from_db()
    return page


def test_contact_form_fields_are_translatable():
    assert ContactFormField._meta.get_field("locale")
    assert ContactFormField._meta.get_field("translation_key")


@pytest.mark.django_db
def test_a_submission_is_saved_and_emailed(client, contact_page):
    response = client.post(
        contact_page.url,
        {"your_email": "ana@example.org", "your_message": "Can we join in March?"},
    )

    assert response.status_code == 200
    assert "Thank you, we will write back soon." in response.text
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.get_data()["your_message"] == "Can we join in March?"
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.subject == "Message from the website"
    assert email.to == ["office@example.org", "team@example.org"]
    assert email.from_email == "noreply@example.org"
    assert "Your email: ana@example.org" in email.body
    assert "Your message: Can we join in March?" in email.body


@pytest.mark.django_db
def test_an_invalid_submission_is_neither_saved_nor_emailed(client, contact_page):
    response = client.post(contact_page.url, {"your_email": "not-an-email"})

    assert response.status_code == 200
    assert "form__summary" in response.text
    assert not FormSubmission.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_spanish_form_shows_spanish_labels(client, spanish_contact_page):
    assert spanish_contact_page.url == "/es/contacto/"

    response = client.get(spanish_contact_page.url)

    assert response.status_code == 200
    assert 'lang="es"' in response.text
    assert "Tu correo electrónico" in response.text
    assert "Tu mensaje" in response.text
    assert "Your email" not in response.text


@pytest.mark.django_db
def test_a_spanish_submission_is_emailed_with_spanish_labels(
    client, contact_page, spanish_contact_page
):
    response = client.post(
        spanish_contact_page.url,
        {"your_email": "ana@example.org", "your_message": "¿Podemos unirnos en marzo?"},
    )

    assert response.status_code == 200
    assert "Gracias, te responderemos pronto." in response.text
    assert FormSubmission.objects.filter(page=spanish_contact_page).count() == 1
    assert not FormSubmission.objects.filter(page=contact_page).exists()
    [email] = mail.outbox
    assert email.subject == "Mensaje desde el sitio web"
    assert "Tu correo electrónico: ana@example.org" in email.body
    assert "Tu mensaje: ¿Podemos unirnos en marzo?" in email.body


@pytest.mark.django_db
def test_the_email_task_sends_to_the_given_recipients():
    from cms.pages.tasks import send_form_submission_email

    result = send_form_submission_email.enqueue(
        subject="Hello",
        body="Body",
        recipients=["a@example.org"],
        from_address="",
    )

    assert result.status == "SUCCESSFUL"
    [email] = mail.outbox
    assert email.to == ["a@example.org"]
    assert "noreply@localhost" in email.from_email
