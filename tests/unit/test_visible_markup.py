"""The site-wide check for markup shown as text finds template slips and leaves code and content alone."""

from __future__ import annotations

from visible_markup import visible_markup


def test_an_escaped_listing_is_found() -> None:
    page = "<article><p>Entries</p>&lt;ul class=&quot;glossary-list&quot;&gt;&lt;li&gt;Mao&lt;/li&gt;</article>"
    assert [finding.split(":")[0] for finding in visible_markup(page)] == ["an HTML tag"] * 3


def test_markdown_and_template_leftovers_are_found() -> None:
    page = (
        "<p>Mao{: .glossary-term} [Stalin](../stalin/) note[^3] **bold** {{ title }}</p><p>## Heading</p>"
        '<p title="&lt;b&gt;preview&lt;/b&gt;">x</p><p>AT&amp;amp;T</p>'
    )
    kinds = {finding.split(":")[0] for finding in visible_markup(page)}
    assert kinds == {
        "a Markdown attribute list",
        "a Markdown link",
        "a Markdown footnote",
        "Markdown emphasis",
        "a Markdown heading",
        "template syntax",
        "an HTML tag",
        "an HTML entity",
    }


def test_code_comparisons_and_python_names_are_text() -> None:
    page = (
        "<p>a &lt; b and c &gt; d, AT&amp;T, 2 * 3 * 4, snake_case and <code>__init__</code> __str__, [sic]</p>"
        "<pre><code>&lt;p id=&quot;p-1&quot;&gt;</code></pre><!-- <b>comment</b> -->"
    )
    assert visible_markup(page) == []


def test_allowed_content_is_not_a_finding() -> None:
    assert visible_markup("<h1>&lt;img src=x&gt;</h1>", allowed=frozenset({"<img src=x>"})) == []
