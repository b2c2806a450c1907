"""Page metadata (description, social image, Open Graph) and localized links."""

import re

from django import template
from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import to_locale
from wagtail.images import get_image_model

from cms.core.models import SiteSettings
from cms.core.selectors import language_label, localized_objects
from cms.core.shared_parts import shared_part

from .navigation_tags import active_locale_id, make_absolute

register = template.Library()

# Fields a page may describe itself with, best first, after search_description.
DESCRIPTION_FIELDS = ("introduction", "summary", "description", "hero_text")
# Fields a page may illustrate itself with for Open Graph.
IMAGE_FIELDS = ("hero_image", "poster_image")
DESCRIPTION_LENGTH = 200


@register.filter
def page_description(page) -> str:
    """The page's meta description: its search description, else its first text."""
    for name in ("search_description", *DESCRIPTION_FIELDS):
        value = getattr(page, name, "")
        text = re.sub(r"\s+", " ", strip_tags(str(value or ""))).strip()
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def _default_social_image(request):
    site_settings = SiteSettings.for_request(request)
    return site_settings.default_social_image


@register.simple_tag(takes_context=True)
def social_image(context):
    """The image to share the page with: its own, else the site's default (the
    same for every page: computed once per content generation)."""
    page = context.get("page")
    for name in IMAGE_FIELDS:
        image = getattr(page, name, None)
        if image is not None:
            return image
    request = context.get("request")
    if request is None:
        return None
    return shared_part(
        request, "default_social_image", lambda: _default_social_image(request)
    )


@register.simple_tag(takes_context=True)
def absolute_url(context, url) -> str:
    """`url` with the site's scheme and host, like canonical links and the sitemap."""
    return make_absolute(context.get("request"), url)


@register.filter
def og_locale(language_code) -> str:
    """An Open Graph locale ("es_ES") for a language code; OPEN_GRAPH_LOCALES may
    name the territory, else the bare language is used."""
    mapping = getattr(settings, "OPEN_GRAPH_LOCALES", {})
    return mapping.get(language_code, to_locale(language_code))


@register.filter
def language_name_local(language_code) -> str:
    """The language's name in itself, capitalised ("Español")."""
    try:
        return language_label(language_code)
    except KeyError:
        return language_code


@register.simple_tag(takes_context=True)
def localized(context, objects):
    """A list of pages or snippets swapped for their live translations in the page's
    language; `{% localized value.testimonials as testimonials %}`."""
    return localized_objects(objects or [], locale_id=active_locale_id(context))


@register.simple_tag(takes_context=True)
def localized_with_images(context, objects, field_name, spec):
    """`localized`, with each object's image `field_name` and its `spec` rendition
    fetched for the whole list at once (two queries at most, not two per object);
    `{% localized_with_images value.testimonials "photo" "fill-96x96" as items %}`."""
    objects = localized(context, objects)
    images = get_image_model().objects.prefetch_renditions(spec)
    prefetch_related_objects(
        [obj for obj in objects if obj is not None],
        Prefetch(field_name, queryset=images),
    )
    return objects


@register.simple_tag(takes_context=True)
def localized_one(context, obj):
    """One page or snippet in the page's language; `{% localized_one p as p %}`."""
    if obj is None:
        return None
    return localized_objects([obj], locale_id=active_locale_id(context))[0]


def _linked_page(item):
    value = getattr(item, "value", item)
    if getattr(item, "block_type", "page") != "page":
        return None
    try:
        return value.get("page")
    except AttributeError:
        return None


@register.simple_tag(takes_context=True)
def with_localized_pages(context, items):
    """(item, localized page or None) pairs for struct or stream items with a
    `page`; `{% with_localized_pages value.cards as cards %}`."""
    items = list(items or [])
    pages = localized_objects(
        [_linked_page(item) for item in items], locale_id=active_locale_id(context)
    )
    return list(zip(items, pages, strict=True))


MATERIAL_KINDS = {
    "publicationpage": _("Publication"),
    "videopage": _("Video"),
}


@register.filter
def material_kind(page) -> str:
    """A short name of a material page's kind: "Publication", "Video"."""
    if page is None:
        return ""
    model = page.specific_class
    if model is None:
        return ""
    return MATERIAL_KINDS.get(
        model._meta.model_name, capfirst(model._meta.verbose_name)
    )


@register.simple_tag
def choice_label(bound_block, name) -> str:
    """The human label of a ChoiceBlock's value inside a StructBlock."""
    value = bound_block.value.get(name)
    choices = dict(bound_block.block.child_blocks[name].field.choices)
    return choices.get(value, value)


@register.filter
def elided_pages(page_obj):
    """Page numbers around the current one, with ellipses; for pagination."""
    return page_obj.paginator.get_elided_page_range(
        page_obj.number, on_each_side=2, on_ends=1
    )


@register.simple_tag(takes_context=True)
def localized_topics(context, publications):
    """{publication pk: its topics in the page's language} for a list of
    publications with prefetched topic links; one query for the whole list."""
    links = [
        (publication.pk, link.topic)
        for publication in publications
        for link in publication.topic_links.all()
    ]
    topics = localized_objects(
        [topic for _pk, topic in links], locale_id=active_locale_id(context)
    )
    by_publication = {publication.pk: [] for publication in publications}
    for (pk, _topic), topic in zip(links, topics, strict=True):
        by_publication[pk].append(topic)
    return by_publication


@register.filter
def lookup(mapping, key):
    """`mapping[key]` in a template, or None."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None
