"""Each shape a raw text may take, in a few lines: what ingest must make of it."""

from __future__ import annotations

import pytest

from helpers import ingest_snippet
from marginalia.ingest.patterns import join_lines
from marginalia.model import Paragraph, Reference

ARTICLE_BODY = "## 1 Introduction\n\nThe body begins here and says something.\n"


def body(source: str) -> list[str]:
    return [b.text for s in ingest_snippet(source).sections for b in s.blocks if isinstance(b, Paragraph)]


@pytest.mark.parametrize(
    "opening",
    [
        pytest.param("## Abstract\n\nA short abstract.\n\n", id="heading"),
        pytest.param("Abstract\n\nA short abstract.\n\n", id="bare-line"),
        pytest.param("**Abstract**\n\nA short abstract.\n\n", id="bold-line"),
        pytest.param("**Abstract** A short abstract.\n\n", id="bold-label"),
        pytest.param("Abstract: A short abstract.\n\n", id="colon-label"),
    ],
)
@pytest.mark.parametrize(
    "keywords",
    [
        pytest.param("**Keywords** Mao · Stalin · Cold War", id="bold-middot"),
        pytest.param("Keywords: Mao; Stalin; Cold War", id="colon-semicolon"),
        pytest.param("Keywords Mao, Stalin, Cold War", id="bare-comma"),
    ],
)
def test_abstract_and_keywords_in_every_form(opening: str, keywords: str) -> None:
    doc = ingest_snippet(f"# T\n\nAnna Example\n\n{opening}{keywords}\n\n{ARTICLE_BODY}")
    assert [p.text for p in doc.metadata.abstract] == ["A short abstract."]
    assert doc.metadata.keywords == ["Mao", "Stalin", "Cold War"]
    assert body(f"# T\n\n{opening}{keywords}\n\n{ARTICLE_BODY}") == ["The body begins here and says something."]
    assert doc.diagnostics == []


def test_a_sentence_starting_with_keywords_is_prose() -> None:
    doc = ingest_snippet("# T\n\nKeywords such as revisionism were weapons.\n")
    assert doc.metadata.keywords == []
    assert body("# T\n\nKeywords such as revisionism were weapons.\n") == ["Keywords such as revisionism were weapons."]


@pytest.mark.parametrize(
    ("heading", "numbers"),
    [
        pytest.param("## NOTES", ["1.", "2."], id="heading-full-stop"),
        pytest.param("## Notes", ["1", "2"], id="heading-bare-number"),
        pytest.param("NOTES", ["<sup>1</sup>", "<sup>2</sup>"], id="bare-line-sup"),
        pytest.param("Endnotes", ["[1]", "[2]"], id="bare-line-brackets"),
    ],
)
def test_endnotes_in_every_numbering(heading: str, numbers: list[str]) -> None:
    source = (
        "# T\n\nText one.<sup>1</sup> Text two.<sup>2</sup>\n\n"
        f"{heading}\n\n{numbers[0]} First note, which runs across a\n\npage.\n{numbers[1]} Second note.\n"
    )
    doc = ingest_snippet(source)
    assert doc.diagnostics == []
    assert {k: n.text for k, n in doc.notes.items()} == {
        "1": "First note, which runs across a page.",
        "2": "Second note.",
    }


def test_a_bare_number_opening_a_line_in_a_note_is_not_a_new_note() -> None:
    doc = ingest_snippet("# T\n\nText.<sup>1</sup>\n\n## Notes\n\n1 The talks of\n1969 were long.\n")
    assert {k: n.text for k, n in doc.notes.items()} == {"1": "The talks of 1969 were long."}


@pytest.mark.parametrize(
    "marked",
    [
        pytest.param("Text.<sup>1</sup> More.<sup>2</sup>", id="sup"),
        pytest.param("Text.¹ More.²", id="unicode"),
        pytest.param("Text.[1] More.[2]", id="brackets"),
    ],
)
def test_note_markers_in_every_form(marked: str) -> None:
    doc = ingest_snippet(f"# T\n\n{marked}\n\n## Notes\n\n1. One.\n2. Two.\n")
    assert doc.diagnostics == []
    assert body(f"# T\n\n{marked}\n\n## Notes\n\n1. One.\n2. Two.\n") == ["Text.[^1] More.[^2]"]


def test_superscripts_and_brackets_without_notes_are_text() -> None:
    doc = ingest_snippet("# T\n\nAn area of 5 km² and a quotation [3] stay as printed.\n")
    assert doc.diagnostics == []
    assert body("# T\n\nAn area of 5 km² and a quotation [3] stay as printed.\n") == [
        "An area of 5 km² and a quotation [3] stay as printed."
    ]


def test_notes_numbered_again_in_each_chapter_are_each_on_their_marker() -> None:
    source = (
        "# T\n\n## One\n\nA.<sup>1</sup>\n\n<sup>1</sup> First of one.\n\n"
        "## Two\n\nB.<sup>1</sup> C.<sup>2</sup>\n\n<sup>1</sup> First of two.\n\n<sup>2</sup> Second of two.\n"
    )
    doc = ingest_snippet(source)
    assert doc.diagnostics == []
    assert {k: n.text for k, n in doc.notes.items()} == {
        "1": "First of one.",
        "2.1": "First of two.",
        "2.2": "Second of two.",
    }
    assert body(source) == ["A.[^1]", "B.[^2.1] C.[^2.2]"]


@pytest.mark.parametrize(
    "footer",
    [
        pytest.param("© The Author(s) 2020", id="copyright"),
        pytest.param("https://doi.org/10.1007/978-981-13-8641-1_7", id="doi"),
        pytest.param(
            "© Social Sciences Academic Press 2020  \nZ. Shen (ed.), *A Short History*, https://doi.org/10.1007/978-981-13-8641-1_7",
            id="copyright-and-citation",
        ),
    ],
)
def test_a_first_page_footer_inside_a_paragraph_is_lifted_out(footer: str) -> None:
    source = f"# T\n\nMei Lin\n\nThe paragraph runs to the foot of the\n\n{footer}\n\nnext page and ends there.\n"
    doc = ingest_snippet(source)
    assert body(source) == ["The paragraph runs to the foot of the next page and ends there."]
    meta = doc.metadata
    assert {*(c.value for c in meta.copyright), meta.doi, *(f.value for f in meta.footer)} - {""}


@pytest.mark.parametrize(
    ("above", "label"),
    [("CHAPTER 7", "CHAPTER 7"), ("Chapter 21", "Chapter 21"), ("Part II", "Part II"), ("Document 3", "Document 3")],
)
def test_a_label_above_the_title(above: str, label: str) -> None:
    doc = ingest_snippet(f"{above}\n\n# The Title\n\nMei Lin\n\nThe body, at once.\n")
    assert (doc.metadata.label, doc.metadata.title) == (label, "The Title")
    assert [p.name for p in doc.metadata.people] == ["Mei Lin"]
    assert body(f"{above}\n\n# The Title\n\nMei Lin\n\nThe body, at once.\n") == ["The body, at once."]


def test_a_text_with_no_heading_at_all_is_all_body() -> None:
    source = "The first paragraph of a text that prints no title.\n\nThe second one.\n"
    doc = ingest_snippet(source)
    assert doc.diagnostics == [] and doc.front == [] and doc.metadata.title == ""
    assert body(source) == ["The first paragraph of a text that prints no title.", "The second one."]


def test_a_reviewer_named_at_the_top() -> None:
    source = (
        "Anna Example, *A Book*. Nowhere: Press, 2020. 300 pp. ISBN 978-0-00-000000-0.\n\n"
        "Reviewed by Mei Lin  \nTest University\n\nThe review itself.\n"
    )
    doc = ingest_snippet(source)
    assert [(p.name, p.role, p.affiliation) for p in doc.metadata.people] == [
        ("Mei Lin", "Reviewer", ["Test University"])
    ]
    assert len(doc.metadata.reviewed) == 1
    assert body(source) == ["The review itself."]


def test_a_bibliography_of_one_entry_per_paragraph() -> None:
    doc = ingest_snippet(
        "# T\n\nText.\n\n## Works Cited\n\nChen Jian. 2001. *A Book*.\n\nShen Zhihua. 2015. *Another*.\n"
    )
    references = [b.text for s in doc.sections for b in s.blocks if isinstance(b, Reference)]
    assert references == ["Chen Jian. 2001. *A Book*.", "Shen Zhihua. 2015. *Another*."]
    assert doc.diagnostics == []


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("**2 The Alliance**", "2", "The Alliance"),
        ("**The Alliance Years**", "", "The Alliance Years"),
        ("Introduction", "", "Introduction"),
        ("CONCLUSION", "", "CONCLUSION"),
    ],
)
def test_headings_printed_as_bold_or_bare_lines(line: str, number: str, title: str) -> None:
    doc = ingest_snippet(f"# T\n\nMei Lin\n\n{line}\n\nThe section's text.\n")
    assert [(s.number, s.title) for s in doc.sections] == [(number, title)]
    assert doc.front == []


def test_a_reviewer_named_under_the_reviewed_book() -> None:
    source = "Anna Example, *A Book*. Nowhere: Press, 2020. 300 pp. ISBN 978-0-00-000000-0.\n\nMei Lin\n\nThe review.\n"
    doc = ingest_snippet(source)
    assert [p.name for p in doc.metadata.people] == ["Mei Lin"]
    assert body(source) == ["The review."]


def test_keywords_under_a_line_of_their_own() -> None:
    doc = ingest_snippet(
        f"# T\n\nAbstract\n\nA short abstract.\n\nKeywords\n\nMao · Stalin · Cold War\n\n{ARTICLE_BODY}"
    )
    assert doc.metadata.keywords == ["Mao", "Stalin", "Cold War"]
    assert [p.text for p in doc.metadata.abstract] == ["A short abstract."]


def test_reviewed_by_with_the_reviewers_institution_on_one_line() -> None:
    source = "A. Example, *A Book*. Nowhere, 2020. 300 pp. ISBN 978-0-00-000000-0.\n\nReviewed by Mei Lin, Test University\n\nThe review.\n"
    assert [(p.name, p.affiliation) for p in ingest_snippet(source).metadata.people] == [
        ("Mei Lin", ["Test University"])
    ]


def test_a_word_hyphenated_at_a_line_end_inside_a_block() -> None:
    assert join_lines(["the propa-", "ganda war and the well-", "informed Sino-", "Soviet talks"]) == (
        "the propaganda war and the well-informed Sino-Soviet talks"
    )
