"""The reader-facing notice on pages whose translation a machine made."""

from django import template
from wagtail.models import Page

from cms.translations.notices import page_is_machine_translated

register = template.Library()


@register.inclusion_tag("translations/machine_notice.html", takes_context=True)
def machine_translation_notice(context):
    page = context.get("page")
    shown = isinstance(page, Page) and page_is_machine_translated(page=page)
    return {"shown": shown}
