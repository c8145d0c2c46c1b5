"""The citation finder: every form it must read, and what it must leave alone."""

from __future__ import annotations

import pytest

from marginalia.bibliography.citations import find_citations


def spans(text: str) -> list[tuple[str, str, str, str, str]]:
    return [(text[c.start : c.end], c.authors, c.year, c.locator, c.form) for c in find_citations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("make of them (Wendt 1992).", [("Wendt 1992", "Wendt", "1992", "", "parenthetical")], id="simple"),
        pytest.param(
            "to 1950 (Radchenko 2014, 160).",
            [("Radchenko 2014, 160", "Radchenko", "2014", "160", "parenthetical")],
            id="locator",
        ),
        pytest.param(
            "(Mao 1998, 322–333)", [("Mao 1998, 322–333", "Mao", "1998", "322–333", "parenthetical")], id="range"
        ),
        pytest.param(
            "(Radchenko 2014: 160n3; Chen 2010, ch. 2; Wu 1999, vol. 2, 45)",
            [
                ("Radchenko 2014: 160n3", "Radchenko", "2014", "160n3", "parenthetical"),
                ("Chen 2010, ch. 2", "Chen", "2010", "ch. 2", "parenthetical"),
                ("Wu 1999, vol. 2, 45", "Wu", "1999", "vol. 2, 45", "parenthetical"),
            ],
            id="colon_note_chapter_volume",
        ),
        pytest.param(
            "(Central Committee of the CPSU n.d., 3)",
            [("Central Committee of the CPSU n.d., 3", "Central Committee of the CPSU", "n.d.", "3", "parenthetical")],
            id="body_undated",
        ),
        pytest.param(
            "(see, e.g., Hajimu 2015; Chen 2010)",
            [
                ("Hajimu 2015", "Hajimu", "2015", "", "parenthetical"),
                ("Chen 2010", "Chen", "2010", "", "parenthetical"),
            ],
            id="prefix_and_two_works",
        ),
        pytest.param(
            "(Wu 1999; Lüthi 2008)",
            [("Wu 1999", "Wu", "1999", "", "parenthetical"), ("Lüthi 2008", "Lüthi", "2008", "", "parenthetical")],
            id="diacritics",
        ),
        pytest.param(
            "(Hershberg and Chen 2006, 193)",
            [("Hershberg and Chen 2006, 193", "Hershberg and Chen", "2006", "193", "parenthetical")],
            id="two_authors",
        ),
        pytest.param(
            "(CPC Literature Research Centre 1989, 6)",
            [
                (
                    "CPC Literature Research Centre 1989, 6",
                    "CPC Literature Research Centre",
                    "1989",
                    "6",
                    "parenthetical",
                )
            ],
            id="corporate_author",
        ),
        pytest.param(
            "(Doe et al. 2001a, pp. 3–4)",
            [("Doe et al. 2001a, pp. 3–4", "Doe et al.", "2001a", "pp. 3–4", "parenthetical")],
            id="et_al_suffix_pp",
        ),
        pytest.param(
            "see Shen and Xia (2015).",
            [("Shen and Xia (2015)", "Shen and Xia", "2015", "", "narrative")],
            id="narrative",
        ),
        pytest.param(
            "Reprinted in Ledovskii et al. (2005), pp. 33–37.",
            [("Ledovskii et al. (2005), pp. 33–37", "Ledovskii et al.", "2005", "pp. 33–37", "narrative")],
            id="narrative_et_al_pages",
        ),
        pytest.param(
            "In Selva et al. (2008), pp. 534–538.",
            [("Selva et al. (2008), pp. 534–538", "Selva et al.", "2008", "pp. 534–538", "narrative")],
            id="narrative_after_capitalised_word",
        ),
        pytest.param(
            "1. Lorenz Lüthi, *The Split* (Princeton, NJ: Princeton University Press, 2008); and Jeremy Friedman,"
            " *Shadow Cold War* (Chapel Hill: UNC Press, 2015).",
            [
                (
                    "Lorenz Lüthi, *The Split* (Princeton, NJ: Princeton University Press, 2008)",
                    "Lorenz Lüthi",
                    "2008",
                    "",
                    "note",
                ),
                (
                    "Jeremy Friedman, *Shadow Cold War* (Chapel Hill: UNC Press, 2015)",
                    "Jeremy Friedman",
                    "2015",
                    "",
                    "note",
                ),
            ],
            id="chicago_note",
        ),
        pytest.param(
            "in Zhihua Shen and Yafeng Xia, *Mao* (Lanham, MD: Lexington Books, 2015)",
            [
                (
                    "Zhihua Shen and Yafeng Xia, *Mao* (Lanham, MD: Lexington Books, 2015)",
                    "Zhihua Shen and Yafeng Xia",
                    "2015",
                    "",
                    "note",
                )
            ],
            id="chicago_note_two_authors",
        ),
        pytest.param(
            "the patriarch (as Stalin put it (Mao 1998, 12)) remained",
            [("Mao 1998, 12", "Mao", "1998", "12", "parenthetical")],
            id="nested_parentheses",
        ),
    ],
)
def test_citations_found(text: str, expected: list[tuple[str, str, str, str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("superpower (the Leap failed miserably).", id="prose_in_parentheses"),
        pytest.param("Part I covers 32 years (1917–1948), whereas", id="years_only"),
        pytest.param("in 1958 Mao launched the great leap forward", id="year_in_prose"),
        pytest.param("naval base in Port Arthur (Lüshun), something", id="name_without_year"),
        pytest.param("the last Soviet troops left (February 1989).", id="month_and_year"),
        pytest.param("rules (in 1948, Yugoslavia was expelled)", id="lowercase_start"),
        pytest.param("a link [Wendt 1992](bibliography.md#wendt){: .citation } stays", id="already_linked"),
        pytest.param("<https://example.org/Wendt (1992)>", id="inside_url"),
        pytest.param("*Mao and the Split, 1959–1973: A New History* (2018) and", id="title_with_year"),
    ],
)
def test_not_citations(text: str) -> None:
    assert spans(text) == []
