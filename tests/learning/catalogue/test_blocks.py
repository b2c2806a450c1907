"""The catalogue's StreamField blocks and their validation."""

import pytest
from wagtail.blocks import StructBlockValidationError

from learning.catalogue.blocks import BodyBlock, CallToActionBlock, PageMaterialBlock

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
