"""Property test: the glossary matcher finds a name wherever it stands as a word, and nowhere else.

Hypothesis draws entry names of one to three words (diacritics, Cyrillic,
hyphens, apostrophes) and puts one in running text between any of the
characters that end or start a word (spaces, quotes, brackets, dashes,
punctuation, a possessive, an en dash to another name), where it must be
found exactly there; and glued to letters, digits or a hyphen, where it must not be.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from marginalia.glossary.entries import load_glossary
from marginalia.glossary.matcher import Matcher

CAPITALS = "ABDEGKLMNPRSTVZÁÉŁŠŽБГДКЛМНПРСТ"
SMALL = "abdeghiklmnoprstuvyzáéíóöüłšžабвгдеклмнорстуя"
word = st.builds(lambda first, rest: first + rest, st.sampled_from(CAPITALS), st.text(SMALL, min_size=2, max_size=7))
name = st.lists(word, min_size=1, max_size=3).map(" ".join)
BEFORE = [" ", "(", "“", '"', "‘", "[", "—", "–", ", ", "; ", ": ", "\n", "Khrushchev–"]
AFTER = [" ", ")", "”", '"', "’", "]", "—", "–", ".", ",", ";", ":", "?", "!", "’s", "'s", "\n", "–Mao talks", "- and"]
GLUED = ["x", "ä", "7", "-", "_"]
filler = st.lists(st.sampled_from("the talks went on and the delegation left early".split()), max_size=5).map(" ".join)


def matcher_for(entries: list[str], folder: Path) -> Matcher:
    records = [
        {"id": f"entry-{number}", "kind": "person", "name": entry, "description": "Someone."}
        for number, entry in enumerate(entries)
    ]
    (folder / "people.yml").write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    glossary = load_glossary(folder, [])
    assert glossary.diagnostics == []
    return Matcher(glossary)


@settings(max_examples=300, deadline=None)
@given(
    names=st.lists(name, min_size=1, max_size=4, unique=True),
    before=st.sampled_from(BEFORE),
    after=st.sampled_from(AFTER),
    head=filler,
    tail=filler,
    glue=st.sampled_from(GLUED),
    glued_side=st.sampled_from(["before", "after"]),
)
def test_a_name_is_found_as_a_word_and_only_there(
    names: list[str], before: str, after: str, head: str, tail: str, glue: str, glued_side: str
) -> None:
    target = names[0]
    if any(target != other and target in other for other in names):
        names = [target]  # a longer name holding this one would rightly be found instead
    with tempfile.TemporaryDirectory() as folder:
        matcher = matcher_for(names, Path(folder))
    text = f"{head}{before}{target}{after}{tail}"
    start = len(head) + len(before)
    found = [(m.start, m.end, m.entry) for m in matcher.find(text) if not m.nested]
    assert (start, start + len(target), "entry-0") in found, (text, found)
    glued = f"{head} {glue}{target} {tail}" if glued_side == "before" else f"{head} {target}{glue}x {tail}"
    assert all(m.entry != "entry-0" for m in matcher.find(glued) if not m.nested), glued
