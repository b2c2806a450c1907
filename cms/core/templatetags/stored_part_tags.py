"""`{% stored_part "name" %}…{% endstored_part %}`: a part of a page rendered
once per live revision and language, and stored (cms.core.stored_parts).

Wrap only what depends on the page's content and the language: never the
header, a form, or what changes with the clock, the visitor or the query string.
"""

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token

from cms.core.stored_parts import part_render

register = template.Library()


class StoredPartNode(template.Node):
    def __init__(self, name: FilterExpression, nodelist: NodeList) -> None:
        self.name = name
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        name = str(self.name.resolve(context))
        return part_render(context, name, lambda: self.nodelist.render(context))


@register.tag
def stored_part(parser: Parser, token: Token) -> StoredPartNode:
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes one argument: the part's name."
        )
    nodelist = parser.parse(("endstored_part",))
    parser.delete_first_token()
    return StoredPartNode(parser.compile_filter(bits[1]), nodelist)
