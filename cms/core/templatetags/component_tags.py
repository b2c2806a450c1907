"""Tags for filling components (``components/*.html``) with rich content."""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str) -> None:
        self.nodelist = nodelist
        self.name = name

    def render(self, context: template.Context) -> str:
        # The inner content is template output, escaped as it rendered: safe to
        # pass on to a component without escaping it twice.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        return ""


@register.tag
def capture(parser: template.base.Parser, token: template.base.Token) -> CaptureNode:
    """Render the content up to ``{% endcapture %}`` into a variable instead of the
    page, to pass links, times or includes to a component:
    ``{% capture as lead %}<a href="…">…</a>{% endcapture %}``
    ``{% include "components/page_header.html" with title=… lead=lead %}``."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError(f"Usage: {{% {bits[0]} as name %}}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
