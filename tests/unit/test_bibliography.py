"""Bibliography: loading `.bib` files, the alias table, matching citations, Chicago formatting."""

from __future__ import annotations

from pathlib import Path

import pytest
from citeproc.model import CitationStylesElement

from helpers import ingest_snippet
from marginalia import parallel
from marginalia.annotate.linking import link_citations
from marginalia.bibliography import chicago
from marginalia.bibliography.aliases import load_aliases
from marginalia.bibliography.chicago import FORMATTED, format_entries, format_items
from marginalia.bibliography.citations import find_citations
from marginalia.bibliography.csl import to_csl
from marginalia.bibliography.entries import load_bibliography
from marginalia.bibliography.resolve import CitationResolver
from marginalia.cache import TextCache
from marginalia.urls import file_url, page_url

ROOT = Path(__file__).resolve().parents[2]


def _bib(tmp_path: Path, **files: str) -> Path:
    for name, text in files.items():
        (tmp_path / f"{name}.bib").write_text(text, encoding="utf-8")
    return tmp_path


def test_syntax_error_and_duplicate_keys_name_file_and_line(tmp_path: Path) -> None:
    folder = _bib(
        tmp_path,
        a="@book{one, author={A, B}, title={One}, year={2000}}\n\n@book{one, author={A, B}, title={Again}, year={2001}}\n\n@book{broken, title={x}\n",
        b="@book{one, author={A, B}, title={Elsewhere}, year={2002}}\n",
    )
    bibliography = load_bibliography(folder)
    messages = [str(d).removeprefix(str(tmp_path) + "/") for d in bibliography.diagnostics]
    assert messages == [
        "a.bib:3: duplicate key 'one': rename one of the entries",
        "a.bib:5: BibTeX syntax error in the entry starting here: check its braces, quotes and commas; the entry is left out",
        "b.bib:1: duplicate key 'one' (first in a.bib:1): rename one of them",
    ]
    assert list(bibliography.entries) == ["one"]
    assert bibliography.entries["one"].fields["title"] == "One"


def _resolve(tmp_path: Path, bib: str, text: str, aliases: str = "") -> list[str | None]:
    folder = _bib(tmp_path, refs=bib)
    if aliases:
        (folder / "aliases.yml").write_text(aliases, encoding="utf-8")
    bibliography = load_bibliography(folder)
    table, problems = load_aliases(folder / "aliases.yml", set(bibliography.entries))
    assert problems == []
    resolver = CitationResolver(bibliography, table)
    return [resolver.resolve(c).key for c in find_citations(text)]


TWO_CHENS = """
@book{chen2010a, author={Chen, Jian}, title={A}, year={2010}}
@book{chen2010b, author={Chen, Jian and Xia, Yafeng}, title={B}, year={2010}}
@book{luthi2008, author={L{\\"u}thi, Lorenz M.}, title={C}, year={2008}}
"""


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        pytest.param("(Chen 2010)", [None], id="ambiguous"),
        pytest.param("(Chen and Xia 2010)", ["chen2010b"], id="coauthor_decides"),
        pytest.param("(Luthi 2008; Lüthi 2008)", ["luthi2008", "luthi2008"], id="diacritics_folded"),
        pytest.param("(Lüthy 2008)", [None], id="no_fuzzy_matching"),
        pytest.param("(Chen 2011)", [None], id="wrong_year"),
    ],
)
def test_resolution(tmp_path: Path, text: str, keys: list[str | None]) -> None:
    assert _resolve(tmp_path, TWO_CHENS, text) == keys


def test_alias_resolves_a_misprinted_name(tmp_path: Path) -> None:
    aliases = "- cited: Lüthy 2008\n  key: luthi2008\n  sic: true\n  note: Misprint.\n"
    assert _resolve(tmp_path, TWO_CHENS, "(Lüthy 2008, 5)", aliases) == ["luthi2008"]


def test_alias_to_unknown_key_is_reported(tmp_path: Path) -> None:
    folder = _bib(tmp_path, refs=TWO_CHENS)
    (folder / "aliases.yml").write_text("- cited: X 2000\n  key: nowhere\n", encoding="utf-8")
    _, problems = load_aliases(folder / "aliases.yml", {"chen2010a"})
    assert [str(p).removeprefix(str(folder) + "/") for p in problems] == [
        "aliases.yml:1: alias for 'X 2000' names unknown key 'nowhere': correct the key or add the entry to bib/"
    ]


def test_real_bibliography_loads_cleanly() -> None:
    assert load_bibliography(ROOT / "bib").diagnostics == []


def test_the_bibliography_formats_in_chicago_author_date() -> None:
    # Chicago 18th edition (CMOS 18): no place of publication, no page range for a chapter; a period and a space
    # after each initial (10.13); prepositions in lower case in a title (8.159).
    bibliography = load_bibliography(ROOT / "tests" / "roots" / "reader" / "bib")  # frozen for the tests
    assert bibliography.diagnostics == []
    formatted = format_entries(list(bibliography.entries.values()))
    assert formatted["chen2010maos"] == (
        "Chen, Jian. 2010. <i>Mao’s China and the Cold War</i>. University of North Carolina Press."
    )
    assert formatted["wendt1992anarchy"] == (
        "Wendt, Alexander. 1992. “Anarchy Is What States Make of It: The Social Construction of Power Politics.”"
        " <i>International Organization</i> 46 (2): 391–425."
    )
    assert formatted["hershberg2006informing"] == (
        "Hershberg, J., and Jian Chen. 2006. “Informing the Enemy: Sino-American ‘Signalling’ and the Vietnam War, 1965.”"
        " In <i>Behind the Bamboo Curtain: China, Vietnam, and the World beyond Asia</i>, edited by Priscilla Roberts."
        " Woodrow Wilson Center Press and Stanford University Press."
    )
    assert formatted["selvage2008foreign"] == (
        "Selvage, D. E., et al., eds. 2008. <i>Foreign Relations of the United States, 1969–1976, Volume XV, Soviet Union,"
        " June 1972–August 1974</i>. Bureau of Public Affairs, Office of the Historian."
    )
    assert formatted["wu1999shi"] == (
        "Wu, Lengxi [吴冷西]. 1999. <i>Shi Nian Lun Zhan: 1956-1966 Zhong Su Guanxi Huiyilu (十年论战: 1956-1966 中苏关系回忆录)</i>."
        " Central Party Literature Press."
    )
    assert formatted["ledovskii2005sovetsko"].startswith("Ledovskii, A., et al. 2005.")


def test_each_distinct_item_is_formatted_once_and_kept_for_the_next_build() -> None:
    entries = list(load_bibliography(ROOT / "bib").entries.values())
    items = [to_csl(entry) for entry in entries]
    alike = [{**item, "id": f"{item['id']}-again"} for item in items]
    lookup = CitationStylesElement.get_macro
    cache = TextCache()
    first = format_items(items + alike, cache)
    assert CitationStylesElement.get_macro is lookup  # citeproc-py's own macro lookup is back
    assert (cache.hits, cache.misses, len(cache.stores[FORMATTED])) == (0, len(items), len(items))
    assert first == {**format_entries(entries), **{f"{e.key}-again": first[e.key] for e in entries}}
    assert format_items(items, cache) == format_entries(entries)
    assert cache.hits == len(items)


def test_formatting_shared_among_processes_gives_the_same_references(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = list(load_bibliography(ROOT / "bib").entries.values())
    alone = format_entries(entries)
    monkeypatch.setattr(chicago, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _: {0, 1, 2})
    shared = format_entries(entries)
    assert list(shared.items()) == list(alone.items())


def test_formatting_in_the_background_gives_the_same_references(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = list(load_bibliography(ROOT / "bib").entries.values())
    monkeypatch.setattr(chicago, "BACKGROUND_FROM", 2)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _: {0, 1})
    cache = TextCache()
    formatting = chicago.start_formatting([to_csl(entry) for entry in entries], cache, background=True)
    assert formatting.pending is not None  # a worker formats them while this process goes on
    assert formatting.result() == format_entries(entries)
    assert formatting.pool is None and len(cache.stores[FORMATTED]) == len(entries)


def test_year_suffixes_tell_entries_apart(tmp_path: Path) -> None:
    bib = (
        "@book{a, author={Twin, Ann}, title={A}, year={2001a}}\n@book{b, author={Twin, Ann}, title={B}, year={2001b}}\n"
    )
    assert _resolve(tmp_path, bib, "(Twin 2001b; Twin 2001a; Twin 2001)") == ["b", "a", None]


def test_keys_that_cannot_be_urls_or_file_names_are_refused(tmp_path: Path) -> None:
    entries = "".join(
        f"@book{{{key}, author={{A, B}}, title={{T}}, year={{2000}}}}\n\n"
        for key in ["../../evil", "a b", "", "Chen:2010", "lüthi2008", "doe-2001.a+b"]
    )
    bibliography = load_bibliography(_bib(tmp_path, refs=entries))
    assert list(bibliography.entries) == ["Chen:2010", "lüthi2008", "doe-2001.a+b"]
    messages = [str(d).removeprefix(str(tmp_path) + "/") for d in bibliography.diagnostics]
    assert [m.split(":")[:2] for m in messages] == [["refs.bib", "1"], ["refs.bib", "3"], ["refs.bib", "5"]]
    assert all("cannot be part of a URL or a file name" in m and "left out" in m for m in messages)


def test_a_key_with_a_colon_never_reads_as_a_url_scheme() -> None:
    assert file_url("bibliography/Chen:2010.bib", "bibliography/index.md") == "./Chen:2010.bib"
    assert file_url("bibliography/Chen:2010.bib", "texts/a/bibliography.md") == "../../../bibliography/Chen:2010.bib"
    assert page_url("bibliography/Chen:2010.md", "bibliography/index.md") == "./Chen:2010/"
    assert page_url("bibliography/chen2010.md", "bibliography/index.md") == "chen2010/"


def test_an_alias_can_say_a_form_is_no_citation(tmp_path: Path) -> None:
    aliases = "- cited: Moscow 1957\n  not_a_citation: true\n  note: A place and a year.\n"
    assert _resolve(tmp_path, TWO_CHENS, "(Moscow 1957) and (Luthi 2008)", aliases) == [None, "luthi2008"]
    doc = ingest_snippet("# T\n\nThe conference (Moscow 1957) met, as (Luthi 2008) shows.\n")
    folder = tmp_path
    table, problems = load_aliases(folder / "aliases.yml", set(load_bibliography(folder).entries))
    assert problems == []
    records = link_citations(doc, CitationResolver(load_bibliography(folder), table), {})
    assert [r.key for r in records] == ["luthi2008"]
    assert doc.diagnostics == []
    assert "(Moscow 1957)" in doc.paragraphs()[0].text


def test_undated_works_and_bodies_are_cited_and_a_document_title_is_not(tmp_path: Path) -> None:
    bib = (
        "@misc{cpsu, author={{Central Committee of the CPSU}}, title={Letter}, year={n.d.}}\n"
        "@misc{zhounote, author={Zhou, Enlai}, title={Note}}\n"
    )
    folder = _bib(tmp_path, refs=bib)
    bibliography = load_bibliography(folder)
    resolver = CitationResolver(bibliography, {})
    doc = ingest_snippet(
        "# T\n\nThe letter (Central Committee of the CPSU n.d., 3), his note (Zhou n. d.) and the memorandum"
        " (Memorandum of the Soviet Embassy 1957).\n"
    )
    records = link_citations(doc, resolver, {})
    assert [(r.key, r.prose) for r in records] == [("cpsu", False), ("zhounote", False), (None, True)]
    assert doc.diagnostics == []
    assert "(Memorandum of the Soviet Embassy 1957)" in doc.paragraphs()[0].text
    assert [str(d).split(": ", 1)[1] for d in bibliography.diagnostics] == [
        "entry 'zhounote' has no year: add year = {YYYY}, or {n.d.} for an undated work"
        " (citations find works by name and year)"
    ]


@pytest.mark.parametrize(
    ("aliases", "line", "message"),
    [
        ("cited: Chen 2010\nkey: chen2010a\n", 1, "aliases.yml must be a list of aliases (- cited: … key: …)"),
        (
            "- cited: Chen 2010\n  key: chen2010a\n- cited: Chen 2011\n  keys: chen2010a\n",
            3,
            "an alias needs 'cited' and 'key' (and may have 'sic', 'note'), or 'cited' and 'not_a_citation: true'",
        ),
        (
            "- cited: Chen 2010\n",
            1,
            "an alias needs 'cited' and 'key' (and may have 'sic', 'note'), or 'cited' and 'not_a_citation: true'",
        ),
    ],
    ids=["not-a-list", "misspelt-field", "no-key"],
)
def test_an_alias_table_of_the_wrong_shape_is_reported(tmp_path: Path, aliases: str, line: int, message: str) -> None:
    path = tmp_path / "aliases.yml"
    path.write_text(aliases, encoding="utf-8")
    table, problems = load_aliases(path, {"chen2010a"})
    assert [(p.line, p.message, p.code) for p in problems] == [(line, message, "alias-shape")]
    assert len(table) == (1 if line == 3 else 0)


def test_a_period_after_a_quoted_title_goes_inside_its_closing_mark_once() -> None:
    """The locale's punctuation-in-quote, as citeproc-js applies it: “Title.”, and no period after “Title?”."""
    author, issued = [{"family": "Doe", "given": "Jan"}], {"date-parts": [[1999]]}
    items = [
        {"id": "asks", "type": "article-journal", "title": "Who Lost China?", "container-title": "Cold War History"},
        {"id": "states", "type": "article-journal", "title": "The Split", "container-title": "Cold War History"},
        {"id": "part", "type": "chapter", "title": "The Split", "container-title": "A Book"},
    ]
    formatted = format_items([{**item, "author": author, "issued": issued} for item in items])
    assert formatted == {
        "asks": "Doe, Jan. 1999. “Who Lost China?” <i>Cold War History</i>.",
        "states": "Doe, Jan. 1999. “The Split.” <i>Cold War History</i>.",
        "part": "Doe, Jan. 1999. “The Split.” In <i>A Book</i>.",
    }
