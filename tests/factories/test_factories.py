"""Every factory builds a valid object in a valid place of the page tree."""

import pytest
from wagtail.models import Page

from tests import factories

PAGE_FACTORIES = [
    factories.HomePageFactory,
    factories.StandardPageFactory,
    factories.ContactPageFactory,
    factories.PublicationIndexPageFactory,
    factories.PublicationPageFactory,
    factories.VideoIndexPageFactory,
    factories.VideoPageFactory,
    factories.ProgrammeIndexPageFactory,
    factories.ProgrammePageFactory,
    factories.ModulePageFactory,
    factories.SessionTopicPageFactory,
]

OTHER_FACTORIES = [
    factories.ContactFormFieldFactory,
    factories.PublicationPageTopicFactory,
    factories.VideoCaptionFactory,
    factories.TopicFactory,
    factories.TestimonialFactory,
    factories.MainMenuFactory,
    factories.FooterFactory,
    factories.ImageFactory,
    factories.DocumentFactory,
    factories.UserFactory,
    factories.SuperUserFactory,
]


@pytest.mark.django_db
@pytest.mark.parametrize("page_factory", PAGE_FACTORIES, ids=lambda f: f.__name__)
def test_page_factory_makes_a_valid_live_page_where_its_type_is_allowed(page_factory):
    page = page_factory()

    page.full_clean()
    parent = page.get_parent().specific
    assert page.live
    assert page.first_published_at == page.last_published_at is not None
    assert type(page).can_create_at(parent)
    assert page.locale.language_code == "en"
    assert Page.objects.get(pk=page.pk).specific == page


@pytest.mark.django_db
@pytest.mark.parametrize("other_factory", OTHER_FACTORIES, ids=lambda f: f.__name__)
def test_factory_makes_a_valid_saved_object(other_factory):
    obj = other_factory()

    obj.full_clean()
    assert obj.pk is not None


@pytest.mark.django_db
def test_a_draft_page_has_never_been_published():
    page = factories.StandardPageFactory(live=False)

    assert page.first_published_at is None
    assert page.last_published_at is None


@pytest.mark.django_db
def test_stream_field_factories_fill_the_body():
    page = factories.StandardPageFactory(
        body__0__heading__text="Method",
        body__1__paragraph__value="<p>How we work.</p>",
        body__2="call_to_action",
    )
    page.refresh_from_db()

    assert [block.block_type for block in page.body] == [
        "heading",
        "paragraph",
        "call_to_action",
    ]
    assert page.body[0].value["text"] == "Method"
    assert page.body[1].value.source == "<p>How we work.</p>"


@pytest.mark.django_db
def test_user_factory_password_signs_in(client):
    user = factories.UserFactory(email="someone@example.org")

    assert client.login(username="someone@example.org", password="mutual-demo")
    assert user.check_password("mutual-demo")
