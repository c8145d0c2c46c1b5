"""Output fingerprints of dirty rebuilds: what counts as changed (`marginalia.rebuild`)."""

from __future__ import annotations

from dataclasses import replace

from marginalia.rebuild import (
    OutputFingerprints,
    PageInputs,
    SiteInputs,
    fingerprint,
    nav_fingerprint,
    output_fingerprints,
    visible_nav,
)


def test_fingerprints_keep_their_parts_apart() -> None:
    assert fingerprint("ab", "c") != fingerprint("a", "bc")
    assert fingerprint("a", "") != fingerprint("a")
    assert fingerprint("é") == fingerprint("é")


def test_the_navigation_s_fingerprint_sees_titles_addresses_and_nesting() -> None:
    page = ("Page", "texts/a/", ())
    section = ("Texts", "", (page,))
    assert nav_fingerprint([section]) == nav_fingerprint([("Texts", "", (("Page", "texts/a/", ()),))])
    assert nav_fingerprint([section]) != nav_fingerprint([("Texts", "", (("Page!", "texts/a/", ()),))])
    assert nav_fingerprint([section]) != nav_fingerprint([("Texts", "", ()), page])
    assert nav_fingerprint([section]) != nav_fingerprint([("Texts", "", (("Page", "texts/b/", ()),))])


def test_outdated_outputs_are_the_changed_the_new_and_the_gone() -> None:
    outputs = OutputFingerprints()
    assert outputs.outdated({"a": "1", "b": "1"}) == ["a", "b"]  # a first build writes everything
    outputs.commit()
    assert outputs.outdated({"a": "1", "b": "1"}) == []
    outputs.commit()
    assert outputs.outdated({"a": "2", "c": "1"}) == ["a", "c", "b"]  # b is no longer made: removed
    # A build that fails before it commits leaves the last finished one as the reference.
    assert outputs.outdated({"a": "2", "c": "1"}) == ["a", "c", "b"]
    outputs.commit()
    assert outputs.written == {"a": "2", "c": "1"}


NAV = (
    ("Home", "", ()),
    (
        "Texts",
        "",
        (("Texts 1–2", "", (("A", "texts/a/", ()), ("B", "texts/b/", ()))), ("Texts 3", "", (("C", "texts/c/", ()),))),
    ),
    ("Guide", "", (("Adding", "guide/adding/", ()), ("Deeper", "", (("Part", "guide/part/", ()),)))),
)


def test_a_page_shows_the_top_level_its_sections_and_its_own_branch() -> None:
    outside = visible_nav(NAV)  # a page outside the navigation, or at the top
    assert outside == (
        ("Home", "", ()),
        ("Texts", "", (("Texts 1–2", "texts/a/", ()), ("Texts 3", "texts/c/", ()))),  # pruned: title, first page
        ("Guide", "", (("Adding", "guide/adding/", ()), ("Deeper", "guide/part/", ()))),
    )
    on_c = visible_nav(NAV, (1, 1))  # page C: Texts, then Texts 3
    assert on_c[1] == ("Texts", "", (("Texts 1–2", "texts/a/", ()), ("Texts 3", "", (("C", "texts/c/", ()),))))
    assert on_c[2] == outside[2]
    # B's title shows on the pages of its group, not on C's.
    retitled = (
        NAV[0],
        ("Texts", "", (("Texts 1–2", "", (("A", "texts/a/", ()), ("B!", "texts/b/", ()))), NAV[1][2][1])),
        NAV[2],
    )
    assert visible_nav(retitled, (1, 1)) == on_c
    assert visible_nav(retitled, (1, 0)) != visible_nav(NAV, (1, 0))


# The dirty-build rule, over plain data: which outputs change when one input does.

RETITLED_B = (
    NAV[0],
    ("Texts", "", (("Texts 1–2", "", (("A", "texts/a/", ()), ("B!", "texts/b/", ()))), NAV[1][2][1])),
    NAV[2],
)
SITE = SiteInputs(site="theme", nav=NAV, pruned=True, docs="guides")
PAGES = (
    PageInputs("a.html", "# A", ("work of A", ""), branch=(1, 0), neighbours=(("Home", ""), ("B", "texts/b/"))),
    PageInputs("b.html", "# B", ("work of B", ""), branch=(1, 0)),
    PageInputs("c.html", "# C", ("work of C", "cite C"), branch=(1, 1)),
    PageInputs("adding.html", "# Adding", (), branch=(2,), editors=True),
)
GENERATED = (("a.bib", "@article{a}"), ("names.json", "[]"))


def changed(
    site: SiteInputs = SITE,
    pages: tuple[PageInputs, ...] = PAGES,
    generated: tuple[tuple[str, str], ...] = GENERATED,
) -> set[str]:
    """The outputs whose fingerprint differs from the reference build's."""
    before = output_fingerprints(SITE, PAGES, GENERATED)
    after = output_fingerprints(site, pages, generated)
    return {path for path in after if before.get(path) != after[path]}


def test_the_same_inputs_give_the_same_fingerprints() -> None:
    assert changed() == set()
    assert list(output_fingerprints(SITE, PAGES, GENERATED)) == [p.output for p in PAGES] + ["a.bib", "names.json"]


def test_a_sentence_or_a_citation_rewrites_its_own_page() -> None:
    assert changed(pages=(replace(PAGES[0], inputs=("work of A, edited", "")), *PAGES[1:])) == {"a.html"}
    assert changed(pages=(*PAGES[:2], replace(PAGES[2], inputs=("work of C", "cite C again")), PAGES[3])) == {"c.html"}
    assert changed(pages=(*PAGES[:3], replace(PAGES[3], source="# Adding texts"))) == {"adding.html"}


def test_a_title_in_the_navigation_rewrites_the_pages_that_show_it() -> None:
    # Pruned: B's title shows on the pages of its group only (and wherever B is a neighbour, which A's own
    # inputs say); a guide outside the group shows the group by its title.
    assert changed(site=replace(SITE, nav=RETITLED_B)) == {"a.html", "b.html"}
    # Not pruned: every page shows the whole navigation.
    unpruned = replace(SITE, pruned=False)
    before = output_fingerprints(unpruned, PAGES, GENERATED)
    after = output_fingerprints(replace(unpruned, nav=RETITLED_B), PAGES, GENERATED)
    assert {p for p in after if before[p] != after[p]} == {p.output for p in PAGES}


def test_a_neighbour_s_title_rewrites_the_page_that_links_it() -> None:
    pages = (replace(PAGES[0], neighbours=(("Home", ""), ("B!", "texts/b/"))), *PAGES[1:])
    assert changed(pages=pages) == {"a.html"}


def test_a_watched_file_rewrites_the_editors_pages_and_the_theme_every_page() -> None:
    assert changed(site=replace(SITE, docs="guides, edited")) == {"adding.html"}
    assert changed(site=replace(SITE, site="theme, edited")) == {p.output for p in PAGES}


def test_a_generated_file_changes_with_its_content() -> None:
    assert changed(generated=(("a.bib", "@article{a, title={A}}"), GENERATED[1])) == {"a.bib"}
