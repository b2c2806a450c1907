"""The capture tag that fills components such as the page header with rich content."""

import pytest
from django.template import Context, Template, TemplateSyntaxError


def render(source: str, **context) -> str:
    return Template("{% load component_tags %}" + source).render(Context(context))


def test_capture_renders_nothing_in_place_and_escapes_once():
    html = render(
        "[{% capture as lead %} <a href='/x'>{{ name }}</a> {% endcapture %}]"
        "{{ lead }}",
        name="Tom & Jerry",
    )
    assert html == "[]<a href='/x'>Tom &amp; Jerry</a>"


def test_page_header_takes_captured_links_and_escapes_plain_text():
    html = render(
        "{% capture as eyebrow %}<a href='/home'>Home</a>{% endcapture %}"
        '{% include "components/page_header.html" with eyebrow=eyebrow'
        " title=name lead=name %}",
        name="<b>Bold</b>",
    )
    assert "<p class=\"page-header__eyebrow\"><a href='/home'>Home</a></p>" in html
    assert '<h1 class="page-header__title">&lt;b&gt;Bold&lt;/b&gt;</h1>' in html
    assert '<p class="page-header__lead">&lt;b&gt;Bold&lt;/b&gt;</p>' in html


def test_capture_needs_a_name():
    with pytest.raises(TemplateSyntaxError):
        render("{% capture %}x{% endcapture %}")
