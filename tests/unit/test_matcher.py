"""The glossary matcher: one pass, longest match, word boundaries, possessives, rules, protected spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from marginalia.glossary.entries import load_glossary
from marginalia.glossary.matcher import Matcher

ENTRIES = """
- {id: mao, kind: person, name: Mao Zedong, variants: [Mao], original: 毛泽东, description: D.}
- {id: khrushchev, kind: person, name: Nikita Khrushchev, variants: [Khrushchev], description: D.}
- {id: liu, kind: person, name: Liu Shaoqi, description: D.}
- {id: stalin, kind: person, name: Stalin, description: D.}
- {id: ceausescu, kind: person, name: Nicolae Ceaușescu, variants: [Ceausescu], description: D.}
- {id: split, kind: term, name: Sino-Soviet split, description: D.}
- {id: ouster, kind: event, name: Khrushchev's ouster, description: D.}
- {id: wu, kind: person, name: 吴冷西, description: D.}
"""
RULES = "phrases:\n  - {phrase: China's Khrushchev, entry: liu, why: W.}\n"


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    folder: Path = tmp_path_factory.mktemp("glossary")
    (folder / "entries.yml").write_text(ENTRIES, encoding="utf-8")
    (folder / "rules.yml").write_text(RULES, encoding="utf-8")
    glossary = load_glossary(folder, [])
    assert glossary.diagnostics == []
    return Matcher(glossary)


def found(matcher: Matcher, text: str) -> list[tuple[str, str, bool]]:
    return [(text[m.start : m.end], m.entry, m.nested) for m in matcher.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Mao's rival", [("Mao", "mao", False)], id="possessive_straight"),
        pytest.param(
            "the Khrushchev–Mao talks",
            [("Khrushchev", "khrushchev", False), ("Mao", "mao", False)],
            id="en_dash_between_names",
        ),
        pytest.param("Mao’s rival", [("Mao", "mao", False)], id="possessive_curly"),
        pytest.param("Chairman Mao Zedong came", [("Mao Zedong", "mao", False)], id="longest_match"),
        pytest.param(
            "Nikita Khrushchev and Khrushchev",
            [("Nikita Khrushchev", "khrushchev", False), ("Khrushchev", "khrushchev", False)],
            id="overlapping_variants",
        ),
        pytest.param(
            "“China’s Khrushchev” Liu Shaoqi",
            [("China’s Khrushchev", "liu", False), ("Liu Shaoqi", "liu", False)],
            id="phrase_rule_beats_name_inside",
        ),
        pytest.param(
            "Khrushchev’s ouster came",
            [("Khrushchev’s ouster", "ouster", False), ("Khrushchev", "khrushchev", True)],
            id="event_with_nested_person",
        ),
        pytest.param(
            "Stalin-like adoration and post-Stalin rule, de-Stalinization", [], id="hyphenated_words_are_not_names"
        ),
        pytest.param("Stalin—he was a symbol", [("Stalin", "stalin", False)], id="em_dash_is_a_boundary"),
        pytest.param(
            "the Sino–Soviet split and Sino-Soviet split",
            [("Sino–Soviet split", "split", False), ("Sino-Soviet split", "split", False)],
            id="both_dash_styles",
        ),
        pytest.param(
            "Nicolae Ceaușescu, Ceausescu",
            [("Nicolae Ceaușescu", "ceausescu", False), ("Ceausescu", "ceausescu", False)],
            id="diacritics",
        ),
        pytest.param("Wu, Lengxi [吴冷西] wrote", [("吴冷西", "wu", False)], id="cjk"),
        pytest.param(
            "as shown ([Mao 1998, 322](bibliography.md#mao1998){: .citation }) by Mao",
            [("Mao", "mao", False)],
            id="not_inside_citation",
        ),
        pytest.param(
            "see <https://example.org/Mao/Stalin> and Stalin", [("Stalin", "stalin", False)], id="not_inside_url"
        ),
        pytest.param("Maoist Stalinism", [], id="not_inside_words"),
    ],
)
def test_matches(matcher: Matcher, text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert found(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Chen, *Mao's China and the Cold War* (2001), 175.", [], id="name_inside_an_italic_title"),
        pytest.param("Chen, _Stalin and Mao_ (2001).", [], id="underscores"),
        pytest.param("In *Stalin*, Kotkin writes", [("Stalin", "stalin", False)], id="the_whole_title_is_a_name"),
        pytest.param(
            "**Mao Zedong:** we *shall* see, said Mao", [("Mao Zedong", "mao", False), ("Mao", "mao", False)], id="bold"
        ),
    ],
)
def test_a_title_in_italics_is_a_title(matcher: Matcher, text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert found(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Mao-Stalin relations", [("Mao", "mao", False), ("Stalin", "stalin", False)], id="two_forms"),
        pytest.param("post-Stalin and Stalin-like", [], id="a_form_and_a_word"),
        pytest.param("the Mao-Stalin-era", [], id="the_pair_inside_a_longer_word"),
    ],
)
def test_a_hyphen_between_two_forms_names_both(
    matcher: Matcher, text: str, expected: list[tuple[str, str, bool]]
) -> None:
    assert found(matcher, text) == expected


def test_a_chinese_name_in_chinese_text(matcher: Matcher) -> None:
    assert found(matcher, "毛泽东指出，吴冷西说。") == [("毛泽东", "mao", False), ("吴冷西", "wu", False)]
