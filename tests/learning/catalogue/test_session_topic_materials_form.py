"""A session topic's materials: the admin's page form refuses a page of the wrong
type (only publications and videos are materials), and saves the right ones."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests import factories
from tests.wagtail_admin import PageAdmin, form_errors

REFUSAL = "Choose a publication page or video page: “Module 1” is a module page."


@pytest.fixture
def topic(home_pages):
    return factories.SessionTopicPageFactory(
        parent__parent__parent=home_pages["en"], title="Listening"
    )


def edit_form_data(topic, *, material):
    return nested_form_data(
        {
            "title": topic.title,
            "slug": topic.slug,
            "summary": topic.summary,
            "sub_topics": streamfield([]),
            "body": streamfield([]),
            "materials": streamfield([("page", {"page": material.pk, "note": ""})]),
            "forum_questions": streamfield([]),
        }
    )


def material_errors(response):
    """(code, messages) of each material's page chooser error on the re-shown form."""
    [stream_error] = form_errors(response).as_data()["materials"]
    return [
        (error.block_errors["page"].code, error.block_errors["page"].messages)
        for error in stream_error.block_errors.values()
    ]


@pytest.mark.django_db
def test_a_module_page_cannot_be_saved_as_a_material(superuser_client, topic):
    module = topic.get_parent().specific
    module.title = "Module 1"
    module.save()

    response = PageAdmin(superuser_client).post_edit_form(
        topic, edit_form_data(topic, material=module)
    )

    assert material_errors(response) == [("page_type", [REFUSAL])]
    topic.refresh_from_db()
    assert len(topic.materials) == 0


@pytest.mark.django_db
def test_a_publication_is_saved_as_a_material(superuser_client, topic, home_pages):
    publication = factories.PublicationPageFactory(parent__parent=home_pages["en"])

    response = PageAdmin(superuser_client).post_edit_form(
        topic, edit_form_data(topic, material=publication)
    )

    assert response.status_code == 302
    topic.refresh_from_db()
    assert [block.value["page"].pk for block in topic.materials] == [publication.pk]
