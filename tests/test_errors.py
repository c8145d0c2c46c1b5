"""Bad input gives one clear message naming the file, the line and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ingest_snippet
from marginalia.corpus import load_text
from marginalia.ingest import decode_source

P = "texts/snippet/source.md"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "# T\n\n## 1 A\n\nText with a marker.<sup>3</sup>\n",
            [f"{P}:5: marker <sup>3</sup> has no note text: add a line '<sup>3</sup> text' or remove the marker"],
            id="marker_without_note",
        ),
        pytest.param(
            "# T\n\n## 1 A\n\nText.\n\n<sup>2</sup> A lonely note.\n",
            [f"{P}:7: note 2 has no marker <sup>2</sup> in the text: add the marker or remove the note"],
            id="note_without_marker",
        ),
        pytest.param(
            "# T\n\n## 1 A\n\nText.<sup>1</sup>\n\n<sup>1</sup> First.\n\n<sup>1</sup> Second.\n",
            [f"{P}:9: note 1 is numbered twice (first at line 7): renumber one of them"],
            id="duplicate_note_number",
        ),
        pytest.param(
            "# T\n\n## 1 A\n\nText <b>bold without end.\n",
            [f"{P}:5: tag <b> is not closed on this line: add </b> where it ends"],
            id="unclosed_tag",
        ),
        pytest.param(
            "# T\n\n## 1 A\n\nText </i> closing nothing.\n",
            [f"{P}:5: closing tag </i> has no opening tag: remove it or add <i>"],
            id="unopened_tag",
        ),
        pytest.param(
            "# T\n\nA.<sup>1</sup> B.<sup>2</sup> C.<sup>4</sup>\n\n<sup>1</sup> One.\n\n<sup>2</sup> Two.\n\n<sup>4</sup> Four.\n",
            [f"{P}:9: note 4 follows note 2 (line 7): a note is missing or misnumbered; check the extraction"],
            id="note_number_gap",
        ),
    ],
)
def test_source_problems(source: str, expected: list[str]) -> None:
    assert [str(d) for d in ingest_snippet(source).diagnostics] == expected


def test_marker_without_note_stays_visible() -> None:
    doc = ingest_snippet("# T\n\n## 1 A\n\nText.<sup>3</sup>\n")
    assert doc.sections[0].blocks[0].text == "Text.<sup>3</sup>"  # type: ignore[union-attr]


def test_note_without_marker_is_kept_as_unattached() -> None:
    doc = ingest_snippet("# T\n\n## 1 A\n\nText.\n\n<sup>2</sup> A lonely note.\n")
    assert [n.text for n in doc.unattached_notes] == ["A lonely note."]


def test_undecodable_bytes_name_the_line() -> None:
    text, problems = decode_source(b"# T\n\nfine\nbad \xff byte\n", Path("x/source.md"))
    assert [str(p) for p in problems] == [
        "x/source.md:4: bytes that are not UTF-8 at column 5 (b'\\xff'): save the file as UTF-8"
    ]
    assert "bad \ufffd byte" in text


def _folder(tmp_path: Path, meta: str | None, source: str = "# T\n\n## 1 A\n\nText.\n") -> Path:
    folder = tmp_path / "texts" / "x-2020"
    folder.mkdir(parents=True)
    (folder / "source.md").write_text(source, encoding="utf-8")
    if meta is not None:
        (folder / "text.yml").write_text(meta, encoding="utf-8")
    return folder


GOOD_META = "title: T\nauthors:\n  - Doe, Jane\nyear: 2020\ntype: article\nlicense: CC BY 4.0\n"


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        pytest.param(None, ["text.yml: file is missing: create it (see the editors' guide)"], id="missing"),
        pytest.param(
            "title: [unclosed\n",
            [
                "text.yml:2: invalid YAML: expected ',' or ']', but got '<stream end>': correct it (see the editors' guide)"
            ],
            id="syntax",
        ),
        pytest.param(
            "title: T\nyear: 2020\n",
            ["text.yml:1: missing required field(s): authors, type, license"],
            id="missing_fields",
        ),
        pytest.param(
            GOOD_META.replace("year: 2020", "year: twenty"),
            ["text.yml:4: year must be a four-digit year, not 'twenty'"],
            id="bad_year",
        ),
        pytest.param(
            GOOD_META.replace("type: article", "type: poem"),
            [
                "text.yml:5: unknown type 'poem': use one of article, book, book-front-matter, chapter, document, edited-book, report, review, thesis"
            ],
            id="bad_type",
        ),
    ],
)
def test_invalid_text_yml_skips_the_text(tmp_path: Path, meta: str | None, expected: list[str]) -> None:
    folder = _folder(tmp_path, meta)
    text, problems = load_text(folder)
    assert text is None
    prefix = str(folder) + "/"
    left_out = "; the text is left out until this is fixed"
    assert [str(p).removeprefix(prefix) for p in problems] == [expected[0] + left_out, *expected[1:]]


def test_unknown_field_and_name_form_warn_but_build(tmp_path: Path) -> None:
    folder = _folder(tmp_path, GOOD_META.replace("Doe, Jane", "Jane Doe") + "journal: X\n")
    text, problems = load_text(folder)
    assert text is not None
    prefix = str(folder) + "/"
    assert [str(p).removeprefix(prefix) for p in problems] == [
        "text.yml:7: unknown field 'journal': allowed fields are title, authors, year, type, license, editors,"
        " container, volume, issue, pages, publisher, place, doi, isbn, url, language, short_title, bibkey, archive, date,"
        " translator, reviewed, furniture",
        "text.yml:3: write author 'Jane Doe' as 'Family, Given'",
    ]


def test_a_wrong_optional_field_is_reported_and_the_text_read_without_it(tmp_path: Path) -> None:
    folder = _folder(tmp_path, GOOD_META + "date: soon\nvolume: 12\nisbn: 978-0-00-000000-0\n")
    text, problems = load_text(folder)
    assert text is not None
    assert (text.meta.date, text.meta.volume, text.meta.isbn) == ("", "12", ("978-0-00-000000-0",))
    assert [str(p).removeprefix(str(folder) + "/") for p in problems] == [
        "text.yml:7: date must be YYYY, YYYY-MM or YYYY-MM-DD, not 'soon'"
    ]


def test_a_chapter_names_its_book(tmp_path: Path) -> None:
    folder = _folder(tmp_path, GOOD_META.replace("type: article", "type: chapter") + "editors:\n  - Roe, Richard\n")
    text, problems = load_text(folder)
    assert text is None
    assert [str(p).removeprefix(str(folder) + "/") for p in problems] == [
        "text.yml:1: a text of type 'chapter' needs field(s): container, pages;"
        " the text is left out until this is fixed"
    ]


@pytest.mark.parametrize(
    ("editorial", "expected"),
    [
        pytest.param(
            "- quote: absent words\n  note: N.\n",
            "editorial.yml:1: editorial note quotes 'absent words', which is not in the text: copy the passage exactly",
            id="not_found",
        ),
        pytest.param(
            "- quote: a < b {x}\n  note: N.\n",
            "editorial.yml:1: editorial note quotes 'a < b {x}', which is not in the text: copy the passage exactly",
            id="not_found_shown_as_written",
        ),
        pytest.param(
            "- quote: Text\n  note: N.\n",
            "editorial.yml:1: editorial note quotes 'Text', which occurs 2 times: add a prefix or suffix to single one out",
            id="ambiguous",
        ),
        pytest.param(
            "- quote: Text\n",
            "editorial.yml:1: an editorial note needs 'quote' and 'note' (and may have 'prefix', 'suffix'); found ['quote']",
            id="no_note",
        ),
    ],
)
def test_editorial_problems(tmp_path: Path, editorial: str, expected: str) -> None:
    folder = _folder(tmp_path, GOOD_META, "# T\n\n## 1 A\n\nText one.\n\nText two.\n")
    (folder / "editorial.yml").write_text(editorial, encoding="utf-8")
    _, problems = load_text(folder)
    assert [str(p).removeprefix(str(folder) + "/") for p in problems] == [expected]
