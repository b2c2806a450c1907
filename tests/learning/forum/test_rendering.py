"""Posts reach readers only as allowlisted HTML: no script, handler or bad URL."""

from html.parser import HTMLParser

import pytest

from learning.forum.rendering import ALLOWED_TAGS, markdown_render

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "<img src=x onerror=alert(1)//",
    '<a href="#" onclick="alert(1)">click</a>',
    '<div onmouseover="alert(1)">hover</div>',
    '<a href="javascript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](jav&#9;ascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x]( javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><img src=x onerror=alert(1)></mtext></math>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<b onmouseover=alert(1)>unclosed",
    "<<img src=x onerror=alert(1)>>",
    '<a href="javascript:alert(1)"',
    "<img src=x onerror=alert(1)",
    "![img](javascript:alert(1))",
    '![img](https://example.org/x.png "title" onerror="alert(1)")',
    '[x](https://example.org" onmouseover="alert(1))',
    "<!--<script>alert(1)</script>-->",
    "<details open ontoggle=alert(1)>",
    '<form action="javascript:alert(1)"><button>go</button></form>',
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
]

SAFE_SCHEMES = ("http://", "https://", "mailto:")


class TagCollector(HTMLParser):
    """Every tag and attribute in the HTML, as a browser tokenises it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def tags_of(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    collector = TagCollector()
    collector.feed(html)
    collector.close()
    return collector.tags


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_leaves_no_active_markup(payload):
    html = markdown_render(text=payload)

    for tag, attrs in tags_of(html):
        assert tag in ALLOWED_TAGS, html
        for name, value in attrs:
            assert name in {"href", "rel"}, html
            if name == "href":
                assert value.startswith(SAFE_SCHEMES), html
                assert "javascript" not in value.lower(), html
    assert "<script" not in html.lower()
    assert "<svg" not in html.lower()
    assert "<img" not in html.lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**bold** and *italic*", "<strong>bold</strong> and <em>italic</em>"),
        ("use `code` here", "<code>code</code>"),
        ("line one\nline two", "line one<br>"),
        ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        ("1. one\n2. two", "<ol>"),
        ("> a quote", "<blockquote>"),
        (
            "[site](https://example.org/a?b=1)",
            '<a href="https://example.org/a?b=1" rel="nofollow noopener ugc">site</a>',
        ),
        ("[mail](mailto:a@example.org)", 'href="mailto:a@example.org"'),
        ("1 < 2 & 3 > 2", "1 &lt; 2 &amp; 3 &gt; 2"),
    ],
)
def test_markdown_subset_is_rendered(text, expected):
    assert expected in markdown_render(text=text)


def test_raw_html_is_shown_as_text_not_dropped():
    html = markdown_render(text="Tip: <b>bold</b> is written **bold**")

    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<strong>bold</strong>" in html


@pytest.mark.parametrize("target", ["/relative/path", "ftp://example.org/x"])
def test_links_other_than_http_and_mailto_lose_their_address(target):
    html = markdown_render(text=f"[x]({target})")

    assert "href" not in html
    assert ">x</a>" in html
