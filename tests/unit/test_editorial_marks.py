"""Property test: an editorial note quoting any passage of a paragraph is placed there, whatever annotation linked in it.

Hypothesis writes paragraphs of words, glossary names and citations, and an
`editorial.yml` quoting a run of their words (with a few words of prefix or
suffix, or none). After ingest and annotation, the rendered page must carry
the note's mark around that passage, with every link in it whole, and no
"passage not found".
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_annotate_property import ANNOTATOR, CITATIONS, NAMES

from marginalia.annotate import annotate_text
from marginalia.corpus import load_text
from marginalia.render import render_text

WORDS = "the alliance treaty border talks party leaders archive said that!".split()
token = st.one_of(st.sampled_from(WORDS), st.sampled_from(NAMES), st.sampled_from(CITATIONS))
META = {"title": "A text", "authors": ["Doe, Jane"], "year": 2020, "type": "article", "license": "CC BY 4.0"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tokens=st.lists(token, min_size=3, max_size=20),
    cut=st.tuples(st.integers(0, 19), st.integers(1, 8)),
    context=st.sampled_from(["none", "prefix", "suffix"]),
)
def test_a_quoted_passage_is_marked_where_it_stands(tokens: list[str], cut: tuple[int, int], context: str) -> None:
    words = " ".join(tokens).split(" ")
    first = min(cut[0], len(words) - 1)
    last = min(first + cut[1], len(words))
    paragraph = " ".join(words)
    exact = " ".join(words[first:last])
    note: dict[str, str] = {"quote": exact, "note": "An editor's remark."}
    if context == "prefix" and first > 0:
        note["prefix"] = " ".join(words[max(0, first - 2) : first]) + " "
    if context == "suffix" and last < len(words):
        note["suffix"] = " " + " ".join(words[last : last + 2])
    with tempfile.TemporaryDirectory() as folder:
        text_folder = Path(folder) / "a-text"
        text_folder.mkdir()
        (text_folder / "source.md").write_text(f"# A text\n\n{paragraph}\n", encoding="utf-8")
        (text_folder / "text.yml").write_text(yaml.safe_dump(META), encoding="utf-8")
        (text_folder / "editorial.yml").write_text(yaml.safe_dump([note], allow_unicode=True), encoding="utf-8")
        text, problems = load_text(text_folder)
    assert text is not None, problems
    if any(d.code == "editorial-ambiguous" for d in text.document.diagnostics):
        return  # the quote occurs twice: the editor is asked for a prefix or suffix
    html = render_text(annotate_text(text, ANNOTATOR))[0].html
    assert "passage not found" not in html, html
    mark = BeautifulSoup(html, "html.parser").select_one("mark#ed-ref-1")
    assert mark is not None, html
    shown = " ".join(mark.get_text().replace("[?]", "").split())  # an unresolved citation's marker is added
    assert " ".join(exact.split()) in shown, (exact, str(mark))
    for link in mark.select("a.citation, a.glossary-term"):  # whole: the link's text is what annotation found
        assert link.get_text() in paragraph, str(mark)
