"""The annotator's links read in one step make exactly the HTML Python-Markdown's `link` and `attr_list` make.

Property tests (hypothesis) over arbitrary link texts and surrounding text as
a source gives them (`inert_source`), and arbitrary attribute values
(`attribute_value`), with Markdown's special characters mixed in; and the whole
text pages of the shipped texts: with and without the extension, the same HTML.
An attribute value keeps every character, whatever Markdown it looks like.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import markdown
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ingest_snippet
from marginalia.annotate.markup import attribute_value, text_before_link
from marginalia.annotate.mentions import link_mentions
from marginalia.glossary.entries import load_glossary
from marginalia.glossary.matcher import Matcher
from marginalia.inert import inert_source
from marginalia.site import SiteBuild

ROOT = Path(__file__).resolve().parents[2]
CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
EXTENSION = "marginalia.render.annotation_links"
SPECIAL = [
    "*",
    "_",
    "`",
    "\\",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "<",
    ">",
    "&",
    "&amp;",
    "&#123;",
    '"',
    "'",
    "\n",
    "|",
    "^",
]
any_text = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(SPECIAL)), max_size=8).map("".join)
source_text = any_text.map(inert_source)
"""Text as a source gives it to the annotator (see `marginalia.inert`)."""
identifier = st.from_regex(r"[a-z0-9]+(-[a-z0-9]+){0,3}", fullmatch=True)


def convert(source: str, *, fast: bool) -> str:
    """Convert with the site's Markdown extensions, with or without the one-step link reader."""
    assert EXTENSION in str(CONFIG["markdown_extensions"])
    extensions: list[str] = []
    configs = {}
    for item in CONFIG["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        if name != EXTENSION or fast:
            extensions.append(name)
            configs[name] = options or {}
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(source)


@settings(max_examples=400, deadline=None)
@given(
    before=source_text,
    text=source_text,
    entry=identifier,
    title=any_text,
    locator=st.one_of(st.none(), any_text),
    sic=st.booleans(),
    after=source_text,
)
def test_same_html_as_link_and_attr_list(
    before: str, text: str, entry: str, title: str, locator: str | None, sic: bool, after: str
) -> None:
    glossary = f'[{text}](../../glossary/{entry}.md){{: .glossary-term data-entry="{entry}" title="{attribute_value(title)}" }}'
    attributes = f'.citation{" .citation-sic" if sic else ""} data-key="{entry}" title="{attribute_value(title)}"'
    if locator is not None:
        attributes += f' data-locator="{attribute_value(locator)}"'
    citation = f"[{text}](bibliography.md#{entry}){{: {attributes} }}"
    source = f"{text_before_link(before)}{glossary}{text_before_link(after + ' ')}{citation}{after}"
    assert convert(source, fast=True) == convert(source, fast=False)


def test_same_html_for_the_shipped_texts_pages() -> None:
    build = SiteBuild.load(ROOT / "texts", ROOT / "bib", ROOT / "glossary")
    pages = [page for page in build.pages if page.path.startswith("texts/") and not page.html]
    assert len(pages) > 2
    linked = 0
    for page in pages:
        assert convert(page.markdown, fast=True) == convert(page.markdown, fast=False), page.path
        linked += page.markdown.count("{: .glossary-term") + page.markdown.count("{: .citation")
    assert linked > 100


@settings(max_examples=300, deadline=None)
@given(title=any_text, fast=st.booleans())
def test_an_attribute_value_survives_as_written(title: str, fast: bool) -> None:
    source = (
        f'A [Mao](../../glossary/mao.md){{: .glossary-term data-entry="mao" title="{attribute_value(title)}" }} b *c*'
    )
    html = convert(source, fast=fast)
    link = re.search(
        r'<a class="glossary-term" data-entry="mao" href="../../glossary/mao.md" title="([^"]*)">Mao</a>', html
    )
    assert link is not None, html
    # The numeric references as a browser reads them (Python's `unescape` drops control characters).
    assert unescape(re.sub(r"&#([0-9]+);", lambda m: chr(int(m.group(1))), link.group(1))) == title
    assert html.endswith(" b <em>c</em></p>")


def test_a_name_right_after_an_exclamation_mark_is_a_link_not_an_image() -> None:
    glossary = load_glossary(ROOT / "glossary", [])
    doc = ingest_snippet("# A title\n\nThey shouted “Long live!Mao Zedong” and left.\n")
    link_mentions(doc, Matcher(glossary), glossary.entries)
    html = convert(doc.paragraphs()[0].text, fast=True)
    assert "<img" not in html
    assert re.search(r'live!<a class="glossary-term" data-entry="mao-zedong"[^>]*>Mao Zedong</a>', unescape(html))
