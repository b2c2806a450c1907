"""How content values are shown: rich text as display HTML with absolute URLs,
StreamField as typed blocks, images with named renditions, documents with URLs."""

import re
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.documents.models import AbstractDocument
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import AbstractImage, Filter
from wagtail.models import Page
from wagtail.rich_text import RichText, expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock

# Named renditions every image carries.
RENDITIONS = {
    "thumbnail": "fill-160x160",
    "card": "fill-640x360",
    "hero": "width-1600",
}

_RELATIVE = re.compile(r'(\s(?:href|src))="/(?!/)')


def base_url(request: HttpRequest | None) -> str:
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(url: str | None, request: HttpRequest | None) -> str | None:
    if not url:
        return None
    if url.startswith("/") and not url.startswith("//"):
        return base_url(request) + url
    return url


def rich_text_html(source: RichText | str | None, request: HttpRequest | None) -> str:
    if isinstance(source, RichText):
        source = source.source
    html = expand_db_html(source or "")
    return _RELATIVE.sub(rf'\1="{base_url(request)}/', html)


def renditions_preload(images: Iterable[AbstractImage | None]) -> None:
    """Find the named renditions of many images at once: from the renditions
    cache, then one query for the rest; renditions never made are made. Sets
    `image.api_renditions` ({spec: rendition}), which image_data uses."""
    by_pk = {image.pk: image for image in images if image is not None}
    if not by_pk:
        return
    rendition_model = get_image_model().get_rendition_model()
    filters = {spec: Filter(spec) for spec in RENDITIONS.values()}
    wanted = {
        rendition_model.construct_cache_key(
            image, filters[spec].get_cache_key(image), spec
        ): (image, spec)
        for image in by_pk.values()
        for spec in filters
    }
    found: dict[int, dict[str, Any]] = {pk: {} for pk in by_pk}
    for key, rendition in rendition_model.cache_backend.get_many(list(wanted)).items():
        image, spec = wanted[key]
        rendition.image = image
        found[image.pk][spec] = rendition
    lacking = [pk for pk, have in found.items() if len(have) < len(filters)]
    if lacking:
        fresh = {}
        for rendition in rendition_model.objects.filter(
            image_id__in=lacking, filter_spec__in=list(filters)
        ):
            image = by_pk[rendition.image_id]
            spec = rendition.filter_spec
            if rendition.focal_point_key == filters[spec].get_cache_key(image):
                rendition.image = image
                found[image.pk][spec] = rendition
                fresh[rendition.get_cache_key()] = rendition
        rendition_model.cache_backend.set_many(fresh)
    for pk, have in found.items():
        missing = [spec for spec in filters if spec not in have]
        if missing:
            have.update(by_pk[pk].get_renditions(*missing))
        by_pk[pk].api_renditions = have


def image_data(
    image: AbstractImage | None, request: HttpRequest | None
) -> dict[str, Any] | None:
    if image is None:
        return None
    renditions = getattr(image, "api_renditions", None)
    if renditions is None:
        renditions = image.get_renditions(*RENDITIONS.values())
    return {
        "id": image.pk,
        "title": image.title,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": absolute(renditions[spec].url, request),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in RENDITIONS.items()
        },
    }


def document_data(
    document: AbstractDocument | None, request: HttpRequest | None
) -> dict[str, Any] | None:
    if document is None:
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "url": absolute(document.url, request),
        "file_extension": document.file_extension,
    }


def page_link(page: Page | None, request: HttpRequest | None) -> dict[str, Any] | None:
    if page is None or not page.live:
        return None
    return {"id": page.pk, "title": page.title, "url": page.get_full_url(request)}


def block_value(block: blocks.Block, value: Any, request: HttpRequest | None) -> Any:
    if isinstance(block, blocks.StructBlock) and (
        "get_api_representation" in vars(type(block))
    ):
        # A structure that shapes its own value (e.g. MEL's indicators table,
        # whose figures are computed, not stored).
        return block.get_api_representation(value, context={"request": request})
    if isinstance(block, blocks.StreamBlock):
        return stream_data(value, request)
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_value(child, value.get(name), request)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [block_value(block.child_block, item, request) for item in value or []]
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_html(value, request)
    if isinstance(block, ImageChooserBlock):
        return image_data(value, request)
    if isinstance(block, DocumentChooserBlock):
        return document_data(value, request)
    if isinstance(block, blocks.PageChooserBlock):
        return page_link(value.specific if value else None, request)
    if isinstance(block, SnippetChooserBlock):
        return None if value is None else {"id": value.pk, "label": str(value)}
    if isinstance(block, EmbedBlock):
        return None if value is None else {"url": value.url}
    return block.get_api_representation(value)


def stream_data(stream: Any, request: HttpRequest | None) -> list[dict[str, Any]]:
    """Each block as {"type", "id", "value"}, the value shaped per block type."""
    return [
        {
            "type": child.block_type,
            "id": child.id,
            "value": block_value(child.block, child.value, request),
        }
        for child in stream or []
    ]
