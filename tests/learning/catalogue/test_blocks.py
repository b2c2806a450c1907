"""The catalogue's StreamField blocks and their validation."""

import pytest
from wagtail.blocks import StructBlockValidationError

from learning.catalogue.blocks import BodyBlock, CallToActionBlock, PageMaterialBlock
from tests import factories

ONE_TARGET = "Choose a page or enter an external URL, not both."


def clean_call_to_action(**value):
    block = CallToActionBlock()
    return block.clean(block.to_python({"text": "Read more", **value}))


def test_a_call_to_action_with_an_external_url_is_valid():
    value = clean_call_to_action(url="https://example.org/")

    assert value["url"] == "https://example.org/"
    assert value["page"] is None


@pytest.mark.django_db
def test_a_call_to_action_with_a_page_is_valid(home_pages):
    value = clean_call_to_action(page=home_pages["en"].pk)

    assert value["page"].pk == home_pages["en"].pk


@pytest.mark.parametrize("with_page", [False, True], ids=["neither", "both"])
@pytest.mark.django_db
def test_a_call_to_action_needs_exactly_one_target(with_page, home_pages):
    value = {"url": "https://example.org/"} if with_page else {}
    if with_page:
        value["page"] = home_pages["en"].pk

    with pytest.raises(StructBlockValidationError) as raised:
        clean_call_to_action(**value)

    error = raised.value.block_errors["url"]
    assert error.code == "one_target"
    assert error.messages == [ONE_TARGET]


def test_the_body_offers_no_raw_html_block():
    assert "html" not in BodyBlock.base_blocks
    assert set(BodyBlock.base_blocks) == {
        "heading",
        "paragraph",
        "image",
        "quote",
        "call_to_action",
        "embed",
        "document_link",
    }


def test_materials_may_only_be_publications_and_videos():
    target_models = PageMaterialBlock().child_blocks["page"].target_models

    assert {model._meta.label for model in target_models} == {
        "publications.PublicationPage",
        "videos.VideoPage",
    }


def clean_page_material(page):
    block = PageMaterialBlock()
    return block.clean(block.to_python({"page": page.pk, "note": ""}))


@pytest.mark.django_db
def test_a_publication_or_a_video_is_a_material(home_pages):
    publication = factories.PublicationPageFactory(parent__parent=home_pages["en"])
    video = factories.VideoPageFactory(parent__parent=home_pages["en"])

    assert clean_page_material(publication)["page"].pk == publication.pk
    assert clean_page_material(video)["page"].pk == video.pk


@pytest.mark.django_db
def test_a_page_of_another_type_is_refused_as_a_material(home_pages):
    module = factories.ModulePageFactory(
        parent__parent=home_pages["en"], title="Module 1"
    )

    with pytest.raises(StructBlockValidationError) as raised:
        clean_page_material(module)

    error = raised.value.block_errors["page"]
    assert error.code == "page_type"
    assert error.messages == [
        "Choose a publication page or video page: “Module 1” is a module page."
    ]
