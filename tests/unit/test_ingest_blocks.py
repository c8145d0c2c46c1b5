"""Block forms and note shapes that PDF extractors write: quotations, epigraphs, tables, labels, glued markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ingest_snippet
from marginalia.ingest import decode_source
from marginalia.ingest.patterns import hard_lines
from marginalia.model import LineGroup, Paragraph, Quotation, Reference, Signature, Table, without_page_marks

OPENING = "# A Title\n\nAnna Example\n\n"
FILLER = "The delegations met again in the spring and spoke of trade, of borders and of the past. " * 8
"""About a page's worth of running text, so that page furniture has pages to stand between."""


def blocks(source: str) -> list[object]:
    return [b for s in ingest_snippet(OPENING + source).sections for b in s.blocks]


def test_a_quotation_cut_by_a_page_break_and_a_running_head_is_one_quotation() -> None:
    source = (
        f"{FILLER}\n\nMao wrote to Stalin in a letter of 1950:\n\n"
        "> The Chinese people and the Soviet people stand together in the struggle against\n\n"
        "FRATERNAL RIVALS\n\n"
        "118\n\n"
        "> imperialism, and nothing will divide them.\n>\n> A second paragraph.\n\n"
        f"The letter was never sent. {FILLER}As all of the\n\n"
        "FRATERNAL RIVALS\n\n"
        "120\n\n"
        "documents show beyond doubt.\n"
    )
    found = blocks(source)
    assert [type(b).__name__ for b in found] == ["Paragraph", "Paragraph", "Quotation", "Paragraph"]
    quotation = found[2]
    assert isinstance(quotation, Quotation)
    assert [p.text for p in quotation.paragraphs] == [
        "The Chinese people and the Soviet people stand together in the struggle against {pb:118}imperialism, and"
        " nothing will divide them.",
        "A second paragraph.",
    ]
    assert [p.number for p in quotation.paragraphs] == [3, 4]
    assert found[3].text.endswith("As all of the {pb:120}documents show beyond doubt.")  # type: ignore[attr-defined]


def test_an_attributed_quotation_under_the_title_is_an_epigraph() -> None:
    doc = ingest_snippet(OPENING + "> A revolution is not a dinner party.\n> — Mao Zedong, 1927\n\nThe body begins.\n")
    assert [(p.text for p in e.paragraphs) and e.attribution for e in doc.metadata.epigraphs] == ["Mao Zedong, 1927"]
    assert [p.text for p in doc.metadata.epigraphs[0].paragraphs] == ["A revolution is not a dinner party."]
    assert [b.text for b in doc.paragraphs()] == ["The body begins."]


@pytest.mark.parametrize("caption_below", [False, True])
def test_a_table_with_its_caption_and_source_line(caption_below: bool) -> None:
    caption = "Table 1: Soviet loans to China, 1950–1957"
    table = "|Year|Loan|\n|---|---|\n|1950|300|\n|1954|520|"
    before, after = ("", f"\n\n{caption}") if caption_below else (f"{caption}\n\n", "")
    found = blocks(f"The loans were these.\n\n{before}{table}{after}\n\nSource: Shen 2012, 45.\n\nThen more text.\n")
    assert found[1] == Table(
        found[1].line, caption, ["Year", "Loan"], [["1950", "300"], ["1954", "520"]], "Source: Shen 2012, 45."
    )  # type: ignore[union-attr]
    assert [b.text for b in found if isinstance(b, Paragraph)] == ["The loans were these.", "Then more text."]


def test_a_tables_source_line_set_as_its_last_row() -> None:
    # pymupdf4llm may set the source line under a table as the table's last row, its first cell alone filled
    table = "|Year|Loan|\n|---|---|\n|1950|300|\n|1954|520|\n|Source: _Cold War Crucible_, 255.||"
    found = blocks(f"The loans were these.\n\nTable 1: Soviet loans\n\n{table}\n\nThen more text.\n")
    assert found[1] == Table(
        found[1].line,
        "Table 1: Soviet loans",
        ["Year", "Loan"],
        [["1950", "300"], ["1954", "520"]],
        "Source: _Cold War Crucible_, 255.",
    )  # type: ignore[union-attr]


def test_a_table_continued_on_the_next_page_is_one_table() -> None:
    page_one = "|Year|Loan|\n|---|---|\n|1950|300|"
    page_two = "|Year|Loan|\n|---|---|\n|1954|520|"
    found = blocks(f"{FILLER}\n\n{page_one}\n\n2\n\n{page_two}\n\n{FILLER}\n\n3\n\n{FILLER}\n")
    tables = [b for b in found if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].rows == [["1950", "300"], ["1954", "520"]]


@pytest.mark.parametrize(
    ("above", "label"),
    [
        ("## CHAPTER 7", "CHAPTER 7"),
        ("CHAPTER 7", "CHAPTER 7"),
        ("Part II", "Part II"),
        ("BOOK REVIEW", "BOOK REVIEW"),
        ("Document 12", "Document 12"),
        ("Глава 3", "Глава 3"),
        ("第七章", "第七章"),
    ],
)
def test_a_label_above_the_title_is_a_label_never_a_series(above: str, label: str) -> None:
    doc = ingest_snippet(f"{above}\n\n# 11 The Taiwan Strait Crisis\n\nAnna Example\n\nThe body begins.\n")
    assert doc.metadata.label == label
    assert doc.metadata.series is None
    assert doc.metadata.title == "11 The Taiwan Strait Crisis"


@pytest.mark.parametrize(
    ("marker", "note"),
    [
        pytest.param("<sup>1</sup>", "<sup>1</sup> Chen Jian, *Mao's China*, 45.", id="sup"),
        pytest.param("¹", "¹ Chen Jian, *Mao's China*, 45.", id="superscript"),
        pytest.param("1", "> 1Chen Jian, *Mao's China*, 45.", id="glued-quoted-note"),
        pytest.param("1", "1Chen Jian, *Mao's China*, 45.", id="glued-note"),
        pytest.param("1", "> 1 Chen Jian, *Mao's China*, 45.", id="quoted-note"),
    ],
)
def test_footnotes_as_extractors_print_them(marker: str, note: str) -> None:
    source = f"The alliance was signed in Moscow.{marker} It lasted a decade.\n\n{note}\n\nThe split came later.\n"
    doc = ingest_snippet(OPENING + source)
    assert [n.text for n in doc.notes.values()] == ["Chen Jian, *Mao's China*, 45."]
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == [
        "The alliance was signed in Moscow.[^1] It lasted a decade.",
        "The split came later.",
    ]
    assert doc.diagnostics == []


def test_glued_digits_are_markers_only_in_the_notes_order() -> None:
    source = (
        "The interest.1 Betrayal was feared.2 See p.12 of the report, and Vol.3 of it.\n\n"
        "> 1First note.\n> 2Second note.\n"
    )
    doc = ingest_snippet(OPENING + source)
    assert [p.text for p in doc.paragraphs()] == [
        "The interest.[^1] Betrayal was feared.[^2] See p.12 of the report, and Vol.3 of it."
    ]


def test_a_soft_hyphen_where_the_line_broke_is_no_hyphen() -> None:
    assert [
        p.text for p in ingest_snippet(OPENING + "The volup\u00ad tas was great and gen\u00ad\neral.\n").paragraphs()
    ] == ["The voluptas was great and general."]


@pytest.mark.parametrize(
    ("title", "translation", "archive", "date", "translator", "body"),
    [
        pytest.param(
            "ЗАПИСЬ БЕСЕДЫ И. В. СТАЛИНА С МАО ЦЗЭДУНОМ",
            "Record of Conversation between I. V. Stalin and Mao Zedong",
            "АПРФ, ф. 45, оп. 1, д. 329, л. 29–38",
            "[Moscow,] 16 December 1949",
            "Translated by Danny Rozas",
            "After an exchange of greetings, the following conversation took place.",
            id="russian",
        ),
        pytest.param(
            "毛泽东与尤金谈话记录",
            "Record of Conversation between Mao Zedong and Pavel Yudin",
            "中央档案馆, 卷 12, 页 3–9",
            "1958年7月22日",
            "翻译：李明",
            "毛泽东：昨天你们把我气得一夜没有睡觉。",
            id="chinese",
        ),
        pytest.param(
            "Aktenvermerk über ein Gespräch mit Zhou Enlai",
            "",
            "Bundesarchiv, DY 30/IV 2/20/123, Bl. 12–15",
            "Berlin, 28. Dezember 1957",
            "Übersetzt von Anna Example",
            "Genosse Zhou Enlai erklärte, dass die Lage ernst sei.",
            id="german",
        ),
    ],
)
def test_a_documents_heading_block_in_any_script(
    title: str, translation: str, archive: str, date: str, translator: str, body: str
) -> None:
    under_title = f"{translation}\n\n" if translation else ""
    doc = ingest_snippet(f"# {title}\n\n{under_title}{archive}\n\n{date}\n\n{translator}\n\n{body}\n\nMore text.\n")
    meta = doc.metadata
    assert (meta.title, meta.translated_title) == (title, translation)
    assert [v.value for v in meta.archive] == [archive, date]
    assert [v.value for v in meta.translators] == [translator]
    assert [p.text for p in doc.paragraphs()] == [body, "More text."]
    assert doc.front == []


@pytest.mark.parametrize(
    "footer",
    [
        pytest.param(
            "K. Halloran and A. Petrov (eds.), *Fraternal Rivals*, Cold War\nSeries, https://doi.org/10.1007/978-3-030-00000-0_7\n\n© The Author(s) 2021",
            id="book-line-split-then-copyright",
        ),
        pytest.param(
            "© The Author(s) 2021\nK. Halloran and A. Petrov (eds.), *Fraternal Rivals*, https://example.org/fraternal-rivals",
            id="copyright-then-book-line-with-url",
        ),
    ],
)
@pytest.mark.parametrize("inside", [False, True])
def test_a_first_page_footer_by_its_shape(footer: str, inside: bool) -> None:
    between = "\n" if inside else "\n\n"
    source = f"The crisis began when the guns opened fire and the whole{between}{footer}{between}world held its breath. See https://example.org for more.\n"
    doc = ingest_snippet(OPENING + source)
    lifted = [v.value for v in [*doc.metadata.copyright, *doc.metadata.footer]]
    assert "The Author(s) 2021" in lifted and any("Fraternal Rivals" in value for value in lifted)
    assert [p.text for p in doc.paragraphs()] == [
        "The crisis began when the guns opened fire and the whole world held its breath. See https://example.org for more."
    ]


def test_an_empty_source_has_no_text() -> None:
    assert ingest_snippet("\n  \n").sections == []


def test_a_speakers_turn_after_the_heading_block_is_body_not_a_field() -> None:
    doc = ingest_snippet(
        "# Record of Conversation between Mao Zedong and Pavel Yudin\n\n"
        "**Source:** APRF, f. 45, op. 1, d. 332, ll. 1–12\n\nTranslated by Mei Lin\n\n"
        "**Mao Zedong:** We agree. The Soviet side may send its experts.\n\n"
        "**Pavel Yudin:** Moscow will welcome it.\n"
    )
    assert [(v.label, v.value) for v in doc.metadata.archive] == [("Source", "APRF, f. 45, op. 1, d. 332, ll. 1–12")]
    assert [p.text for p in doc.paragraphs()] == [
        "**Mao Zedong:** We agree. The Soviet side may send its experts.",
        "**Pavel Yudin:** Moscow will welcome it.",
    ]


def test_a_speakers_turn_that_ends_its_sentence_in_the_word_a_page_cut_ends_there() -> None:
    # the turn's last word hyphenated across the page ("garri\xad" / "son?<sup>2</sup>"): the page's mark goes after
    # the word's rest, and the paragraph under it is a paragraph of its own
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\n**Stepan Chervonenko:** Delegation accepted the formal garri\xad\n\n"
        "<sup>1</sup> Ibid., 12.\n\nPage 233\n\nA Short History of Sino-Soviet Relations\n\nson?<sup>2</sup>\n\n"
        "Rejected with river ministry the talks.<sup>1</sup>\n\n<sup>2</sup> Ibid., 13.\n\nPage 234\n"
    )
    assert [without_page_marks(p.text) for p in doc.paragraphs()][-2:] == [
        "**Stepan Chervonenko:** Delegation accepted the formal garrison?[^2]",
        "Rejected with river ministry the talks.[^1]",
    ]


def test_a_speakers_turn_cut_by_a_page_break_goes_on_and_a_signature_keeps_its_lines() -> None:
    doc = ingest_snippet(
        f"# Letter from Kosygin to Chen Yi\n\n{FILLER}\n\n**Alexei Kosygin:** The Soviet government has studied with great care the\n\n"
        "<sup>1</sup> Ibid., 12.\n\nCOLD WAR HISTORY PROJECT WORKING PAPER NO. 16\n\n"
        "Chinese proposals.<sup>1</sup>\n\nAmbassador of the USSR in the PRC\n\nA. Kosygin\n"
    )
    texts = [getattr(b, "text", getattr(b, "lines", None)) for s in doc.sections for b in s.blocks]
    assert texts[1:] == [
        "**Alexei Kosygin:** The Soviet government has studied with great care the Chinese proposals.[^1]",
        ["Ambassador of the USSR in the PRC", "A. Kosygin"],
    ]


@pytest.mark.parametrize(
    ("head", "number"),
    [
        pytest.param("COLD WAR HISTORY PROJECT WORKING PAPER", "", id="no-page-number"),
        pytest.param("The China Quarterly 245 — 2 —", "2", id="page-number-in-dashes-at-its-edge"),
        pytest.param("The China Quarterly 245 ii", "ii", id="roman-page-number-after-its-own-number"),
        pytest.param("2 The China Quarterly 245", "2", id="page-number-first"),
    ],
)
def test_a_head_printed_once_inside_a_cut_sentence(head: str, number: str) -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}The talks went on until the\n\n<sup>1</sup> Ibid., 12.\n\n{head}\n\n"
        f"delegations left Moscow.<sup>1</sup> {FILLER}\n"
    )
    mark = f"{{pb:{number}}}" if number else ""
    assert [p.text for p in doc.paragraphs()][-1].startswith(f"{FILLER}The talks went on until the {mark}delegations")
    assert [page.furniture for page in doc.pages][1:] == [[head]]


def test_a_head_whose_number_never_changes_is_no_page_number() -> None:
    head = "COLD WAR HISTORY PROJECT WORKING PAPER NO. 16"
    doc = ingest_snippet(f"{head}\n\n{OPENING}{FILLER}\n\n{head}\n\n{FILLER}and\n\n{head}\n\nso on.\n")
    assert [(page.number, page.furniture) for page in doc.pages] == [("", [head]), ("", [head]), ("", [head])]
    assert [p.text for p in doc.paragraphs()] == [FILLER.strip(), f"{FILLER}and so on."]


def test_a_footnote_that_runs_on_to_the_next_pages_foot() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}The treaty was signed.<sup>1</sup>\n\n<sup>1</sup> On the talks see the records of the\n\n"
        f"{FILLER}It lasted.<sup>2</sup>\n\nforeign ministry, file 12.\n\n<sup>2</sup> Ibid., 4.\n"
    )
    assert [n.text for n in doc.notes.values()] == [
        "On the talks see the records of the foreign ministry, file 12.",
        "Ibid., 4.",
    ]
    assert "foreign ministry" not in " ".join(p.text for p in doc.paragraphs())


def test_a_journals_head_over_the_first_page_is_furniture() -> None:
    doc = ingest_snippet(f"Diplomatic History 44(2)\n\n{OPENING}{FILLER}\n")
    assert doc.front == [] and doc.metadata.title == "A Title"
    assert [page.furniture for page in doc.pages] == [["Diplomatic History 44(2)"]]


@pytest.mark.parametrize(
    "foot",
    [
        pytest.param("https://doi.org/10.1007/978-981-13-8641-1_7\n\nii", id="number-under-the-footer"),
        pytest.param("https://doi.org/10.1007/978-981-13-8641-1_7 ii", id="number-on-the-footers-row"),
        pytest.param("https://doi.org/10.1007/978-981-13-\n\n8641-1_7\n\n> ii", id="url-cut-and-quoted-number"),
        pytest.param("https://doi.org/10.1007/ 978-981-13-8641-1_7\n\nii", id="url-split-by-a-space"),
    ],
)
def test_a_page_number_under_the_first_pages_footer(foot: str) -> None:
    doc = ingest_snippet(
        f"CHAPTER 9\n\n{OPENING}{FILLER}\n\n© The Author(s) 2020\nA. Example, in Z. Shen (ed.), *A Short History*,"
        f" {foot}\n\n{FILLER}\n"
    )
    assert [page.number for page in doc.pages] == ["i", "ii"]
    assert doc.metadata.label == "CHAPTER 9"
    assert [v.value for v in doc.metadata.footer] == [
        "A. Example, in Z. Shen (ed.), *A Short History*, https://doi.org/10.1007/978-981-13-8641-1_7"
    ]


def test_author_date_entries_an_extraction_ran_together() -> None:
    doc = ingest_snippet(
        "# A Title\n\n## Bibliography\n\nChen Jian. 2001. *Mao's China and the Cold War*. Chapel Hill: University of"
        " North Carolina Press. Shen Zhihua and Xia Yafeng. 2015. *Mao and the Sino-Soviet Partnership*. Lanham:"
        " Lexington Books.\n"
    )
    assert [b.text for b in doc.sections[0].blocks] == [  # type: ignore[attr-defined]
        "Chen Jian. 2001. *Mao's China and the Cold War*. Chapel Hill: University of North Carolina Press.",
        "Shen Zhihua and Xia Yafeng. 2015. *Mao and the Sino-Soviet Partnership*. Lanham: Lexington Books.",
    ]


def test_two_notes_an_extraction_ran_into_one_line() -> None:
    source = (
        "The treaty was signed.1 The alliance held.2 It ended later.3\n\n"
        "> 1Olga Petrova, *Ideology*, 85. 2РГАНИ, ф. 5, оп. 30, д. 335.\n\n- 3Ibid., 12.\n"
    )
    doc = ingest_snippet(OPENING + source)
    assert {k: n.text for k, n in doc.notes.items()} == {
        "1": "Olga Petrova, *Ideology*, 85.",
        "2": "РГАНИ, ф. 5, оп. 30, д. 335.",
        "3": "Ibid., 12.",
    }


def test_a_byline_dates_abstract_and_keywords_run_together() -> None:
    doc = ingest_snippet(
        "# A Title\n\nAiko Tanaka, Wei Zhou and Ji-won Kim Received: 21 March 2007 / Accepted: 25 June 2007 Abstract\n\n"
        "The abstract says what the article does. Keywords Sino-Soviet relations · alliance\n\n## 1 Start\n\nBody.\n"
    )
    meta = doc.metadata
    assert [p.name for p in meta.people] == ["Aiko Tanaka", "Wei Zhou", "Ji-won Kim"]
    assert [(d.label, d.value) for d in meta.dates] == [("Received", "21 March 2007"), ("Accepted", "25 June 2007")]
    assert [p.text for p in meta.abstract] == ["The abstract says what the article does."]
    assert meta.keywords == ["Sino-Soviet relations", "alliance"]


def test_a_note_marker_after_chinese_full_stop() -> None:
    doc = ingest_snippet(OPENING + "> 1Ibid., 128.\n\n毛泽东指出，双方同意在北京举行下一轮会谈。1\n")
    assert [p.text for p in doc.paragraphs()] == ["毛泽东指出，双方同意在北京举行下一轮会谈。[^1]"]


def test_a_head_that_follows_each_pages_notes_is_furniture() -> None:
    head = "The China Quarterly 245"
    doc = ingest_snippet(
        f"{OPENING}{FILLER}It held.<sup>1</sup>\n\n<sup>1</sup> Ibid., 3.\n\n{head}\n\n## 2 Later\n\n{FILLER}"
        f"It broke.<sup>2</sup>\n\n<sup>2</sup> Ibid., 4.\n\n{head}\n\nThe end came.\n"
    )
    assert [page.furniture for page in doc.pages] == [[], [head], [head]]
    assert [s.title for s in doc.sections] == ["", "Later"]


def test_numbers_at_each_pages_foot_and_a_label_above_the_title() -> None:
    doc = ingest_snippet(
        f"CHAPTER 13\n\n{OPENING}{FILLER}\n\n17\n\nThe China Quarterly 245\n\n{FILLER}\n\n18\n\n"
        "The China Quarterly 245\n\nA short last page.\n\n19\n"
    )
    assert doc.metadata.label == "CHAPTER 13"
    assert [page.number for page in doc.pages] == ["17", "18", "19"]


def test_a_roman_page_number_before_a_journals_head() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\nii The China Quarterly 245\n\n{FILLER}\n\nThe China Quarterly 245 iii\n\nEnd.\n"
    )
    assert [page.number for page in doc.pages] == ["i", "ii", "iii"]


@pytest.mark.parametrize(
    "question",
    ["Was it signed?", "Was it in _The Cold War_?", "Was it in _The Cold War_ ?"],
    ids=["word", "title", "spaced"],
)
def test_a_note_number_set_apart_after_a_sentences_end(question: str) -> None:
    # also after a title in italics, where an extractor may set a space before the stop
    doc = ingest_snippet(f"{OPENING}{question} 1 The talks went on. In 1950. 3 delegations left.\n\n> 1Ibid., 4.\n")
    assert [p.text for p in doc.paragraphs()] == [f"{question}[^1] The talks went on. In 1950. 3 delegations left."]


def test_lines_an_extractor_set_in_a_headings_size() -> None:
    doc = ingest_snippet(
        "# **Memorandum of**\n\n# **Conversation between Chen Yi and Andrei Gromyko**\n\n#### Translated by Anna Example\n\n"
        "The talks began in the\n\n## and went on.\n\n#### 双方同意在北京举行下一轮会谈。\n\n## 1 The talks\n\nText.\n"
    )
    assert doc.metadata.title == "Memorandum of Conversation between Chen Yi and Andrei Gromyko"
    assert [v.value for v in doc.metadata.translators] == ["Translated by Anna Example"]
    assert [s.title for s in doc.sections] == ["", "The talks"]
    assert [p.text for p in doc.paragraphs()] == [
        "The talks began in the and went on.",
        "双方同意在北京举行下一轮会谈。",
        "Text.",
    ]


def test_contents_and_abbreviations_as_an_extraction_without_tabs_gives_them() -> None:
    doc = ingest_snippet(
        "# A Book\n\n## CONTENTS\n\nPreface v\n\n- 5 Sino-Soviet Wartime Cooperation Kuisong Yang 69\n\n"
        "6 China's Civil War and Nationalist-Communist Relations\n\n### Kuisong Yang 95\n\n"
        "## ABBREVIATIONS\n\nAUCP (b) All-Union Communist Party (Bolsheviks) CAS Chinese Academy of Science KSČ"
        " Communist Party of Czechoslovakia\n\n*FRUS* Foreign Relations of the United States\n"
    )
    contents, abbreviations = doc.sections[0].blocks, doc.sections[1].blocks
    assert [(e.label, e.title, e.page) for e in contents] == [  # type: ignore[attr-defined]
        ("", "Preface", "v"),
        ("5", "Sino-Soviet Wartime Cooperation Kuisong Yang", "69"),
        ("6", "China's Civil War and Nationalist-Communist Relations Kuisong Yang", "95"),
    ]
    assert [(a.abbreviation, a.expansion) for a in abbreviations] == [  # type: ignore[attr-defined]
        ("AUCP (b)", "All-Union Communist Party (Bolsheviks)"),
        ("CAS", "Chinese Academy of Science"),
        ("KSČ", "Communist Party of Czechoslovakia"),
        ("*FRUS*", "Foreign Relations of the United States"),
    ]
    assert doc.diagnostics == []


def test_a_head_printed_above_the_first_page_number() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\n© The Author(s) 2015\nM. Lin (ed.), *The Cold War in East Asia*, https://doi.org/10.1007/1\n\n"
        f"The Cold War in East Asia\n\nPage 402\n\n{FILLER}\n"
    )
    assert [(page.number, page.furniture) for page in doc.pages] == [
        ("401", []),
        ("402", ["The Cold War in East Asia", "Page 402"]),
    ]


def test_the_title_printed_as_the_first_pages_head_and_captions_that_recur() -> None:
    caption = "Table {}. Trade between the USSR and the PRC"
    table = "|Year|Loan|\n|---|---|\n|1950|300|"
    doc = ingest_snippet(
        "Record of Conversation between Liu Shaoqi and Alexei Kosygin\n\n109\n\n"
        f"# Record of Conversation between Liu Shaoqi and Alexei Kosygin\n\n{FILLER}\n\n{caption.format(1)}\n\n{table}\n\n"
        f"{FILLER}\n\n{caption.format(2)}\n\n{table}\n\nEnd.\n"
    )
    assert doc.front == [] and doc.pages[0].furniture == [
        "Record of Conversation between Liu Shaoqi and Alexei Kosygin",
        "109",
    ]
    assert [b.caption for s in doc.sections for b in s.blocks if isinstance(b, Table)] == [
        caption.format(1),
        caption.format(2),
    ]


def test_a_list_items_next_line_set_as_a_nested_item() -> None:
    doc = ingest_snippet(
        OPENING + "- The delegation arrived in Moscow and went on to\n\n   - the Kremlin.\n\n- It left.\n"
    )
    assert [p.text for p in doc.paragraphs()] == [
        "- The delegation arrived in Moscow and went on to the Kremlin.",
        "- It left.",
    ]


def test_a_list_items_bullet_printed_again_after_its_marker() -> None:
    # an extraction that writes the item's marker and keeps the bullet glyph as text
    doc = ingest_snippet(OPENING + "- The delegation arrived.\n\n- \u2022 Pavel Yudin signed.\n\n- \u25e6 It left.\n")
    assert [p.text for p in doc.paragraphs()] == ["- The delegation arrived.", "- Pavel Yudin signed.", "- It left."]


def test_a_title_broken_inside_a_word_across_two_headings() -> None:
    doc = ingest_snippet("# **Memorandum of Conversation with Leonid Brezh\u00ad**\n\n# **nev**\n\nThe talks began.\n")
    assert doc.metadata.title == "Memorandum of Conversation with Leonid Brezhnev"
    assert [p.text for p in doc.paragraphs()] == ["The talks began."]


def test_a_line_in_lower_case_under_a_finished_title_is_no_part_of_it() -> None:
    doc = ingest_snippet("# A text\n\nalliance the the\n")
    assert doc.metadata.title == "A text"
    assert [b.text for b in doc.front] == ["alliance the the"]  # a short line on the title page


def test_a_signatures_last_line_set_as_a_list_of_one_item() -> None:
    doc = ingest_snippet("# Memorandum\n\nThe talks went on.\n\nAmbassador of the USSR in the PRC\n\n- A. Gromyko\n")
    assert [p.text for p in doc.paragraphs()] == ["The talks went on."]
    [signature] = [b for s in doc.sections for b in s.blocks if isinstance(b, Signature)]
    assert signature.lines == ["Ambassador of the USSR in the PRC", "A. Gromyko"]


def test_a_list_of_one_item_after_a_paragraph_stays_a_list() -> None:
    doc = ingest_snippet("# Memorandum\n\nThe talks went on.\n\n- Withdraw the experts\n")
    assert not [b for s in doc.sections for b in s.blocks if isinstance(b, Signature)]


def test_a_notes_next_line_set_as_a_list_item_goes_on_with_it() -> None:
    doc = ingest_snippet(
        "# A text\n\nThe archive says so.<sup>1</sup> And more.<sup>2</sup>\n\n"
        "- 1Archive of the President of the Russian Federation (APRF), fond 45, opis 1, delo 329,\n\n"
        "- listy 9–17, l. 10.\n\n> 2Ibid., 4.\n"
    )
    assert doc.notes["1"].text.endswith("delo 329, listy 9–17, l. 10.")
    assert [p.text for p in doc.paragraphs()] == ["The archive says so.[^1] And more.[^2]"]


# Shapes LaTeX and its extractions printed (tests/typeset/latex_writer.py) ------------------------------------

FOOTER_LINES = (
    "© The Author(s) 2020",
    "A. Example, in Z. Shen (ed.), *A Short History*, https://doi.org/10.1007/978-981-13-8641-1_9",
)


@pytest.mark.parametrize(
    "note_block",
    [
        pytest.param(
            f"<sup>1</sup> Ibid., 54.  \n{FOOTER_LINES[0]}  \n{FOOTER_LINES[1]}", id="lines-after-a-hard-break"
        ),
        pytest.param(f"<sup>1</sup> Ibid., 54. {FOOTER_LINES[0]}\n{FOOTER_LINES[1]}", id="copyright-glued-to-the-note"),
        pytest.param(
            f"<sup>1</sup> Ibid., 54. {FOOTER_LINES[0]} {FOOTER_LINES[1]}", id="whole-footer-on-the-notes-line"
        ),
        pytest.param(f"<sup>1</sup> Ibid., 54. {FOOTER_LINES[0]}\n\n{FOOTER_LINES[1]}", id="book-line-a-block-below"),
    ],
)
def test_a_first_page_footer_printed_under_the_footnotes(note_block: str) -> None:
    doc = ingest_snippet(f"{OPENING}{FILLER}It ended.<sup>1</sup>\n\n{note_block}\n\n{FILLER}\n")
    assert doc.notes["1"].text == "Ibid., 54."
    assert [v.value for v in doc.metadata.copyright] == ["The Author(s) 2020"]
    assert [v.value for v in doc.metadata.footer] == [FOOTER_LINES[1]]


def test_a_bare_url_closing_a_paragraph_is_no_footer() -> None:
    doc = ingest_snippet(f"{OPENING}More information about this series at  \n<http://www.example.org/series/16159>\n")
    assert doc.metadata.footer == [] and doc.metadata.doi == ""


def test_a_footnote_continued_on_the_next_page_by_where_it_stands() -> None:
    # page 402 ends with the body cut in mid-sentence, then the rest of note 6 (its first word a name, in
    # capitals); page 403 opens with the body going on in lower case, then notes 7 and 8
    doc = ingest_snippet(
        f"{OPENING}{FILLER}Talks began.<sup>6</sup>\n\n<sup>6</sup> In the records of the\n\nPage 401\n\n"
        f"{FILLER}a visit record Liu\n\nLiu Shaoqi papers, file 3.\n\nPage 402\n\n"
        f"decisive to sovereignty.<sup>7</sup> It ended.<sup>8</sup>\n\n<sup>7</sup> Ibid.\n\n<sup>8</sup> Ibid., 2.\n\n"
        "Page 403\n"
    )
    assert doc.notes["6"].text == "In the records of the Liu Shaoqi papers, file 3."
    assert without_page_marks(doc.paragraphs()[-1].text).endswith(
        "a visit record Liu decisive to sovereignty.[^7] It ended.[^8]"
    )


def test_a_notes_last_line_set_apart_goes_on_with_it() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}It ended.<sup>1</sup>\n\n<sup>1</sup> James Doe, *Crucible* (Cambridge, MA: Harvard"
        " University Press,\n\n2017), 150.\n\nPage 12\n\nsome more text.\n"
    )
    assert doc.notes["1"].text.endswith("Harvard University Press, 2017), 150.")
    assert without_page_marks(doc.paragraphs()[-1].text).endswith("It ended.[^1] some more text.")


def test_a_numbered_heading_in_bold_italic_is_a_heading() -> None:
    doc = ingest_snippet(f"{OPENING}## 16.1 Credits\n\nText.\n\n***16.1.1 Military credits***\n\nRenewed talks.\n")
    assert [s.title for s in doc.sections][-1].endswith("Military credits")
    assert doc.paragraphs()[-1].text == "Renewed talks."


def test_a_name_hyphenated_at_a_line_end_is_whole_where_the_text_writes_it_whole() -> None:
    doc = ingest_snippet(
        f"{OPENING}Chervonenko spoke first. Then Stepan Chervo-\nnenko spoke again, and the Sino-\nSoviet talks went on.\n"
    )
    assert doc.paragraphs()[0].text == (
        "Chervonenko spoke first. Then Stepan Chervonenko spoke again, and the Sino-Soviet talks went on."
    )


def test_a_journals_head_run_into_the_line_under_it() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\ni\n\nCold War History 21(3) Table 1. Border incidents, 1960–1969\n\n"
        "| Year | Incidents |\n|---|---|\n| 1962 | 5 |\n"
    )
    assert ["Cold War History 21(3)"] in [page.furniture for page in doc.pages]
    [table] = [b for s in doc.sections for b in s.blocks if isinstance(b, Table)]
    assert table.caption == "Table 1. Border incidents, 1960–1969"


def test_a_page_number_under_a_head_under_the_notes() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}It ended.<sup>1</sup>\n\n<sup>1</sup> Ibid.\n\nA Short History of Sino-Soviet Relations\n\n"
        f"234\n\n## The Workplace\n\n{FILLER}\n"
    )
    assert [page.number for page in doc.pages][-1] == "234"
    assert "A Short History" not in " ".join(p.text for p in doc.paragraphs())


def test_a_book_line_run_on_to_a_notes_last_sentence() -> None:
    book = "T. Brandt (eds.), *Fraternal Rivals*, Cold War Series, https://doi.org/10.1007/978-3-030-76865-0_19"
    doc = ingest_snippet(f"{OPENING}{FILLER}It ended.<sup>1</sup>\n\n<sup>1</sup> Ibid., 23. {book}\n\n{FILLER}\n")
    assert doc.notes["1"].text == "Ibid., 23."
    assert [v.value for v in doc.metadata.footer] == [book]


def test_a_notes_next_line_that_begins_with_a_number_is_no_note() -> None:
    doc = ingest_snippet(
        f"{OPENING}It ended.<sup>1</sup> Then.<sup>2</sup>\n\n> 1Archive of the President (APRF), fond 45, opis\n\n"
        "> 1, delo 329, l. 26.\n\n> 2Ibid., 23.\n"
    )
    assert doc.notes["1"].text == "Archive of the President (APRF), fond 45, opis 1, delo 329, l. 26."
    assert doc.notes["2"].text == "Ibid., 23."


# A plain-text extraction (pdfminer, MarkItDown): no Markdown at all ------------------------------------------

PLAIN = (
    "CHAPTER 7\n\nBargaining  in  Moscow:  The\nTreaty of 1950 Reconsidered\nMei Lin\n\n"
    "When Mao boarded the train for Moscow, he carried a short list of demands\n"
    "and a long list of doubts, and he was far from sure of his host.1\n\n"
    "The First Meeting\n\n"
    "Stalin received Mao on the evening of his arrival and asked what his guest\n"
    "wanted. The Chinese delegation waited in a dacha outside the city.2\n\n"
    "2 The Terms\n\n"
    "The treaty was signed (Shen 2015, 46).3 It bound both sides.\n"
    "Short.\n"
    "Yet the alliance held for a decade, and its terms were kept for a while by\n"
    "both of the parties who had signed it in the winter of that year.\n\n"
    "Bibliography\nChen Jian. 2001. Mao's China and the Cold War. Chapel Hill.\n\n"
    "Open Access This chapter is licensed under the terms of a Creative Commons licence.\n\n"
    "1Ibid., 4.\n2Ibid., 5.\n3Ibid., 6.\n"
)


def test_a_plain_text_extractions_title_byline_and_headings() -> None:
    doc = ingest_snippet(PLAIN)
    assert (doc.metadata.label, doc.metadata.title) == (
        "CHAPTER 7",
        "Bargaining in Moscow: The Treaty of 1950 Reconsidered",
    )
    assert [p.name for p in doc.metadata.people] == ["Mei Lin"]
    assert [(s.number, s.title) for s in doc.sections] == [
        ("", ""),
        ("", "The First Meeting"),
        ("2", "The Terms"),
        ("", "Bibliography"),
    ]
    assert doc.metadata.license_statement.startswith("Open Access This chapter is licensed")


def test_a_plain_text_extractions_markers_and_paragraphs() -> None:
    doc = ingest_snippet(PLAIN)
    assert {key: note.text for key, note in doc.notes.items()} == {"1": "Ibid., 4.", "2": "Ibid., 5.", "3": "Ibid., 6."}
    terms = [without_page_marks(p.text) for s in doc.sections if s.title == "The Terms" for p in s.paragraphs()]
    assert terms == [
        "The treaty was signed (Shen 2015, 46).[^3] It bound both sides. Short.",
        "Yet the alliance held for a decade, and its terms were kept for a while by both of the parties who had"
        " signed it in the winter of that year.",
    ]


def test_a_source_with_markdown_headings_is_no_plain_text() -> None:
    doc = ingest_snippet("# A Title\n\nAnna Example\n\n1 Introduction\n\nThe talks began.\n")
    assert [s.title for s in doc.sections] == [""]


def test_a_form_feed_ends_a_page_and_is_no_error() -> None:
    source = f"{OPENING}{FILLER}until the\n\n12\n\n\x0c{FILLER}\n\n13\n\n\x0cautumn, when they ended.\n"
    text, problems = decode_source(source.encode(), Path("texts/snippet/source.md"))
    doc = ingest_snippet(text)
    assert problems == []
    assert len(doc.pages) == 3  # each form feed after a page number: two page breaks
    assert without_page_marks(doc.paragraphs()[0].text).startswith(f"{FILLER}until the {FILLER.strip()}")


def test_a_notes_lines_set_apart_between_notes() -> None:
    doc = ingest_snippet(
        f"{OPENING}It ended.1 Then.2 Later.3\n\n1Shen Zhihua, Mao and the Partnership, 1945–1959:\n\n"
        "A New History (Lanham: Lexington Books, 2015), 45.\n\n2See Chen Jian, Mao's China (Chapel\n\n"
        "Hill: University of North Carolina Press, 2001), 49.\n\n3Ibid., 50.\n"
    )
    assert doc.notes["1"].text.endswith("1945–1959: A New History (Lanham: Lexington Books, 2015), 45.")
    assert doc.notes["2"].text.endswith("(Chapel Hill: University of North Carolina Press, 2001), 49.")
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == ["It ended.[^1] Then.[^2] Later.[^3]"]


@pytest.mark.parametrize(
    ("cut", "rest"),
    [
        pytest.param("on the", "railway, and would not yield.", id="rest-in-lower-case"),
        pytest.param("on the railway of", "Joseph Stalin, and would not yield.", id="rest-opening-with-a-name"),
    ],
)
def test_a_quotation_cut_in_mid_sentence_goes_on_in_plain_text_after_the_page_break(cut: str, rest: str) -> None:
    doc = ingest_snippet(
        f"{OPENING}He wrote:\n\n> The delegation insisted on the border and {cut}\n\n<sup>1</sup> Ibid.\n\n"
        f"{rest}<sup>2</sup>\n\n<sup>2</sup> Ibid., 3.\n\nThe talks ended.<sup>1</sup>\n"
    )
    [quotation] = [b for s in doc.sections for b in s.blocks if isinstance(b, Quotation)]
    assert [without_page_marks(p.text) for p in quotation.paragraphs] == [
        f"The delegation insisted on the border and {cut} {rest}[^2]"
    ]


def test_a_quotations_rest_printed_plain_a_line_a_block_goes_on_while_its_sentence_is_open() -> None:
    # the page's column read from the quotation's own lines: each line of its rest a plain block of its own
    doc = ingest_snippet(
        f"{OPENING}He wrote:\n\n> The delegation insisted on the border and the em-\n\n"
        "COLD WAR HISTORY PROJECT WORKING PAPER NO. 12\n\n"
        "bassy agreed to it.<sup>1</sup> Then the talks on the railway\n\nwent on into the night, and the dis-\n\n"
        "cussion ended there.\n\nThe talks ended.\n\n<sup>1</sup> Ibid., 3.\n"
    )
    [quotation] = [b for s in doc.sections for b in s.blocks if isinstance(b, Quotation)]
    assert [without_page_marks(p.text) for p in quotation.paragraphs] == [
        "The delegation insisted on the border and the embassy agreed to it.[^1] Then the talks on the railway went"
        " on into the night, and the discussion ended there."
    ]
    assert [type(b).__name__ for b in doc.sections[0].blocks] == ["Paragraph", "Quotation", "Paragraph"]


def test_a_notes_paragraph_under_it_while_the_body_goes_on_over_the_page() -> None:
    # the body is cut in mid-sentence above the notes and goes on in lower case on the next page: what stands
    # under note 1 before the page's number is the note's, whatever its first letter
    doc = ingest_snippet(
        f"{OPENING}{FILLER}It ended.1 The talks on the\n\n1Interpreter's record, file 3?\n\n"
        "Unexpected, then, was the second record.\n\nPage 12\n\nborder went on.\n"
    )
    assert doc.notes["1"].text == "Interpreter's record, file 3? Unexpected, then, was the second record."
    assert without_page_marks(doc.paragraphs()[-1].text).endswith("It ended.[^1] The talks on the border went on.")


@pytest.mark.parametrize(
    ("cut", "rest"),
    [
        pytest.param("Press,", "2016), 51.", id="closing-its-bracket"),
        pytest.param("Press, 2016),", "51.", id="its-page"),
    ],
)
def test_a_last_page_holding_only_a_notes_rest(cut: str, rest: str) -> None:
    # LaTeX carried the note's last line over to a page of its own; the first page's footer and both numbers between
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\nThe talks ended in the autumn.<sup>1</sup>\n\n"
        f"<sup>1</sup>Daniel Hart, *Mao and the Sino-Soviet Partnership* (Princeton: Princeton University {cut}\n\n"
        f"© The Author(s) 2018\n\nv\n\nvi\n\n{rest}\n"
    )
    assert doc.notes["1"].text.endswith("(Princeton: Princeton University Press, 2016), 51.")
    assert without_page_marks(doc.paragraphs()[-1].text) == "The talks ended in the autumn.[^1]"


def test_a_notes_last_lines_apart_under_it_while_the_body_goes_on_with_a_names_rest() -> None:
    # the body cut inside a name above the notes ("… Mikhail" / "Suslov."), the note's last lines set apart under it,
    # capitalised: they close the page, and the next page goes on with the name the text writes elsewhere
    doc = ingest_snippet(
        f"{OPENING}{FILLER}Mikhail Suslov came.<sup>1</sup> He met Mikhail\n\n"
        "<sup>1</sup>Position plenum sovereignty Stepan Chervonenko insisted island\n\n"
        "Beijing brief negotiation unexpected river accepted.\n\nPage 235\n\nSuslov. The talks went on.\n"
    )
    assert doc.notes["1"].text.endswith("insisted island Beijing brief negotiation unexpected river accepted.")
    assert without_page_marks(doc.paragraphs()[-1].text).endswith(
        "Mikhail Suslov came.[^1] He met Mikhail Suslov. The talks went on."
    )


def test_a_notes_rest_going_on_with_the_title_in_italics_it_closed_at_the_pages_end() -> None:
    # the note cut inside a title ("… _Cold War_" / "_Crucible_ …"), its rest at the next page's foot, under the
    # signature closing the text and right above the next note
    doc = ingest_snippet(
        f"{OPENING}{FILLER}The talks went on.<sup>1</sup> They ended\n\n> 1See Elena Sokolova, _Cold War_\n\n"
        "COLD WAR HISTORY PROJECT WORKING PAPER NO. 77\n\nin Beijing.<sup>2</sup>\n\nAmbassador of the USSR in the PRC\n\n"
        "- L. Brezhnev\n\n_Crucible_ (London: Routledge, 2017), 339.\n\n> 2Ibid., 86.\n"
    )
    assert doc.notes["1"].text == "See Elena Sokolova, _Cold War_ _Crucible_ (London: Routledge, 2017), 339."
    assert [b.lines for b in doc.sections[0].blocks if isinstance(b, Signature)] == [
        ["Ambassador of the USSR in the PRC", "L. Brezhnev"]
    ]


def test_the_line_under_a_head_and_page_number_printed_once_is_text() -> None:
    # the page's head, printed once above its number, is no text that the page cut: the line under the number
    # opens the next page's text
    doc = ingest_snippet(
        f"{OPENING}{FILLER}It ended.1\n\n1Ibid., 4.\n\nThe Bilateral Politburo, 1969–1981\n\n111\n"
        "Polemics border demanded boundary summit long of tense summit\nended history confirmed in border.\n"
    )
    assert [page.furniture for page in doc.pages][-1] == ["The Bilateral Politburo, 1969–1981", "111"]
    assert without_page_marks(doc.paragraphs()[-1].text) == (
        "Polemics border demanded boundary summit long of tense summit ended history confirmed in border."
    )


def test_a_line_with_a_sentence_and_its_glued_marker_inside_is_no_head() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}Talks on trade went on and the Soviet delegation drafted a treaty with Anastas\n"
        "Mikoyan of Moscow.1 Communique Zhou Enlai Alexei Kosygin and\nnormalization were discussed.\n\n"
        "1Ibid., 5.\n"
    )
    assert "Mikoyan of Moscow.[^1] Communique Zhou Enlai Alexei Kosygin and normalization" in doc.paragraphs()[-1].text


def test_a_line_whose_words_all_stand_on_the_first_page_is_no_head_for_that() -> None:
    # every word of the next page's first line is on the first page, but not as a title, nor in that order
    doc = ingest_snippet(f"{OPENING}{FILLER}\n\nPage 2\n\nThe spring delegations met again and spoke\nof trade.\n")
    assert without_page_marks(doc.paragraphs()[-1].text) == "The spring delegations met again and spoke of trade."


def test_digits_glued_after_a_years_stop_are_a_marker() -> None:
    source = (
        "The talks ended in 1991.1 For most of those years nothing was decided, and output grew by\n"
        "3.5 per cent in 1985.\n\n1On the airport meeting of 1969.\n"
    )
    doc = ingest_snippet(OPENING + source)
    assert [n.text for n in doc.notes.values()] == ["On the airport meeting of 1969."]
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == [
        "The talks ended in 1991.[^1] For most of those years nothing was decided, and output grew by 3.5 per cent"
        " in 1985."
    ]


PLAIN_DOCUMENT = (
    "Document 10\n\nMemorandum of Conversation\nbetween Chen Yi and Nikita\nKhrushchev\n\n"
    "АПРФ, ф. 45, оп. 1, д. 347, л. 102–109\n\n[Beijing,] 22 July 1958\n\nTranslated by David Wolff\n\n"
    "Пограничный вопрос\n\n苏联专家的撤离给中国的经济建设造成了严重的困难。苏联专家的撤离给中\n国的经济建设造成了严重的困难。\n\n"
    f"{FILLER}\n\n233\n\nproposed economic talks.\n"
)
"""A record of conversation as a plain-text extraction prints it: a label, a title on three lines, its front and a
heading in Russian over a paragraph in Chinese."""


def test_a_plain_texts_title_under_its_label_is_no_head_and_a_russian_heading_is_one() -> None:
    doc = ingest_snippet(PLAIN_DOCUMENT)
    assert doc.metadata.title == "Memorandum of Conversation between Chen Yi and Nikita Khrushchev"
    assert doc.metadata.label == "Document 10"
    assert [s.title for s in doc.sections] == ["Пограничный вопрос"]
    assert doc.paragraphs()[0].text.startswith("苏联专家的撤离")


def test_a_plain_texts_title_cut_after_a_ranges_dash_and_its_labelled_parts() -> None:
    # "1959" under "…, 1957–" ends the title's range: no page number under a head
    doc = ingest_snippet(
        "Two Documents on Nuclear Cooperation, 1957–\n1959\n\nSelected and translated by Anna Example\n\n"
        "Document 1: Letter from the Chinese Embassy in Moscow to the Foreign\nMinistry, 20 October 1957\n\n"
        "Archive of the Ministry of Foreign Affairs of the PRC, 109-01234-05\n\n"
        "The Soviet side has confirmed that the agreement will be signed.\n\nPage 12\n"
    )
    assert doc.metadata.title == "Two Documents on Nuclear Cooperation, 1957–1959"
    assert [s.title for s in doc.sections][-1] == (
        "Document 1: Letter from the Chinese Embassy in Moscow to the Foreign Ministry, 20 October 1957"
    )


def test_a_line_cut_after_a_dash_goes_on_without_a_space() -> None:
    doc = ingest_snippet(
        f"{OPENING}The alliance of 1950–\n1959 was a Sino–\nSoviet one, and then — as\nwe know — it ended.\n"
    )
    assert (
        doc.paragraphs()[0].text == "The alliance of 1950–1959 was a Sino–Soviet one, and then — as we know — it ended."
    )


def test_a_footer_line_opening_with_the_running_heads_words_run_on_to_a_note() -> None:
    head = "Cold War History 21(3)"
    doc = ingest_snippet(
        f"{OPENING}{FILLER}It ended.<sup>1</sup>\n\n<sup>1</sup> Ibid., 251. {head}, https://doi.org/10.1007/s23749-020\n\n"
        f"i\n\n{head}\n\n{FILLER}Then.<sup>2</sup>\n\n<sup>2</sup> See Chen Jian, 12.\n\nii\n\n{head}\n\n{FILLER}\n"
    )
    assert doc.notes["1"].text == "Ibid., 251."
    assert [v.value for v in doc.metadata.footer] == [f"{head}, https://doi.org/10.1007/s23749-020"]


def test_a_signatures_name_at_a_page_end_is_no_head() -> None:
    # the signature closes the text; what follows on the next page's foot, in lower case, is the rest of a note:
    # the name stands under a line set as a title in a block of its own, no sentence that the page cut
    doc = ingest_snippet(
        f"{OPENING}{FILLER}It ended.<sup>1</sup>\n\n<sup>1</sup> Ibid., on the Lüshun\n\n"
        "Ambassador of the USSR in the PRC\n\nD. Xiaoping\n\n"
        "normalization talks.\n"
    )
    [signature] = [b for s in doc.sections for b in s.blocks if isinstance(b, Signature)]
    assert signature.lines[-2:] == ["Ambassador of the USSR in the PRC", "D. Xiaoping"]
    assert doc.notes["1"].text == "Ibid., on the Lüshun normalization talks."


def test_a_marker_in_lines_set_one_under_another_links_its_note() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\nTo the Central Committee of the CCP  \nPeking, 12 May 1960<sup>1</sup>\n\n"
        "<sup>1</sup> The date is written in pencil.\n"
    )
    assert doc.notes["1"].text == "The date is written in pencil."
    assert doc.diagnostics == []


@pytest.mark.parametrize(
    ("source", "note"),
    [
        pytest.param(
            "Chervonenko spoke first.<sup>1</sup> Then it ended.<sup>2</sup>\n\n"
            "<sup>1</sup> Stepan Cher-\nvonenko's cable.\n\n<sup>2</sup> Ibid., 4.\n",
            "Stepan Chervonenko's cable.",
            id="hyphenated-at-a-line-end",
        ),
        pytest.param(
            "Pavel Yudin spoke first, then others.<sup>1</sup>\n\n<sup>1</sup> The record was sent to Pavel\n\n"
            "Ambassador of the USSR in the PRC\n\nC. Yi\n\nYudin and to Stepan Chervonenko in March.\n",
            "The record was sent to Pavel Yudin and to Stepan Chervonenko in March.",
            id="rest-opening-with-the-names-second-half",
        ),
    ],
)
def test_a_name_a_note_cut_is_whole_where_the_text_writes_it_whole(source: str, note: str) -> None:
    assert ingest_snippet(OPENING + source).notes["1"].text == note


def test_a_footers_doi_line_a_block_under_its_copyright_line_in_the_references() -> None:
    doc = ingest_snippet(
        f"{OPENING}It ended (Li 1999).<sup>1</sup>\n\n## References\n\nLi Danhui. 1999. *Mao*. Chapel Hill: UNC Press.\n\n"
        "> <sup>1</sup> Ibid., 162.\n\n> © The Author(s) 2008\n\nCold War History 21(3), https://doi.org/10.1007/s75500-077\n"
    )
    assert [v.value for v in doc.metadata.copyright] == ["The Author(s) 2008"]
    assert [v.value for v in doc.metadata.footer] == ["Cold War History 21(3), https://doi.org/10.1007/s75500-077"]


def test_a_head_printed_once_after_notes_of_several_lines_inside_a_cut_sentence() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}It ended.1 The talks went on until the\n\n1Proposed letter of congress, in the strat-\n"
        "egy of the party, and the visit was recalled.\n\nThe Cold War in East Asia\n\nautumn, when they ended.\n"
    )
    assert [page.furniture for page in doc.pages][-1] == ["The Cold War in East Asia"]
    assert without_page_marks(doc.paragraphs()[-1].text).endswith("went on until the autumn, when they ended.")


def test_a_line_with_a_question_inside_is_no_head_beside_a_page_number() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}It ended.1 The talks went on in\n\n1Ibid., 4.\n\nPage 12\n\nPyongyang for conference polemics recalled"
        " discussed delegate?2 In friendship Lüshun\nannounced after talks.\n\n2Ibid., 5.\n"
    )
    assert [page.furniture for page in doc.pages][-1] == ["Page 12"]
    assert without_page_marks(doc.paragraphs()[-1].text).endswith(
        "delegate?[^2] In friendship Lüshun announced after talks."
    )


@pytest.mark.parametrize(
    ("heading_lines", "title"),
    [
        pytest.param(
            ["# **Memorandum**", "# **of**", "# **Conversation between Chen Yi and Peng Dehuai**"],
            "Memorandum of Conversation between Chen Yi and Peng Dehuai",
            id="a-word-a-heading",
        ),
        pytest.param(
            ["# **Memorandum of Conversation between Chen Yi and Peng**", "# **Dehuai**"],
            "Memorandum of Conversation between Chen Yi and Peng Dehuai",
            id="a-name-cut",
        ),
    ],
)
def test_a_title_set_as_a_heading_a_line(heading_lines: list[str], title: str) -> None:
    doc = ingest_snippet("\n\n".join(heading_lines) + "\n\nPeng Dehuai spoke first, then Chen Yi.\n")
    assert doc.metadata.title == title
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == ["Peng Dehuai spoke first, then Chen Yi."]


def test_a_notes_first_line_run_into_the_text_line_above_it() -> None:
    doc = ingest_snippet(
        f"{OPENING}It ended.<sup>1</sup> The talks went on.<sup>2</sup>\n\n1Ibid., 4.\n\n"
        "Record Chinese plenum secret for normalization of sovereignty boundary 2Li Danhui, *Unwanted Visionaries*"
        " (Cambridge, MA: Harvard University Press, 2000), 200.\n\nnormalization discussed.\n"
    )
    assert (
        doc.notes["2"].text == "Li Danhui, *Unwanted Visionaries* (Cambridge, MA: Harvard University Press, 2000), 200."
    )
    assert without_page_marks(doc.paragraphs()[-1].text).endswith("of sovereignty boundary normalization discussed.")


def test_a_word_cut_where_a_line_set_line_by_line_wraps_is_whole() -> None:
    # A title page's long line wrapped by the typesetter: no hard break after it, a cut word, lower case going on.
    lines = ["Received: 24 March 2020  ", "Abstract  ", "Summit and a social-", "ist letter?  ", "Keywords ideology"]
    assert hard_lines(lines) == [
        "Received: 24 March 2020",
        "Abstract",
        "Summit and a socialist letter?",
        "Keywords ideology",
    ]
    assert hard_lines(["Sino-  ", "soviet", "Sino-", "Soviet"]) == [
        "Sino-",
        "soviet",
        "Sino-",
        "Soviet",
    ]  # broken there


def test_a_notes_rest_set_as_a_quotation_above_the_next_pages_quoted_notes() -> None:
    # pymupdf4llm sets a page's notes as quotations ("> 1Text"); note 1 ran on to the next page's foot, its page
    # having ended with a sentence: its rest stands there unnumbered, above note 2, set as the notes are.
    doc = ingest_snippet(
        f"{OPENING}The talks began.<sup>1</sup> They went on for days.\n\n"
        "> 1Wu Lengxi, *Ten Years of Polemics* (Beijing: Central Party Literature Press, 1999), 12. It is his account.\n\n"
        "— 2 —\n\nThe delegation left for Moscow that night.<sup>2</sup>\n\n"
        "> He wrote it down the same day.\n\n> 2Ibid., 14.\n"
    )
    assert doc.notes["1"].text.endswith("It is his account. He wrote it down the same day.")
    assert doc.notes["2"].text == "Ibid., 14."
    assert not [b for s in doc.sections for b in s.blocks if isinstance(b, Quotation)]


def test_a_footers_url_split_right_after_its_scheme() -> None:
    # pymupdf4llm: a space where the URL's line broke, right after "https://" (and its hyphens as U+00AD, which
    # leave the DOI without them: an extraction loss).
    footer = "W. Zhou (ed.), _The Cold War in East Asia_ , Cold War Series, https:// doi.org/10.1007/978\u00ad3\u00ad030\u00ad40178\u00ad9_7"
    doc = ingest_snippet(
        f"{OPENING}The crisis began when the guns opened fire and the whole\n\n{footer}\n\nworld held its breath.\n"
    )
    assert [v.value for v in doc.metadata.footer] == [
        "W. Zhou (ed.), _The Cold War in East Asia_ , Cold War Series, https://doi.org/10.1007/9783030401789_7"
    ]
    assert [p.text for p in doc.paragraphs()] == [
        "The crisis began when the guns opened fire and the whole world held its breath."
    ]


def test_the_title_again_under_a_pages_notes_is_a_head_on_pages_without_numbers() -> None:
    # A book's chapter whose pages print no number: its recto head, the chapter's title, opens the next page, right
    # under the notes of the page before.
    title = "The Chinese Normalization, 1965–1967"
    doc = ingest_snippet(
        f"# {title}\n\nAnna Example\n\nThe talks began in the spring.<sup>1</sup>\n\n> 1Ibid., 4.\n\n"
        f"{title}\n\nDoctrine and embassy were discussed.\n"
    )
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == [
        "The talks began in the spring.[^1]",
        "Doctrine and embassy were discussed.",
    ]


def test_a_label_set_at_the_height_of_the_first_pages_head_is_kept() -> None:
    # The first page's head and its number, and the text's label set above the title at the same height: one line.
    title = "Record of Conversation between Liu Shaoqi and Pavel Yudin"
    doc = ingest_snippet(
        f"{title} 233 Document 20\n\n# {title}\n\nBeijing, 2 October 1959\n\nThe talks began.\n\n"
        f"234 A Short History of Sino-Soviet Relations\n\nThey ended late.\n\n{title} 235\n\nNothing was agreed.\n"
    )
    assert (doc.metadata.label, doc.metadata.title) == ("Document 20", title)
    assert "233" not in " ".join(p.text for p in doc.paragraphs())


LAST_NOTES_REST = "of the talks. The delegation left Beijing after the plenum had ended, 45."


@pytest.mark.parametrize(
    "signature",
    ["Ambassador of the USSR in the PRC\n\nC. Yi", "Ambassador of the USSR in the PRC C. Yi"],
    ids=["title-and-name", "on-one-line"],
)
@pytest.mark.parametrize(
    "notes_rest",
    ["", f"\n\n> {LAST_NOTES_REST}", f"\n\n{LAST_NOTES_REST}"],
    ids=["alone", "last-notes-rest-quoted", "last-notes-rest"],
)
def test_a_signature_opening_the_last_page_is_no_head(signature: str, notes_rest: str) -> None:
    # The last page holds the head, its number and the signature alone (and at its foot, perhaps, the rest of the
    # last note): a line set as a title there, with nothing or a name under it to the text's end, closes the text.
    doc = ingest_snippet(
        f"{OPENING}The talks began in the spring.<sup>1</sup>\n\n<sup>1</sup> Ibid., the minutes\n\n"
        f"2 Cold War History 21(3)\n\n{signature}{notes_rest}\n"
    )
    kept = " ".join(
        [
            *(p.text for p in doc.paragraphs()),
            *(line for s in doc.sections for b in s.blocks if isinstance(b, Signature | LineGroup) for line in b.lines),
        ]
    )
    assert "Ambassador of the USSR in the PRC" in kept and "C. Yi" in kept
    assert "Cold War History" not in kept


def test_the_first_pages_head_over_a_label_set_as_a_heading_is_no_front_line() -> None:
    title = "Cable and Embassy in the Sino-Soviet Alliance"
    doc = ingest_snippet(f"{title}\n\n#### CHAPTER 15\n\n# **{title}**\n\n### Elena Sokolova\n\nThe talks began.\n")
    assert (doc.metadata.label, doc.metadata.title) == ("CHAPTER 15", title)
    assert doc.front == []
    assert [p.text for p in doc.paragraphs()] == ["The talks began."]


def test_a_notes_marker_set_on_a_line_of_its_own_after_its_sentence() -> None:
    doc = ingest_snippet(
        f"{OPENING}It began.<sup>1</sup> It was a record?\n\n2\n\nRailway drafted a treaty.\n\n"
        "<sup>1</sup> Ibid., 3.\n\n<sup>2</sup> Ibid., 4.\n"
    )
    assert [p.text for p in doc.paragraphs()] == ["It began.[^1] It was a record?[^2]", "Railway drafted a treaty."]
    assert doc.notes["2"].text == "Ibid., 4."
    assert doc.diagnostics == []


def test_a_notes_word_cut_at_a_page_end_goes_on_where_the_next_page_opens() -> None:
    # The body ended its sentence above the note; the note's last word was cut, and its rest opens the next page.
    doc = ingest_snippet(
        f"{OPENING}The talks began in the spring and ended.<sup>1</sup>\n\n"
        "<sup>1</sup> Wu Lengxi thought the delegation had ac-\n\n1\n\ncepted the terms at once.\n\n2\n"
    )
    assert doc.notes["1"].text == "Wu Lengxi thought the delegation had accepted the terms at once."
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == ["The talks began in the spring and ended.[^1]"]


def test_the_book_title_over_the_only_page_number_is_its_head() -> None:
    # A two-page chapter: the second page prints the book's title (which the first page's footer names) and its
    # number, and under them the rest of a note the first page cut.
    book = "Fraternal Rivals: China and the Soviet Union in the Cold War"
    doc = ingest_snippet(
        f"{OPENING}The talks began in the spring.<sup>1</sup>\n\n"
        "> 1James O'Connor, _Cold War Crucible_ (Washington, DC: Woodrow Wilson Center\n\n"
        f"> K. Halloran (eds.), _{book}_ , Cold War Series, https://doi.org/10.1007/978-3-030-10000-1_1\n\n"
        f"{book}\n\n2\n\nPress, 1996), 45.\n"
    )
    kept = [p.text for p in doc.paragraphs()] + [note.text for note in doc.notes.values()]
    assert kept[0] == "The talks began in the spring.[^1]"
    assert not [text for text in kept if book in text]


@pytest.mark.parametrize("mark", ["- ", "### "], ids=["list-item", "heading"])
def test_a_copyright_line_set_as_a_list_item_or_a_heading_is_the_footers(mark: str) -> None:
    # pymupdf4llm may print the first page's © line as a list item, or larger than its notes as a heading, its book
    # line under it
    doc = ingest_snippet(
        f"{OPENING}The talks began in the spring and went on\n\n{mark}© The Author(s) 2002\n\n"
        "J. Kim and W. Zhou (eds.), _A Short History_ , Cold War Series, https://doi.org/10.1007/978-3-030-11184-6_16\n\n"
        "until the summer.\n"
    )
    assert [c.value for c in doc.metadata.copyright] == ["The Author(s) 2002"]
    assert [p.text for p in doc.paragraphs()] == ["The talks began in the spring and went on until the summer."]


def test_a_numbered_list_item_set_small_above_a_note_of_its_number_is_text() -> None:
    # pymupdf4llm quotes a list set at the page's foot, above the page's notes: "> 1. …" is the list's first item,
    # "> 1Elena …" the note.
    doc = ingest_snippet(
        f"{OPENING}The talks began.<sup>1</sup>\n\n> 1. Withdraw the experts.\n\n"
        "> 1Elena Sokolova, _Two Suns in the Heavens_ (2012), 201.\n\n2. Recall the ambassador.\n"
    )
    assert [note.text for note in doc.notes.values()] == ["Elena Sokolova, _Two Suns in the Heavens_ (2012), 201."]
    assert not doc.diagnostics
    assert "Withdraw the experts." in " ".join(b.text for b in doc.paragraphs())


def test_a_numbered_lists_first_item_quoted_at_a_page_foot_is_the_lists() -> None:
    # pymupdf4llm quotes the indented first item of a list that a page's foot cut; the list goes on ("2. …").
    doc = ingest_snippet(
        f"{OPENING}The talks began.<sup>1</sup>\n\n> 1. Withdraw the experts.\n\n"
        "> 1Elena Sokolova, _Two Suns in the Heavens_ (2012), 201.\n\n110\n\n2. Recall the ambassador.\n"
    )
    assert not [b for s in doc.sections for b in s.blocks if isinstance(b, Quotation)]
    assert [p.text for p in doc.paragraphs()][-2:] == ["1. Withdraw the experts.", "2. Recall the ambassador."]


def test_a_notes_rest_under_a_body_cut_in_mid_word_above_the_pages_notes() -> None:
    # page 2: the body ends in a cut word ("bilat-"), then the rest of note 1 (no number: it starts with a capital,
    # which no cut word goes on with), then note 2; page 3 goes on with the word's rest ("eral")
    doc = ingest_snippet(
        f"{OPENING}The archive says so.<sup>1</sup> The talks went on.\n\n"
        "1Archive of the talks, letters and a record that the delegation\n\n"
        "It began again.<sup>2</sup> Credits and a bilat\u00ad \n\n"
        "Mao Zedong ambassador letter of the spring.\n\n2Ibid., 3.\n\n"
        "eral agreement followed.\n"
    )
    assert [p.text for p in doc.paragraphs()][-1] == "It began again.[^2] Credits and a bilateral agreement followed."
    assert doc.notes["1"].text.endswith("delegation Mao Zedong ambassador letter of the spring.")


@pytest.mark.parametrize(
    ("notes", "page_top"),
    [
        ("<sup>1</sup> Ibid., 4.\n\n<sup>2</sup> Elena Sokolova, _Two Suns_ (2012), 201.", "<sup>2</sup> A Shanghai"),
        ("> 1Ibid., 4.\n\n> 2Elena Sokolova, _Two Suns_ (2012), 201.", "2 A Shanghai"),  # as pymupdf4llm prints it
    ],
    ids=["sup", "plain-number"],
)
def test_a_marker_that_opens_the_next_page_is_the_sentence_above_s(notes: str, page_top: str) -> None:
    # the marker of note 2, which ends the first page's last sentence, printed at the top of the next page: no
    # second note 2, and the paragraph goes on
    doc = ingest_snippet(
        f"{OPENING}The archive says so.<sup>1</sup> The talks went on in rapprochement?\n\n{notes}\n\n109\n\n"
        f"{page_top} secret was kept.\n\nIt ended.<sup>3</sup>\n\n<sup>3</sup> Ibid., 9.\n\n110\n"
    )
    assert not doc.diagnostics
    assert doc.notes["2"].text == "Elena Sokolova, _Two Suns_ (2012), 201."
    assert [without_page_marks(p.text) for p in doc.paragraphs()][:1] == [
        "The archive says so.[^1] The talks went on in rapprochement?[^2] A Shanghai secret was kept."
    ]


@pytest.mark.parametrize(
    "epigraph",
    [
        "Drafted propaganda cable to experts.\n\n> — Nikita Khrushchev, 1962",  # the attribution indented, so quoted
        "> Drafted propaganda cable to experts.\n\n— Nikita Khrushchev, 1962",  # the attribution set apart
    ],
    ids=["attribution-quoted", "attribution-apart"],
)
def test_an_epigraph_one_of_whose_parts_is_quoted(epigraph: str) -> None:
    doc = ingest_snippet(f"# A Title\n\nYafeng Xia\n\n{epigraph}\n\nThe talks began.\n")
    [read] = doc.metadata.epigraphs
    assert ([p.text for p in read.paragraphs], read.attribution) == (
        ["Drafted propaganda cable to experts."],
        "Nikita Khrushchev, 1962",
    )
    assert [p.text for p in doc.paragraphs()] == ["The talks began."]


def test_a_sentences_end_and_its_marker_set_as_a_heading_at_a_pages_top() -> None:
    # pymupdf4llm set the last word of a paragraph, opening the next page, in a heading's size
    doc = ingest_snippet(
        f"{OPENING}{FILLER}The cable about the border reached Stepan\n\nxiii\n\n### Chervonenko.<sup>1</sup>\n\n"
        "That lasted.\n\n"
        "<sup>1</sup> Ibid., 4.\n\nxiv\n"
    )
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == [
        f"{FILLER}The cable about the border reached Stepan Chervonenko.[^1]",
        "That lasted.",
    ]


def test_a_page_number_that_says_so_run_into_the_last_notes_end() -> None:
    # the one page's "Page 17" at its foot, which the extraction ran into the last note's line
    doc = ingest_snippet(
        f"{OPENING}The archive says so.<sup>1</sup>\n\n"
        "> 1Mei Lin, _Unwanted Visionaries_ (Washington, DC: Woodrow Wilson Center Press, 2003), 418. Page 17\n"
    )
    assert (
        doc.notes["1"].text
        == "Mei Lin, _Unwanted Visionaries_ (Washington, DC: Woodrow Wilson Center Press, 2003), 418."
    )


def test_a_footers_doi_cut_after_a_soft_hyphen_and_quoted() -> None:
    # pymupdf4llm quotes the foot's small type and prints the DOI's hyphens as soft hyphens, one ending a row
    doc = ingest_snippet(
        f"{OPENING}The delegation accepted the terms.\n\n"
        "> A. Tanaka and S. Volkov (eds.), _The Cold War in East Asia_ , Cold War Series, "
        "https://doi.org/10.1007/978\u00ad3\u00ad\n\n> 030\u00ad16352\u00ad1_21\n\nIt ended.\n"
    )
    # whole, its hyphens lost as the extraction lost them (soft hyphens are break points, read as none)
    assert [line.value for line in doc.metadata.footer] == [
        "A. Tanaka and S. Volkov (eds.), _The Cold War in East Asia_ , Cold War Series, "
        "https://doi.org/10.1007/9783030163521_21"
    ]
    assert [p.text for p in doc.paragraphs()] == ["The delegation accepted the terms.", "It ended."]


def test_a_verso_head_facing_the_title_again_on_pages_without_numbers() -> None:
    # A chapter of three pages that print no number: the second opens with the book's title (its verso head, which
    # nothing else in the text names), the third with the chapter's title (its recto head), each under the notes
    # or footer that end the page before.
    title = "Plenum in Hanoi: The Decisive Congress of 1974"
    book = "Fraternal Rivals: China and the Soviet Union in the Cold War"
    doc = ingest_snippet(
        f"# {title}\n\nAnna Example\n\nThe talks began in the spring.<sup>1</sup>\n\n> 1Ibid., 4.\n\n"
        f"{book}\n\nDoctrine and embassy were discussed.<sup>2</sup>\n\n> 2Ibid., 5.\n\n"
        f"{title}\n\nThe delegation left.\n"
    )
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == [
        "The talks began in the spring.[^1]",
        "Doctrine and embassy were discussed.[^2]",
        "The delegation left.",
    ]
    # the title's year is the title's, not a page number
    assert not [block for block in doc.blocks if getattr(block, "page", "")]


def test_a_notes_rest_set_as_a_list_item_above_the_first_pages_footer() -> None:
    # pymupdf4llm sets a page's note lines as list items: the last note's rest, under it, above the first page's
    # footer, on a page that prints no number
    doc = ingest_snippet(
        f"{OPENING}The talks began in the spring.<sup>1</sup>\n\n"
        "- 1James O'Connor, _Mao's China and the Cold War_ (Stanford: Stanford University Press,\n\n- 1997), 57.\n\n"
        "D. Hart and W. Zhou (eds.), _The Cold War in East Asia_ , Cold War Series, "
        "https://doi.org/10.1007/978-3-030-73637-7_9\n\nThey ended late.\n"
    )
    assert doc.notes["1"].text.endswith("Stanford University Press, 1997), 57.")
    assert [p.text for p in doc.paragraphs()] == ["The talks began in the spring.[^1]", "They ended late."]


def test_a_first_pages_head_over_a_label_and_a_title_ending_in_a_year_is_no_contents_line() -> None:
    # the first page's head, the title and its roman page number, over "CHAPTER 24" and the title: three lines
    # that end with a number, but a label and a heading are no table of contents
    title = "Visit in Moscow: The Formal Visit of 1953"
    doc = ingest_snippet(
        f"{title} v\n\nCHAPTER 24\n\n# {title}\n\nJi-won Kim\n\n{FILLER}\n\nvi The Cold War in East Asia\n\n"
        f"{FILLER}\n\n{title} vii\n\n{FILLER}\n"
    )
    assert doc.metadata.title == title
    assert doc.metadata.label == "CHAPTER 24"
    assert not [p for p in doc.paragraphs() if title in p.text]


def test_a_title_set_smaller_than_its_numbered_sections() -> None:
    # pymupdf4llm sets a LaTeX paper's title in bold and its sections, larger, as level-1 headings
    doc = ingest_snippet(
        "**The Chinese Garrison, 1965–1976**\n\nAiko Tanaka\n\n# **1 Chinese boundary and the border**\n\n"
        "The talks began.\n\n# **2 Ideological delegation and the hierarchy**\n\nThey ended.\n"
    )
    assert doc.metadata.title == "The Chinese Garrison, 1965–1976"
    assert [a.name for a in doc.metadata.people] == ["Aiko Tanaka"]
    assert [(s.number, s.title) for s in doc.sections if s.title] == [
        ("1", "Chinese boundary and the border"),
        ("2", "Ideological delegation and the hierarchy"),
    ]


@pytest.mark.parametrize(
    ("book_line", "page"),
    [
        (
            "K. Halloran (ed.), _The Cold War in East Asia_ , Cold War Series, https://doi.org/10.1007/978-3-030-18982-5_4 Page 17",
            "",
        ),
        (
            "- K. Halloran (ed.), _The Cold War in East Asia_ , Cold War Series, https://doi.org/10.1007/978-3-030-18982-5_4",
            "\n\nPage 17",
        ),
    ],
    ids=["page-number-that-says-so-after-the-url", "set-as-a-list-item"],
)
def test_a_first_pages_book_line_as_pymupdf4llm_may_print_it(book_line: str, page: str) -> None:
    doc = ingest_snippet(
        f"{OPENING}The talks began in the spring and went on\n\n> © The Author(s) 2016\n\n{book_line}{page}\n\n"
        f"The Cold War in East Asia\n\nPage 18\n\nuntil the summer.\n"
    )
    assert [line.value for line in doc.metadata.footer] == [
        "K. Halloran (ed.), _The Cold War in East Asia_ , Cold War Series, https://doi.org/10.1007/978-3-030-18982-5_4"
    ]
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == [
        "The talks began in the spring and went on until the summer."
    ]


def test_a_quotation_at_a_pages_foot_marking_the_next_note_is_no_notes_rest() -> None:
    # set small right above the page's quoted notes, as they are, but it marks note 3, whose text is still to come
    doc = ingest_snippet(
        f"{OPENING}The talks began.<sup>1</sup>\n\n> 1Ibid., 4.\n\n17\n\nThey went on.<sup>2</sup>\n\n"
        "> The delegation insisted on the terms.<sup>3</sup>\n\n> 2Ibid., 5.\n\n> 3Ibid., 6.\n"
    )
    assert doc.notes["1"].text == "Ibid., 4."
    assert [type(b).__name__ for b in doc.sections[0].blocks][-1] == "Quotation"


@pytest.mark.parametrize(
    "signature",
    ["Ambassador of the USSR in the PRC\n\n## L. Shaoqi", "## Ambassador of the USSR in the PRC\n\nL. Shaoqi"],
    ids=["name", "title"],
)
def test_a_signatures_line_set_as_a_heading_at_the_texts_end(signature: str) -> None:
    doc = ingest_snippet(f"{OPENING}The talks began and ended well.\n\n{signature}\n")
    assert len(doc.sections) == 1
    assert [b.lines for b in doc.sections[0].blocks if isinstance(b, Signature)] == [
        ["Ambassador of the USSR in the PRC", "L. Shaoqi"]
    ]


def test_a_signatures_name_set_as_a_heading_under_its_first_line_run_onto_the_last_paragraph() -> None:
    # the extraction ran the signature's first line onto the paragraph and set its name large; the notes follow
    doc = ingest_snippet(
        f"{OPENING}Мы встретились с товарищем Мао.<sup>1</sup>\n\n"
        "В заключение он поблагодарил китайских товарищей. Ambassador of the USSR in the PRC\n\n## P. Yudin\n\n"
        "<sup>1</sup> АПРФ, ф. 45, оп. 1, д. 331, л. 2.\n"
    )
    assert len(doc.sections) == 1
    assert [getattr(b, "text", getattr(b, "lines", None)) for b in doc.sections[0].blocks][1:] == [
        "В заключение он поблагодарил китайских товарищей.",
        ["Ambassador of the USSR in the PRC", "P. Yudin"],
    ]
    assert doc.notes["1"].text.startswith("АПРФ")


def test_a_signatures_name_inside_a_cut_sentence_where_pages_print_their_numbers_at_the_foot() -> None:
    # The last page: the body's rest, the signature's first line run onto it, its name, the last note's rest, the
    # page's number. The name stands where no page is cut (numbered pages are cut at their foot): no head.
    doc = ingest_snippet(
        f"{OPENING}{FILLER}The talks went on.<sup>1</sup> After\n\n"
        "<sup>1</sup> Alliance after relations in delegation Liu Shaoqi and\n\n233\n\n"
        "insisted normalization strategy confirmed after welcomed. Ambassador of the USSR in the PRC\n\n"
        "M. Suslov\n\ncongress relations insisted long boundary garrison for.\n\n234\n"
    )
    assert [(page.number, page.furniture) for page in doc.pages] == [("233", []), ("234", ["233", "234"])]
    assert [getattr(b, "text", getattr(b, "lines", None)) for b in doc.sections[0].blocks][-1] == [
        "Ambassador of the USSR in the PRC",
        "M. Suslov",
    ]
    assert without_page_marks(doc.paragraphs()[-1].text).endswith(
        "The talks went on.[^1] After insisted normalization strategy confirmed after welcomed."
    )
    assert doc.notes["1"].text.endswith("Liu Shaoqi and congress relations insisted long boundary garrison for.")


def test_a_heading_alone_closing_the_text_under_a_finished_paragraph_stays_a_heading() -> None:
    doc = ingest_snippet(f"{OPENING}The talks went on into the night.\n\n## P. Yudin\n")
    assert [s.title for s in doc.sections] == ["", "P. Yudin"]


def test_a_verso_head_facing_the_first_pages_head_on_pages_without_numbers() -> None:
    # A two-page chapter: its title over the first page (its recto head), the book's title over the second, right
    # under the first page's footer
    title = "Delegate in Lüshun: The Uneasy Record of 1945"
    book = "Fraternal Rivals: China and the Soviet Union in the Cold War"
    doc = ingest_snippet(
        f"{title}\n\nCHAPTER 21\n\n# {title}\n\nAnna Example\n\nThe talks began in the spring.\n\n"
        "© The Author(s) 2023\n"
        "J. Kim (eds.), _A Short History_ , Cold War Series, https://doi.org/10.1007/978-3-030-45841-2_21\n\n"
        f"{book}\n\nDoctrine and embassy were discussed.\n"
    )
    assert [p.text for p in doc.paragraphs()] == [
        "The talks began in the spring.",
        "Doctrine and embassy were discussed.",
    ]


def test_a_verso_head_over_only_the_last_notes_rest_facing_the_first_pages_head() -> None:
    # A two-page chapter: its title over the first page (its recto head); the second page holds the book's title,
    # under the first page's number at its foot, and the rest of the last note alone: no signature's title
    title = "Visit and Visit in the Sino-Soviet Alliance"
    book = "Fraternal Rivals: China and the Soviet Union in the Cold War"
    doc = ingest_snippet(
        f"{title}\n\nCHAPTER 2\n\n# {title}\n\nLi Danhui\n\n{FILLER}\n\nThe talks began in the spring.<sup>1</sup>\n\n"
        "<sup>1</sup>Strategy welcomed telegram proposed in leadership boundary\n\n© The Author(s) 2018\n\n17\n\n"
        f"{book}\n\nconference after alliance lasting secret cable.\n\n18\n"
    )
    assert doc.pages[-1].furniture == ["17", book, "18"]
    assert doc.notes["1"].text.endswith("boundary conference after alliance lasting secret cable.")
    assert [without_page_marks(p.text) for p in doc.paragraphs()][-1] == "The talks began in the spring.[^1]"


@pytest.mark.parametrize(
    ("cut", "rest", "number"),
    [
        pytest.param("https://doi.org/10.1007/978-", "3-030-16108-2_21", "3", id="after-a-hyphen"),
        pytest.param("https://doi.org/", "10.1007/978-3-030-16108-2_21", "10", id="after-the-host"),
    ],
)
def test_a_footers_url_rest_quoted_is_no_note_of_the_number_it_opens_with(cut: str, rest: str, number: str) -> None:
    # the DOI cut at a line's end, its rest ("3-030-…", "10.1007/…") quoted on the next row as the foot's small
    # type is: no note 3 or 10 (nor 1, its first digit: "0.1007/…")
    doc = ingest_snippet(
        f"{OPENING}It went on.<sup>1</sup> The talks began.<sup>{number}</sup>\n\n> 1Ibid., 3.\n\n> {number}Ibid., 4.\n\n"
        f"> M. Lin (eds.), _A Short History_ , Cold War Series, {cut} \n\n> {rest} \n\nThey ended.\n"
    )
    assert doc.notes[number].text == "Ibid., 4."
    assert [line.value for line in doc.metadata.footer] == [
        "M. Lin (eds.), _A Short History_ , Cold War Series, https://doi.org/10.1007/978-3-030-16108-2_21"
    ]


def test_numbered_items_run_together_on_one_line_are_items() -> None:
    doc = ingest_snippet(
        f"{OPENING}The sides agreed on these points.\n\n"
        "1. The border talks go on in Beijing. 2. Trade grows by a tenth. 3. Experts return in 1960.\n"
    )
    assert [p.text for p in doc.paragraphs()] == [
        "The sides agreed on these points.",
        "1. The border talks go on in Beijing.",
        "2. Trade grows by a tenth.",
        "3. Experts return in 1960.",
    ]


def test_a_signatures_name_over_the_last_page_number_is_no_head() -> None:
    # the name's words stand in the first page's running text ("Liu Shaoqi", "l. 2"): no head says them for that
    doc = ingest_snippet(
        f"{OPENING}{FILLER}Liu Shaoqi spoke first (l. 2).\n\n1\n\n{FILLER}\n\n2\n\n"
        "The talks ended.\n\nAmbassador of the USSR in the PRC\n\nL. Shaoqi\n\n3\n"
    )
    kept = [line for s in doc.sections for b in s.blocks if isinstance(b, Signature) for line in b.lines]
    assert kept == ["Ambassador of the USSR in the PRC", "L. Shaoqi"]


def test_a_copyright_line_run_onto_a_notes_word_cut_at_the_line_end() -> None:
    # the first page's © line printed at the height of the last note's line, which ends in a cut word ("ca-")
    doc = ingest_snippet(
        f"{OPENING}The talks began.<sup>1</sup>\n\n<sup>1</sup> The archive holds the ca-© The Author(s) 2010  \n"
        "M. Lin (eds.), _The Cold War in East Asia_, Cold War Series, https://doi.org/10.1007/978-3-030-48063-6_9\n\n"
        "— 17 —\n\nble of 1959, 4.\n"
    )
    assert [c.value for c in doc.metadata.copyright] == ["The Author(s) 2010"]
    assert doc.notes["1"].text == "The archive holds the cable of 1959, 4."


def test_a_head_under_the_first_pages_footer_is_no_contents_line() -> None:
    # the footer's © line and its DOI end with numbers ("2019", the DOI's "_ 20" rest), as a table of contents'
    # lines do; the head under them, "— 18 — The Cold War in East Asia", is a head, inside the sentence the page cut
    doc = ingest_snippet(
        f"{OPENING}The talks began in the spring and went on in the Cold\n\n© The Author(s) 2019  \n"
        "L. Danhui (eds.), _The Cold War in East Asia_, Cold War Series, https://doi.org/10.1007/978-3-030-29326-8_ 20\n\n"
        f"— 18 — The Cold War in East Asia\n\nWar until the summer.\n\n{FILLER}\n\nA Title — 19 —\n\n{FILLER}\n"
    )
    assert (
        without_page_marks(doc.paragraphs()[0].text)
        == "The talks began in the spring and went on in the Cold War until the summer."
    )
    assert [page.number for page in doc.pages] == ["17", "18", "19"]  # the first page's, one before the first printed


def test_a_notes_rest_above_the_next_pages_notes_inside_a_sentence_the_page_cut() -> None:
    # note 1 ended its page with a sentence; its rest opens with a capital at the next page's foot, above note 2,
    # under the body cut in mid-sentence, which goes on in lower case after the page
    doc = ingest_snippet(
        f"{OPENING}The talks began.<sup>1</sup>\n\n<sup>1</sup> Ibid., 4. So the minutes say.\n\n16\n\n"
        "The delegates spoke of the treaty.<sup>2</sup> They went on after\n\n"
        "Railway experts said so too.\n\n<sup>2</sup> Ibid., 5.\n\n17\n\nthe plenum had ended.\n"
    )
    assert doc.notes["1"].text == "Ibid., 4. So the minutes say. Railway experts said so too."
    assert [without_page_marks(p.text) for p in doc.paragraphs()][-1] == (
        "The delegates spoke of the treaty.[^2] They went on after the plenum had ended."
    )


def test_a_title_cut_at_a_hyphen_over_two_headings_is_whole() -> None:
    doc = ingest_snippet(
        "# **Communique and Island in the Sino-Soviet Al-**\n\n# **liance**\n\nSergei Volkov\n\nText.\n"
    )
    assert doc.metadata.title == "Communique and Island in the Sino-Soviet Alliance"


def test_a_page_number_that_says_so_set_as_a_heading() -> None:
    doc = ingest_snippet(
        f"{OPENING}The talks began and went on\n\n> 1Ibid., 4.\n\nPage 401\n\n##### Page 402\n\nuntil the summer.<sup>1</sup>\n"
    )
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == [
        "The talks began and went on until the summer.[^1]"
    ]
    assert [page.number for page in doc.pages] == ["401", "402"]


def test_a_verso_head_alone_under_the_notes_of_a_two_page_article() -> None:
    # the book's title over the second page, nothing facing it (the first page prints no head), no page numbers:
    # in an extraction that marks its headings, a title alone in the running text's weight there is the head
    book = "Fraternal Rivals: China and the Soviet Union in the Cold War"
    doc = ingest_snippet(
        f"{OPENING}The talks began in the spring.<sup>1</sup>\n\n<sup>1</sup> Ibid., 4.\n\n{book}\n\n{FILLER}\n"
    )
    assert [p.text for p in doc.paragraphs()] == ["The talks began in the spring.[^1]", FILLER.strip()]


def test_a_word_of_the_title_printed_again_above_it_is_dropped_and_reported() -> None:
    # pymupdf4llm, where Typst justified a title's first line wide: "of" on its own, then the whole title
    doc = ingest_snippet(
        "# **of**\n\n# **Memorandum of Conversation between Stepan Chervonenko and Leonid Brezhnev**\n\n"
        "Vladivostok, 28 July 1986\n\nThe talks began.\n"
    )
    assert doc.metadata.title == "Memorandum of Conversation between Stepan Chervonenko and Leonid Brezhnev"
    assert doc.front == []
    assert [(r.line, r.kind) for r in doc.repairs] == [(1, "duplicate")]


def test_a_byline_above_the_title_that_its_words_name_stays() -> None:
    doc = ingest_snippet("Mao Zedong\n\n# Mao Zedong on the Soviet Union\n\nThe talks began.\n")
    assert [p.name for p in doc.metadata.people] == ["Mao Zedong"]
    assert doc.repairs == []


def test_the_title_again_set_as_a_heading_under_a_page_number_is_a_recto_head() -> None:
    # the page before ends a sentence (a note's rest, unquoted, above the page's notes, could end it too)
    doc = ingest_snippet(
        f"# Polemics and Frontier\n\nAnna Example\n\n{FILLER}They parted.<sup>1</sup>\n\n> 1Ibid., 4.\n\nxii\n\n"
        f"### Polemics and Frontier\n\n{FILLER}\n"
    )
    assert [s.heading for s in doc.sections if s.heading] == []
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == [f"{FILLER}They parted.[^1]", FILLER.strip()]
    assert [page.number for page in doc.pages] == ["xi", "xii"]


def test_the_title_under_the_first_pages_number_stays_the_title() -> None:
    doc = ingest_snippet(f"1\n\n# Polemics and Frontier\n\nAnna Example\n\n{FILLER}\n\n2\n\n{FILLER}\n")
    assert doc.metadata.title == "Polemics and Frontier"


def test_a_lists_first_item_run_onto_the_paragraph_above_is_an_item() -> None:
    doc = ingest_snippet(
        f"{OPENING}The talks were postponed? • Military talks went on in the spring.\n\n"
        "- Credits were discussed.\n\nThe delegates left.\n"
    )
    assert [p.text for p in doc.paragraphs()] == [
        "The talks were postponed?",
        "• Military talks went on in the spring.",
        "- Credits were discussed.",
        "The delegates left.",
    ]


def test_a_printed_bullet_in_a_paragraph_with_no_list_under_it_stays() -> None:
    doc = ingest_snippet(f"{OPENING}Vol. 3 was out. • No. 2 followed.\n\nThe delegates left.\n")
    assert [p.text for p in doc.paragraphs()] == ["Vol. 3 was out. • No. 2 followed.", "The delegates left."]


@pytest.mark.parametrize(
    "after_the_cut",
    [
        "Press.\n\nAiko Tanaka. 2014. *The Split*. Washington, DC: Wilson Center Press.\n",  # a paragraph of its own
        "Press.  \nAiko Tanaka. 2014. *The Split*. Washington, DC: Wilson Center Press.\n",  # over the next entries
    ],
)
def test_a_reference_entrys_last_line_parted_from_it_goes_on(after_the_cut: str) -> None:
    doc = ingest_snippet(
        f"{OPENING}The talks began.\n\n## References\n\n"
        "Daniel Hart. 2002. *Shadow Cold War*. Stanford: Stanford University Press.  \n"
        f"Sergei Volkov. 2006. *Mao and the Partnership*. Chapel Hill: University of North Carolina\n\n{after_the_cut}"
    )
    references = [b.text for s in doc.sections for b in s.blocks if isinstance(b, Reference)]
    assert references == [
        "Daniel Hart. 2002. *Shadow Cold War*. Stanford: Stanford University Press.",
        "Sergei Volkov. 2006. *Mao and the Partnership*. Chapel Hill: University of North Carolina Press.",
        "Aiko Tanaka. 2014. *The Split*. Washington, DC: Wilson Center Press.",
    ]


def test_a_quoted_block_under_a_quoted_note_that_leaves_a_bracket_open_is_its_rest() -> None:
    doc = ingest_snippet(
        f"{OPENING}The talks began.<sup>1</sup>\n\n> 1Elena Sokolova, *Mao and the Partnership* (Washington,\n\n"
        "> DC: Woodrow Wilson Center Press, 2009), 108.\n"
    )
    assert doc.notes["1"].text == (
        "Elena Sokolova, *Mao and the Partnership* (Washington, DC: Woodrow Wilson Center Press, 2009), 108."
    )
    assert [p.text for p in doc.paragraphs()] == ["The talks began.[^1]"]


def test_a_shortened_recto_head_over_the_first_page_is_a_head() -> None:
    doc = ingest_snippet(
        "Memorandum of Conversation between Anastas Mikoyan and Stepa\n\nDocument 10\n\n"
        "# Memorandum of Conversation between Anastas Mikoyan and Stepan Chervonenko\n\nThe talks began.\n"
    )
    assert doc.front == []
    assert doc.metadata.label == "Document 10"


@pytest.mark.parametrize("opening", ["", "**Liu Shaoqi:** "])  # a paragraph, a speaker's turn
def test_a_pages_first_line_printed_as_an_item_in_lower_case_goes_on_with_the_cut_sentence(opening: str) -> None:
    doc = ingest_snippet(
        f"{OPENING}The meeting opened.\n\n{opening}The talks went on until<sup>1</sup>\n\n<sup>1</sup> Ibid., 4.\n\n"
        "Page 17\n\n- the summer had ended.\n\n- Credits were discussed.\n"
    )
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == [
        "The meeting opened.",
        f"{opening}The talks went on until[^1] the summer had ended.",
        "- Credits were discussed.",
    ]


def test_a_notes_rest_printed_under_the_next_pages_note_goes_on_the_open_note() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}The talks began.<sup>1</sup>\n\n> 1Aiko Tanaka, *The Split* (Stanford: Stanford UP, 2020),\n\n"
        "111\n\nThey went on.<sup>2</sup>\n\n> 2Ibid., 4.\n\n151.\n"
    )
    assert doc.notes["1"].text == "Aiko Tanaka, *The Split* (Stanford: Stanford UP, 2020), 151."
    assert doc.notes["2"].text == "Ibid., 4."
    assert [without_page_marks(p.text) for p in doc.paragraphs()][-1] == "They went on.[^2]"


def test_a_first_page_footers_doi_cut_before_the_chapters_number_keeps_it() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\n© The Author(s) 2019  \nE. Sokolova (ed.), *The Cold War in East Asia*, "
        "https://doi.org/10.1007/978-3-030-67303-9_  \n19\n\n1\n"
    )
    assert [f.value for f in doc.metadata.footer] == [
        "E. Sokolova (ed.), *The Cold War in East Asia*, https://doi.org/10.1007/978-3-030-67303-9_19"
    ]
    assert [page.number for page in doc.pages] == ["1"]


def test_a_notes_cut_word_goes_on_under_the_next_pages_body() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}The talks began.<sup>1</sup>\n\n<sup>1</sup> Ibid., on the border in Xin-\n\n19\n\n"
        f"{FILLER}They went on.\n\njiang and elsewhere.\n\n20\n\nThe Xinjiang talks ended.\n"
    )
    assert doc.notes["1"].text == "Ibid., on the border in Xinjiang and elsewhere."
    assert [without_page_marks(p.text) for p in doc.paragraphs()][-2:] == [
        f"{FILLER}They went on.",
        "The Xinjiang talks ended.",
    ]


def test_a_pages_first_block_quoted_with_the_marker_of_the_sentence_above_is_the_bodys() -> None:
    # the marker of the page's last sentence printed at the next page's top, the block set in (quoted) with it
    doc = ingest_snippet(
        f"{OPENING}{FILLER}They met in Harbin.\n\n> 1РГАНИ, ф. 5, оп. 30, д. 335, л. 88.\n\n402\n\n"
        "> 1 The ambassador left.2 He came back.\n\n2Ibid., 4.\n"
    )
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == [
        f"{FILLER}They met in Harbin.[^1] The ambassador left.[^2] He came back."
    ]
    assert [(key, note.text) for key, note in doc.notes.items()] == [
        ("1", "РГАНИ, ф. 5, оп. 30, д. 335, л. 88."),
        ("2", "Ibid., 4."),
    ]


def test_an_abstract_line_inside_a_block_laid_out_line_by_line_heads_the_abstract() -> None:
    doc = ingest_snippet(
        "# A Title\n\nAnna Example\n\nReceived: 13 March 2018 / Accepted: 20 June 2018  \nAbstract  \n"
        "The talks on the border went on for a decade.  \nKeywords Cold War · archives · border\n\n"
        "## 1 The talks\n\nThe talks began.\n"
    )
    assert [d.label for d in doc.metadata.dates] == ["Received", "Accepted"]
    assert [p.text for p in doc.metadata.abstract] == ["The talks on the border went on for a decade."]
    assert doc.metadata.keywords == ["Cold War", "archives", "border"]
    assert doc.front == []


def test_a_word_on_the_title_page_laid_out_line_by_line_decides_a_hyphen() -> None:
    doc = ingest_snippet(
        "# A Title\n\nAnna Example\n\nReceived: 13 March 2018  \n"
        "The Stepan Chervonenko Papers were read there for a decade.  \nAnd more.\n\n"
        "The talks with Stepan Chervo-\nnenko began.\n"
    )
    assert [type(b).__name__ for b in doc.front] == ["LineGroup"]
    assert [p.text for p in doc.paragraphs()] == ["The talks with Stepan Chervonenko began."]


def test_a_titles_second_heading_that_opens_with_a_joining_word_goes_on_with_it() -> None:
    doc = ingest_snippet(
        "Document 19\n\n# **Memorandum**\n\n# **of Conversation between Alexei Kosygin and Stepan Chervonenko**\n\n"
        "Beijing, 2 October 1959\n\nThe talks began.\n"
    )
    assert doc.metadata.title == "Memorandum of Conversation between Alexei Kosygin and Stepan Chervonenko"


@pytest.mark.parametrize("break_", ["\n", "\n\n3\n\n"])  # a line's end, a page's
def test_a_word_cut_inside_emphasis_is_whole_again(break_: str) -> None:
    doc = ingest_snippet(f"{OPENING}{FILLER}They cited *Un\u00ad*{break_}*wanted Visionaries* and the record.\n")
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == [
        f"{FILLER}They cited *Unwanted Visionaries* and the record."
    ]


@pytest.mark.parametrize(
    ("rest", "next_item"),
    [
        ("> Andrei Gromyko left.<sup>1</sup>", "• Trade was discussed."),  # quoted: the item's hanging indent
        ("### Andrei Gromyko left.<sup>1</sup>", "- Trade was discussed."),  # a paragraph of its own, before the next
    ],
)
def test_a_list_items_rest_at_the_next_pages_top_goes_on_with_it(rest: str, next_item: str) -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\n• The talks went on and the ministry announced\n\n<sup>1</sup> Ibid., 4.\n\n110\n\n"
        f"{rest}\n\n{next_item}\n"
    )
    assert [without_page_marks(p.text) for p in doc.paragraphs()][1:] == [
        "• The talks went on and the ministry announced Andrei Gromyko left.[^1]",
        next_item,
    ]


def test_a_running_head_set_as_a_heading_on_one_page_is_the_head() -> None:
    head = "The China Quarterly 245"
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\n109\n\n{head}\n\n{FILLER}\n\n110\n\n{head}\n\n{FILLER}\n\n111\n\n#### {head}\n\n"
        f"{FILLER}\n\n112\n\n{head}\n\n{FILLER}\n"
    )
    assert [s.heading for s in doc.sections if s.heading] == []
    assert [page.number for page in doc.pages][-3:] == ["110", "111", "112"]


def test_a_note_set_as_a_heading_is_the_next_note() -> None:
    doc = ingest_snippet(
        f"{OPENING}The talks began.<sup>1</sup> They went on.<sup>2</sup>\n\n1Ibid., 4.\n\n#### 2Ibid., 209.\n"
    )
    assert [(key, note.text) for key, note in doc.notes.items()] == [("1", "Ibid., 4."), ("2", "Ibid., 209.")]
    assert [s.heading for s in doc.sections if s.heading] == []


def test_a_quotations_line_printed_plain_before_its_rest_on_the_next_page_is_the_quotations() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\n> The talks went on.\n\nThe delegates spoke of Joseph\n\nv\n\n"
        f"> Stalin and his heirs.\n\n{FILLER}\n\nvi\n\n{FILLER}\n"
    )
    quotations = [b for s in doc.sections for b in s.blocks if isinstance(b, Quotation)]
    assert [[without_page_marks(p.text) for p in q.paragraphs] for q in quotations] == [
        ["The talks went on.", "The delegates spoke of Joseph Stalin and his heirs."]
    ]


def test_a_word_cut_at_a_quotations_line_end_is_judged_by_the_texts_words() -> None:
    doc = ingest_snippet(
        f"{OPENING}Stepan Chervonenko arrived.\n\n> The talks with Stepan Chervo-\n> nenko went on.\n\nThey ended.\n"
    )
    quotations = [b for s in doc.sections for b in s.blocks if isinstance(b, Quotation)]
    assert [p.text for q in quotations for p in q.paragraphs] == ["The talks with Stepan Chervonenko went on."]


def test_a_list_items_name_cut_by_a_page_goes_on_with_the_item() -> None:
    doc = ingest_snippet(
        f"{OPENING}Liu Shaoqi arrived.\n\n1. The talks were held.\n\n2. The ministry sent Liu\n\n"
        "<sup>1</sup> Ibid., 4.\n\nxiii\n\nShaoqi to the talks.<sup>1</sup>\n\n3. Trade was discussed.\n"
    )
    assert [without_page_marks(p.text) for p in doc.paragraphs()][1:] == [
        "1. The talks were held.",
        "2. The ministry sent Liu Shaoqi to the talks.[^1]",
        "3. Trade was discussed.",
    ]


def test_a_numbered_lists_first_item_run_onto_the_paragraph_above_is_an_item() -> None:
    doc = ingest_snippet(f"{OPENING}The talks were held in 1959. 1. Trade was discussed.\n\n2. Borders were not.\n")
    assert [p.text for p in doc.paragraphs()] == [
        "The talks were held in 1959.",
        "1. Trade was discussed.",
        "2. Borders were not.",
    ]


def test_a_shortened_recto_head_alone_under_a_pages_notes_is_a_head() -> None:
    title = "Memorandum of Conversation between Mao Zedong and Peng Dehuai"
    doc = ingest_snippet(
        f"Document 21\n\n# {title}\n\nAVPRF, fond 0100, opis 46, papka 362, delo 12\n\n"
        f"{FILLER}The talks began.<sup>1</sup>\n\n1Ibid., 4.\n\n"
        f"Memorandum of Conversation between Mao Zedong and Peng Dehua\n\n> {FILLER}\n\ndemanded more.\n"
    )
    assert [page.furniture for page in doc.pages][-1] == [
        "Memorandum of Conversation between Mao Zedong and Peng Dehua"
    ]
    assert [without_page_marks(p.text)[:20] for p in doc.paragraphs()] == [FILLER[:20], FILLER[:20], "demanded more."]


def test_a_numbered_item_set_as_a_heading_at_a_pages_top_is_the_lists_next_item() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\n109\n\n{FILLER}\n\n1. The talks began.\n\n2. They went on.\n\n110\n\n"
        f"### 3. Andrei Gromyko left.\n\n{FILLER}\n\n111\n\n### 4. Conclusions\n\n{FILLER}\n"
    )
    assert [without_page_marks(p.text) for p in doc.paragraphs()][2:5] == [
        "1. The talks began.",
        "2. They went on.",
        "3. Andrei Gromyko left.",
    ]
    assert [s.heading for s in doc.sections if s.heading] == ["4 Conclusions"]


def test_a_copyright_statement_glued_to_the_end_of_a_pages_last_line_is_the_footer() -> None:
    doc = ingest_snippet(
        f"{OPENING}The talks began.<sup>1</sup>\n\n1Archive of the President (APRF), fond 45, l. 48. © The Author(s) 2001\n"
    )
    assert [v.value for v in doc.metadata.copyright] == ["The Author(s) 2001"]
    assert [note.text for note in doc.notes.values()] == ["Archive of the President (APRF), fond 45, l. 48."]


@pytest.mark.parametrize("items", [1, 2])
def test_an_epigraphs_attribution_read_as_a_lists_one_item_is_its_attribution(items: int) -> None:
    listed = "\n\n".join(["- Mao Zedong, 1927", "- Zhou Enlai, 1950"][:items])
    doc = ingest_snippet(f"{OPENING}A revolution is not a dinner party.\n\n{listed}\n\n## One\n\nThe body begins.\n")
    if items == 1:  # the extractor read the dash as a bullet
        assert [e.attribution for e in doc.metadata.epigraphs] == ["Mao Zedong, 1927"]
        assert [p.text for p in doc.paragraphs()] == ["The body begins."]
    else:  # a list of two items is a list
        assert doc.metadata.epigraphs == []
        assert [p.text for p in doc.paragraphs()][1:] == [
            "- Mao Zedong, 1927",
            "- Zhou Enlai, 1950",
            "The body begins.",
        ]


@pytest.mark.parametrize(
    ("heading", "kept"),
    [
        ("## **Chen Yi:** The talks went on.", False),  # a speaker's turn set in a heading's size
        ("## **Part 1:** The Alliance", True),  # a label and a title: no sentence
    ],
)
def test_a_speakers_turn_set_as_a_heading_is_the_turn(heading: str, kept: bool) -> None:
    doc = ingest_snippet(f"{OPENING}The record begins.\n\n{heading}\n\nThe record ends.\n")
    assert [s.heading for s in doc.sections if s.heading] == (["**Part 1:** The Alliance"] if kept else [])
    assert len(doc.paragraphs()) == (2 if kept else 3)


def test_a_notes_rest_set_as_a_list_item_under_it_goes_on_with_the_note() -> None:
    doc = ingest_snippet(
        f"{OPENING}The talks went on.<sup>1</sup> The delegates spoke of\n\n"
        "- 1Anton Petrov, *Mao* (Stanford: Stanford University Press,\n\n- 2018), 198.\n\ntrade and borders.\n"
    )
    assert [note.text for note in doc.notes.values()] == [
        "Anton Petrov, *Mao* (Stanford: Stanford University Press, 2018), 198."
    ]
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == [
        "The talks went on.[^1] The delegates spoke of trade and borders."
    ]


def test_a_notes_sentence_set_as_a_list_item_between_it_and_the_next_note() -> None:
    # pymupdf4llm set the note's second sentence as an item of its own, the next note quoted under it
    doc = ingest_snippet(
        f"{OPENING}The talks went on.<sup>1</sup> The delegates met.<sup>2</sup>\n\n"
        "- 1Of Nikita Khrushchev polemics leadership ended.\n\n- Ideology river Pavel Yudin politburo signed?\n\n"
        "> 2Elena Sokolova, _Shadow Cold War_ (Cambridge, MA: Harvard University Press, 2013), 296.\n"
    )
    assert [note.text for note in doc.notes.values()] == [
        "Of Nikita Khrushchev polemics leadership ended. Ideology river Pavel Yudin politburo signed?",
        "Elena Sokolova, _Shadow Cold War_ (Cambridge, MA: Harvard University Press, 2013), 296.",
    ]
    assert [p.text for p in doc.paragraphs()] == ["The talks went on.[^1] The delegates met.[^2]"]


def test_a_note_set_as_an_item_of_a_list_nested_under_a_notes_rest_set_as_one() -> None:
    # pymupdf4llm set a page's notes as a list, the third indented as an item of a list inside the second's rest
    doc = ingest_snippet(
        f"{OPENING}The talks went on.<sup>1</sup> The delegates met.<sup>2</sup>\n\n"
        "- 1Anton Petrov, *Mao* (Stanford: Stanford University Press,\n\n- 2018), 198.\n\n"
        "   - 2Archive of Foreign Policy of the Russian Federation (AVPRF), fond 0100, opis 46, l. 6.\n"
    )
    assert [note.text for note in doc.notes.values()] == [
        "Anton Petrov, *Mao* (Stanford: Stanford University Press, 2018), 198.",
        "Archive of Foreign Policy of the Russian Federation (AVPRF), fond 0100, opis 46, l. 6.",
    ]
    assert [without_page_marks(p.text) for p in doc.paragraphs()] == ["The talks went on.[^1] The delegates met.[^2]"]


def test_the_pages_notes_run_onto_the_bodys_last_line_after_a_title_in_italics() -> None:
    # pymupdf4llm ran the page's notes onto its last line, cut inside a title in italics, which the next page ends
    doc = ingest_snippet(
        f"{OPENING}{FILLER}The talks began.<sup>1</sup>\n\n> 1Ibid., 4.\n\n6\n\n"
        f"{FILLER}They went on.<sup>2</sup> The delegates met.<sup>3</sup> They read _Two Suns in the_ "
        "2Military formal treaty island denied? 3Archive of Foreign Policy (AVPRF), delo 12, l. 48.\n\n7\n\n"
        "_Heavens_ and left.\n"
    )
    assert [note.text for note in doc.notes.values()] == [
        "Ibid., 4.",
        "Military formal treaty island denied?",
        "Archive of Foreign Policy (AVPRF), delo 12, l. 48.",
    ]
    body = without_page_marks(doc.paragraphs()[-1].text).replace("_ _", " ")  # the italics closed at the page's end
    assert body.endswith("They went on.[^2] The delegates met.[^3] They read _Two Suns in the Heavens_ and left.")


def test_a_notes_rest_under_the_next_pages_body_when_a_rest_stands_between_the_notes_above() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\n109\n\n{FILLER}The talks went on.<sup>1</sup> The delegates met.<sup>2</sup> They spoke of\n\n"
        "1Archive of the President (APRF), fond 45, delo\n\n329, l. 62.\n\n2Confirmed history of the let-\n\n110\n\n"
        "trade and borders.<sup>3</sup> More was said.\n\nter in the archive.\n\n3Ibid., 420.\n"
    )
    assert [note.text for note in doc.notes.values()] == [
        "Archive of the President (APRF), fond 45, delo 329, l. 62.",
        "Confirmed history of the letter in the archive.",
        "Ibid., 420.",
    ]
    assert [without_page_marks(p.text) for p in doc.paragraphs()][1:] == [
        f"{FILLER}The talks went on.[^1] The delegates met.[^2] They spoke of trade and borders.[^3] More was said."
    ]


def test_a_series_head_set_as_a_heading_beside_a_page_number_is_the_head() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\nx\n\n### COLD WAR HISTORY PROJECT WORKING PAPER NO. 91\n\n{FILLER}\n\nxi\n\n"
        f"### The Crisis of 1958\n\n{FILLER}\n"
    )
    assert [s.heading for s in doc.sections if s.heading] == ["The Crisis of 1958"]  # a title ends with a year
    assert "WORKING" not in " ".join(p.text for p in doc.paragraphs())


def test_a_paragraphs_first_line_ended_with_a_hard_break_is_no_title_page() -> None:
    first = (
        "The talks began in the spring of that year and went on.<sup>1</sup> The delegates met in Moscow, Beijing,"
        " Harbin and Shanghai"
    )
    doc = ingest_snippet(
        f"# Memorandum of Conversation\n\nArchive of the President (APRF), fond 45, opis 1, delo 329  \n"
        f"Vladivostok, 28 July 1986\n\n{first}  \nand spoke of trade.<sup>2</sup>\n\n<sup>1</sup> Ibid., 4.\n\n"
        "<sup>2</sup> Ibid., 5.\n"
    )
    assert [p.text for p in doc.paragraphs()] == [
        "The talks began in the spring of that year and went on.[^1] The delegates met in Moscow, Beijing, Harbin and"
        " Shanghai and spoke of trade.[^2]"
    ]
    assert doc.front == []


def test_a_running_head_set_as_a_heading_under_a_pages_notes_is_the_head() -> None:
    head = "COLD WAR HISTORY PROJECT WORKING PAPER NO. 28"
    doc = ingest_snippet(
        f"{OPENING}The talks began.<sup>1</sup> {FILLER}\n\n> 1Ibid., 4.\n\n{head}\n\n{FILLER}The delegates met."
        f"<sup>2</sup>\n\n> 2Ibid., 5.\n\n#### {head}\n\n{FILLER}\n"
    )
    assert [s.heading for s in doc.sections if s.heading] == []
    assert "WORKING" not in " ".join(p.text for p in doc.paragraphs())


def test_a_quotations_rest_printed_plain_line_by_line_after_a_page_break_is_the_quotations() -> None:
    long_line = (
        "the delegates met again in the spring and spoke of trade, of the border, of the river and of the past. They"
    )
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\n108\n\n{FILLER}\n\n> The talks went on in Moscow, and\n\n109\n\n"
        f"{long_line}  \nspoke of the future.\n\n{FILLER}\n"
    )
    quotations = [b for s in doc.sections for b in s.blocks if isinstance(b, Quotation)]
    assert [[without_page_marks(p.text) for p in q.paragraphs] for q in quotations] == [
        [f"The talks went on in Moscow, and {long_line} spoke of the future."]
    ]


def test_a_notes_marker_at_the_top_of_a_page_that_prints_no_number_is_the_marker() -> None:
    head = "FRATERNAL RIVALS"  # the running head: where each page begins, though none prints its number
    doc = ingest_snippet(
        f"{OPENING}The talks went on.<sup>1</sup> {FILLER}\n\n> 1Ibid., 4.\n\n{head}\n\n{FILLER}They met.\n\n"
        f"> 2Ibid., 5.\n\n{head}\n\n2 Government delegates spoke.<sup>3</sup> More.\n\n> 3Ibid., 6.\n"
    )
    assert [note.text for note in doc.notes.values()] == ["Ibid., 4.", "Ibid., 5.", "Ibid., 6."]
    assert without_page_marks(doc.paragraphs()[-1].text).endswith("They met.[^2] Government delegates spoke.[^3] More.")
    assert doc.diagnostics == []


def test_a_notes_rest_last_on_a_page_that_prints_no_number_is_the_notes() -> None:
    head = "FRATERNAL RIVALS"  # the running head: where each page begins, though none prints its number
    doc = ingest_snippet(
        f"{OPENING}The talks went on.<sup>1</sup> {FILLER}\n\n1Sergei Volkov, *Mao* (Stanford: Stanford University"
        f" Press,\n\n2013), 150.\n\n{head}\n\n{FILLER}and they\n\n{head}\n\nspoke again. {FILLER}\n"
    )
    assert [note.text for note in doc.notes.values()] == [
        "Sergei Volkov, *Mao* (Stanford: Stanford University Press, 2013), 150."
    ]
    assert "2013" not in " ".join(p.text for p in doc.paragraphs())


def test_a_title_set_bold_and_cut_in_a_word_before_its_rest_set_as_a_heading() -> None:
    doc = ingest_snippet(
        "**Doctrine and Friendship in the Sino-Soviet Al-**\n\n# **liance**\n\nAnton Petrov\n\nThe talks began.\n"
    )
    assert doc.metadata.title == "Doctrine and Friendship in the Sino-Soviet Alliance"
    assert [p.text for p in doc.paragraphs()] == ["The talks began."]


def test_a_notes_rest_quoted_that_opens_with_a_range_is_no_note() -> None:
    doc = ingest_snippet(
        f"{OPENING}The talks began.<sup>1</sup> They ended.<sup>2</sup> {FILLER}\n\n> 1Archive (APRF), fond 45, listy\n\n"
        "> 2–17, l. 5.\n\n> 2Ibid., 209.\n"
    )
    assert [note.text for note in doc.notes.values()] == ["Archive (APRF), fond 45, listy 2–17, l. 5.", "Ibid., 209."]


def test_a_quotations_marker_set_alone_on_its_last_line_is_its_last_sentences() -> None:
    # the typesetter broke the line before the marker: the extraction prints it alone, a paragraph of its own
    doc = ingest_snippet(
        f"{OPENING}{FILLER}The record:<sup>9</sup>\n\n> The talks went on. They spoke of Deng Xiaoping?\n>\n> 10\n\n"
        f"<sup>9</sup> Ibid., 4.\n\n<sup>10</sup> Proposed garrison Hanoi history.\n\n{FILLER}\n"
    )
    quotations = [b for s in doc.sections for b in s.blocks if isinstance(b, Quotation)]
    assert [[p.text for p in q.paragraphs] for q in quotations] == [
        ["The talks went on. They spoke of Deng Xiaoping?[^10]"]
    ]
    assert [note.text for note in doc.notes.values()] == ["Ibid., 4.", "Proposed garrison Hanoi history."]
    assert doc.paragraphs()[-1].text == FILLER.strip()


@pytest.mark.parametrize(
    ("number", "heading"),
    [
        pytest.param("24.1.1", True, id="a-child-of-a-heading"),
        pytest.param("24.2", True, id="the-next-sibling"),
        pytest.param("24.4", False, id="no-heading-before-it"),
    ],
)
def test_a_bold_heading_run_into_the_text_is_a_heading_when_its_number_comes_next(number: str, heading: bool) -> None:
    doc = ingest_snippet(
        f"{OPENING}## **24.1 Long treaty**\n\nThe talks began in Moscow. {FILLER}The summit ended. "
        f"**_{number} Formal speech and the talks_** Joseph Stalin spoke first. The talks went on.\n"
    )
    assert [s.heading for s in doc.sections if s.heading][-1] == (
        f"{number} Formal speech and the talks" if heading else "24.1 Long treaty"
    )
    assert without_page_marks(doc.paragraphs()[-1].text).startswith("Joseph Stalin" if heading else "The talks began")


def test_the_next_pages_number_set_as_a_heading_under_the_page_number_it_follows_is_furniture() -> None:
    # the first page prints its number at its foot, the next at its top in larger type: "xi" / "### xii"
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\nThe delegates read *Unwanted\n\nxi\n\n### xii\n\n*Visionaries* and left. {FILLER}\n"
    )
    assert [page.number for page in doc.pages] == ["xi", "xii"]
    assert "xii" not in " ".join(without_page_marks(p.text) for p in doc.paragraphs())
    assert [s.heading for s in doc.sections if s.heading] == []


def test_a_line_printed_plain_last_on_a_page_opens_the_quotation_the_next_page_goes_on_with() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}It ended.<sup>1</sup>\n\nThe delegates spoke of the border and of\n\n<sup>1</sup> Ibid., 4.\n\n"
        f"403\n\n> the river, and left.\n>\n> They met again.\n\n{FILLER}\n"
    )
    quotations = [b for s in doc.sections for b in s.blocks if isinstance(b, Quotation)]
    assert [[without_page_marks(p.text) for p in q.paragraphs] for q in quotations] == [
        ["The delegates spoke of the border and of the river, and left.", "They met again."]
    ]


def test_a_heading_last_on_a_page_whose_sentence_the_next_page_goes_on_with_is_text() -> None:
    # a typesetter never leaves a heading at a page's foot: the extractor set a line in larger type as one
    doc = ingest_snippet(
        f"{OPENING}{FILLER}It ended.<sup>1</sup>\n\n#### The delegates spoke of the border and of\n\n"
        f"> 1Ibid., 4.\n\n403\n\nthe river, and left. {FILLER}\n"
    )
    assert [s.heading for s in doc.sections if s.heading] == []
    assert without_page_marks(doc.paragraphs()[-1].text).startswith(
        "The delegates spoke of the border and of the river, and left."
    )


def test_a_bulleted_item_set_as_a_heading_at_a_pages_top_is_the_lists_next_item() -> None:
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\n- The talks began.\n\n- They went on.\n\nPage 401\n\n"
        f"### • Andrei Gromyko left?\n\n{FILLER}\n"
    )
    assert [without_page_marks(p.text) for p in doc.paragraphs()][1:4] == [
        "- The talks began.",
        "- They went on.",
        "• Andrei Gromyko left?",
    ]
    assert [s.heading for s in doc.sections if s.heading] == []


def test_a_title_cased_line_inside_a_cut_sentence_above_its_pages_own_notes_opens_no_page() -> None:
    # the note under "A. Kosygin" is marked above it on the same page: no page begins at the line, a signature's
    doc = ingest_snippet(
        f"{OPENING}{FILLER}The talks began.<sup>1</sup> They went on.\n\n"
        "1Embassy postponed delegation ambassador demanded letter. And on Chinese talks accepted unexpected\n\n"
        "The China Quarterly 245\n\nThe summit ended.<sup>2</sup> Ambassador of the USSR in the PRC\n\nA. Kosygin\n\n"
        "postponed after long that ambassador.\n\n> 2Wei Zhou, *Mao's China* (Stanford: Stanford University Press, 2017), 412.\n"
    )
    assert [page.furniture for page in doc.pages if "A. Kosygin" in page.furniture] == []
    assert doc.notes["2"].text.startswith("Wei Zhou")


@pytest.mark.parametrize(
    ("heading", "prose"),
    [
        pytest.param("Стороны договорились встретиться снова в ближайшее время.", True, id="a-sentence"),
        pytest.param("Relations with the U.S.", False, id="a-heading-ending-with-an-abbreviation"),
        pytest.param("Conclusions.", False, id="a-word-and-its-stop"),
    ],
)
def test_a_sentence_in_sentence_case_set_as_a_heading_is_a_paragraph(heading: str, prose: bool) -> None:
    doc = ingest_snippet(f"{OPENING}{FILLER}\n\n### {heading}\n\n{FILLER}\n")
    assert [s.heading for s in doc.sections if s.heading] == ([] if prose else [heading])
    assert (heading in [p.text for p in doc.paragraphs()]) == prose


def test_a_notes_rest_quoted_above_the_next_note_on_a_page_that_prints_no_number() -> None:
    head = "COLD WAR HISTORY PROJECT WORKING PAPER NO. 15"  # the running head: where each page begins
    doc = ingest_snippet(
        f"{OPENING}The talks began.<sup>1</sup> They met.<sup>2</sup> {FILLER}\n\n> 1Ibid., 4.\n\n"
        "2Embassy doctrine on credits. Statement long military railway telegram record\n\n"
        f"{head}\n\nThey ended.<sup>3</sup> {FILLER}\n\n"
        "> Vladivostok formal congress proposed.\n\n> 3Ibid., 7.\n\n"
        f"{head}\n\n{FILLER}\n"
    )
    assert [note.text for note in doc.notes.values()] == [
        "Ibid., 4.",
        "Embassy doctrine on credits. Statement long military railway telegram record Vladivostok formal congress"
        " proposed.",
        "Ibid., 7.",
    ]


def test_a_notes_rest_quoted_above_the_next_note_goes_on_with_a_name_cut_inside_emphasis() -> None:
    # no furniture tells the pages apart: the name the text writes elsewhere ("Cold War") tells the note's rest
    doc = ingest_snippet(
        f"{OPENING}The talks began.<sup>1</sup> They met.<sup>2</sup> {FILLER}\n\n"
        "> 1See _Shadow Cold War_ (Lanham, 2017), 4.\n\n> 2Uneasy history question delegate. A _Cold_\n\n"
        f"They ended.<sup>3</sup> {FILLER}\n\n> _War Crucible_ ideology questioned.\n\n> 3Ibid., 7.\n"
    )
    assert doc.notes["2"].text == "Uneasy history question delegate. A _Cold_ _War Crucible_ ideology questioned."
    assert [b for s in doc.sections for b in s.blocks if isinstance(b, Quotation)] == []


def test_a_notes_first_line_beside_a_page_number_inside_a_cut_sentence_is_the_note() -> None:
    head = "Journal of Cold War Studies 23(4)"
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\nPage 2\n\n{head}\n\n{FILLER}Nikita Khrushchev spoke.<sup>1</sup> The delegation renewed\n\n"
        f"1Uneasy experts economic tense ambassador bitter Nikita\n\nPage 3\n\n{head}\n\n"
        f"economic talks.<sup>2</sup> {FILLER}\n\nKhrushchev accepted unexpected.\n\n2Ibid., 67.\n\nPage 4\n\n{head}\n\n"
        f"{FILLER}\n"
    )
    assert [note.text for note in doc.notes.values()] == [
        "Uneasy experts economic tense ambassador bitter Nikita Khrushchev accepted unexpected.",
        "Ibid., 67.",
    ]


def test_a_last_page_of_one_line_between_its_head_and_its_number_is_text() -> None:
    head = "COLD WAR HISTORY PROJECT WORKING PAPER NO. 20"
    doc = ingest_snippet(
        f"{OPENING}{FILLER}\n\n109\n\n{head}\n\n{FILLER}\n\n110\n\n{head}\n\n"
        "Ambassador of the USSR in the PRC J. Stalin\n\n> 111\n"
    )
    assert [page.number for page in doc.pages][-3:] == ["109", "110", "111"]
    assert all("J. Stalin" not in " ".join(page.furniture) for page in doc.pages)


@pytest.mark.parametrize(
    ("items", "joined"),
    [
        pytest.param(
            ["- The talks ended. The delegation expressed", "- satisfaction with the talks.", "- Trade was discussed."],
            True,
            id="a-sentence-left-open",
        ),
        pytest.param(["- economic aid", "- military cooperation", "- trade"], False, id="a-list-of-phrases"),
    ],
)
def test_a_list_items_next_line_set_as_an_item_at_its_level(items: list[str], joined: bool) -> None:
    doc = ingest_snippet(f"{OPENING}{FILLER}\n\n" + "\n\n".join(items) + f"\n\n{FILLER}\n")
    texts = [p.text for p in doc.paragraphs()][1:-1]
    assert texts == ([f"{items[0]} {items[1][2:]}", items[2]] if joined else items)


def test_a_word_cut_at_a_list_items_line_end_is_judged_by_the_texts_words() -> None:
    doc = ingest_snippet(
        f"{OPENING}Stepan Chervonenko arrived.\n\n• The talks went on with Stepan Chervo-\nnenko.\n\n• Trade was discussed.\n"
    )
    assert [p.text for p in doc.paragraphs()][1:] == [
        "• The talks went on with Stepan Chervonenko.",
        "• Trade was discussed.",
    ]


def test_an_epigraph_run_into_its_attribution_on_one_line_under_the_byline() -> None:
    doc = ingest_snippet(
        f"{OPENING}The ministry insisted and rejected it. — Anastas Mikoyan, 1964\n\n## 1 Long congress\n\n{FILLER}\n"
    )
    assert [(e.paragraphs[0].text, e.attribution) for e in doc.metadata.epigraphs] == [
        ("The ministry insisted and rejected it.", "Anastas Mikoyan, 1964")
    ]
    assert [person.affiliation for person in doc.metadata.people] == [[]]


def test_the_title_again_under_a_notes_second_line_is_a_recto_head() -> None:
    # a book's pages print no number: the chapter's title under a page's notes, a note of two lines above it
    title = "Embassy and Doctrine in the Sino-Soviet Alliance"
    doc = ingest_snippet(
        f"# {title}\n\nAnna Example\n\n{FILLER}The talks began.<sup>1</sup> {FILLER}\n\n"
        "1Strategy military reported signed plenum confirmed ambassador Beijing.\nEmbassy the Mikhail Suslov agreement\n\n"
        f"{title}\n\nTense bilateral statement. {FILLER}\n"
    )
    assert title not in " ".join(p.text for p in doc.paragraphs())


def test_a_note_run_into_a_quoted_notes_rest_is_set_as_that_line() -> None:
    head = "The Cold War in East Asia"  # the running head: where each page begins, though none prints its number
    doc = ingest_snippet(
        f"{OPENING}The talks began.<sup>1</sup> They met.<sup>2</sup> {FILLER}\n\n> 1Ibid., 4.\n\n"
        "2Cable suspended ideology of leadership after Alexei Kosygin?\n\n"
        f"{head}\n\nThey ended.<sup>3</sup> {FILLER}\n\n"
        "> For embassy border memorandum announced. 3Archive of the Ministry of Foreign Affairs, l. 20.\n\n"
        f"{head}\n\n{FILLER}\n"
    )
    assert [note.text for note in doc.notes.values()] == [
        "Ibid., 4.",
        "Cable suspended ideology of leadership after Alexei Kosygin? For embassy border memorandum announced.",
        "Archive of the Ministry of Foreign Affairs, l. 20.",
    ]
