"""The markup policy, one source snippet at a time: rendered as the site renders it, then sanitized."""

from __future__ import annotations

import json

import markdown
import pytest

from marginalia.inert import inert_source, restore_source, sanitize_html, script_json

EXTENSIONS = ["abbr", "attr_list", "def_list", "footnotes", "md_in_html", "tables"]


def render(source: str) -> str:
    return sanitize_html(markdown.markdown(inert_source(source), extensions=EXTENSIONS))


@pytest.mark.parametrize(
    ("source", "html"),
    [
        pytest.param(
            "a < b and c > d, AT&T, {curly braces}, 100% sure, back\\slash, LaTeX \\emph{word}, <3",
            "<p>a &lt; b and c &gt; d, AT&amp;T, {curly braces}, 100% sure, back\\slash, LaTeX \\emph{word}, &lt;3</p>",
            id="legit_characters",
        ),
        pytest.param("x<y<sup>2</sup>", "<p>x&lt;y<sup>2</sup></p>", id="less_than_before_a_marker"),
        pytest.param(
            "<b>b</b> <i>i</i> <em>e</em> <strong>s</strong> <u>u</u> <small>m</small> H<sub>2</sub>O a<br>b",
            "<p><b>b</b> <i>i</i> <em>e</em> <strong>s</strong> <u>u</u> <small>m</small> H<sub>2</sub>O a<br>b</p>",
            id="extraction_tags",
        ),
        pytest.param("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", id="script_is_text"),
        pytest.param(
            '"><img src=x onerror=alert(1)>', '<p>"&gt;&lt;img src=x onerror=alert(1)&gt;</p>', id="img_is_text"
        ),
        pytest.param("<sup onclick=x>1</sup>", "<p>&lt;sup onclick=x&gt;1</p>", id="tag_with_attributes_is_text"),
        pytest.param("[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>", id="javascript_link_is_text"),
        pytest.param("[x](page.md)", "<p>[x](page.md)</p>", id="relative_link_is_text"),
        pytest.param(
            "[ok](https://example.org/) <https://example.org/a> <mailto:a@example.org>",
            '<p><a href="https://example.org/">ok</a> <a href="https://example.org/a">https://example.org/a</a>'
            ' <a href="mailto:a@example.org">a@example.org</a></p>',
            id="http_and_mailto_links",
        ),
        pytest.param("Para. {: onmouseover=alert(1) }", "<p>Para. {: onmouseover=alert(1) }</p>", id="attribute_list"),
        pytest.param("*x*{: onclick=alert(1) }", "<p><em>x</em>{: onclick=alert(1) }</p>", id="inline_attribute_list"),
        pytest.param("[r]: javascript:alert(1)", "<p>[r]: javascript:alert(1)</p>", id="reference_definition"),
        pytest.param("*[HTML]: Hyper", "<p>*[HTML]: Hyper</p>", id="abbreviation_definition"),
        pytest.param("&amp; &copy; \\*", "<p>&amp;amp; &amp;copy; \\*</p>", id="entities_and_escapes_as_written"),
        pytest.param("<!-- c --> <?php ?>", "<p>&lt;!-- c --&gt; &lt;?php ?&gt;</p>", id="comments_as_written"),
    ],
)
def test_source_markup_policy(source: str, html: str) -> None:
    assert render(source) == html
    assert restore_source(inert_source(source)) == source


@pytest.mark.parametrize(
    "html",
    [
        '<a href="javascript:alert(1)">x</a>',
        '<p onmouseover="alert(1)">x</p>',
        "<script>alert(1)</script>",
        '<svg onload="alert(1)"></svg>',
        '<iframe src="https://example.org"></iframe>',
        '<span style="position: fixed; left: 0">x</span>',
    ],
)
def test_sanitizer_removes_what_could_run(html: str) -> None:
    clean = sanitize_html(html)
    for unsafe in ("javascript:", "onmouseover", "<script", "onload", "<iframe", "position"):
        assert unsafe not in clean


def test_sanitizer_keeps_what_the_renderer_writes() -> None:
    html = (
        '<p class="text-paragraph" id="p-1">x<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'
        '<a class="citation" data-key="k" data-locator="5" title="T" href="bibliography/#k">K</a></p>'
        '<span class="timeline-bar" style="left:1.5%;width:3%"></span>'
    )
    assert sanitize_html(html) == html


def test_script_json_cannot_close_its_element() -> None:
    data = {"name": "</script><!-- & \u2028\u2029 >"}
    written = script_json(data)
    assert not any(ch in written for ch in "<>&\u2028\u2029")
    assert json.loads(written) == data
