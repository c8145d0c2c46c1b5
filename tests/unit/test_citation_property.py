"""Property test: a work in `bib/` is found from an author-date citation of it, whatever its authors' names look like.

Hypothesis draws surnames of many shapes (diacritics, hyphens, apostrophes,
Cyrillic, Greek, particles such as "van der"), one to three authors or a body,
a year with or without a letter or "n.d.", and the forms a text cites them in:
"(Name 2014)", "(Name 2014, 160)", "(see Name 2014, pp. 3–4)", "Name (2014)",
"(Name and Other 2014)", "(Name et al. 2014)", two works in one parenthesis.
Each citation must resolve to its entry, among decoy entries by other authors
and other years.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from marginalia.bibliography.aliases import load_aliases
from marginalia.bibliography.citations import find_citations
from marginalia.bibliography.entries import load_bibliography
from marginalia.bibliography.resolve import CitationResolver

CAPITALS = "ABCDEFGHIJKLMNOPRSTUVWZÁÉÖÜŁŠŽĆ" + "БВГДКЛМНПРСТ" + "ΑΒΓΔΚΛΜΝ"
SMALL = "abcdefghiklmnoprstuvyzáéíóöüłšžćñ" + "абвгдеклмнорстуя" + "αβγδεκλμνο"
syllable = st.text(SMALL, min_size=2, max_size=6)
word = st.builds(lambda first, rest: first + rest, st.sampled_from(CAPITALS), syllable)
surname = st.one_of(
    word,
    st.builds(lambda a, b: f"{a}-{b}", word, word),
    st.builds(lambda a, b: f"{a[0]}’{b}", word, word),
    st.builds(lambda a, b: f"{a}{b.lower()}", word, word),
    st.builds(
        lambda particle, name: f"{particle} {name}", st.sampled_from(["van", "van der", "de", "von", "al"]), word
    ),
)
year = st.one_of(
    st.builds(lambda y, s: f"{y}{s}", st.integers(1900, 2025), st.sampled_from(["", "a", "b"])), st.just("n.d.")
)


def entry(key: str, authors: list[str], year_text: str) -> str:
    names = " and ".join(f"{{{name}}}" if is_body(name) else f"{name}, Anna" for name in authors)
    return f"@book{{{key}, author={{{names}}}, title={{A Book}}, year={{{year_text}}}}}\n"


def is_body(name: str) -> bool:
    return name.endswith("Institute") or name.startswith("Central Committee")


def cited(authors: list[str]) -> str:
    if len(authors) == 1:
        return authors[0]
    if len(authors) == 2:
        return f"{authors[0]} and {authors[1]}"
    return f"{authors[0]} et al."


@settings(max_examples=300, deadline=None)
@given(
    authors=st.one_of(
        st.lists(surname, min_size=1, max_size=3, unique=True),
        st.builds(lambda a, b: [f"{a} {b} Institute"], word, word),
        st.builds(lambda a: [f"Central Committee of the {a}"], word),
    ),
    when=year,
    decoy=surname,
    form=st.sampled_from(
        [
            "({c} {y})",
            "({c} {y}, 160)",
            "(see {c} {y}, pp. 3–4)",
            "({c} {y}: 160n3)",
            "{c} ({y})",
            "({d} 1950; {c} {y})",
        ]
    ),
)
def test_an_author_date_citation_finds_its_work(authors: list[str], when: str, decoy: str, form: str) -> None:
    bib = entry("work", authors, when) + entry("other", [decoy], "1950")
    bib += entry("sameauthors", authors, "1899")  # the same authors, another year
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "refs.bib").write_text(bib, encoding="utf-8")
        bibliography = load_bibliography(Path(folder))
        assert bibliography.diagnostics == []
        resolver = CitationResolver(bibliography, load_aliases(Path(folder) / "aliases.yml", set())[0])
    if form == "{c} ({y})" and is_body(authors[0]):
        form = "({c} {y})"  # a body's name of several words is found in parentheses only: see the editors' guide
    text = "As shown " + form.format(c=cited(authors), y=when, d=decoy) + ", the talks went on."
    keys = [resolver.resolve(c).key for c in find_citations(text)]
    if form.startswith("({d}"):
        assert keys == ["other" if decoy not in authors else keys[0], "work"], (text, keys)
    else:
        assert keys == ["work"], (text, keys)
